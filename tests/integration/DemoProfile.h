#pragma once

#include "util/Bytes.h"

#include <QString>

#include <optional>
#include <vector>

namespace cardlink::integration {

// What the tests expect of a card, read straight from its JSON card profile
// (docs/card-profile.md) with Qt's JSON reader, independently of the
// simulator's own profile loader.
struct DemoProfile
{
    struct TransparentEf
    {
        int sfi = 0;
        Bytes content;
    };
    struct RecordEf
    {
        int sfi = 0;
        std::vector<Bytes> records;
    };

    Bytes atr;
    int protocol = 1; // 0 for "T=0", 1 for "T=1"
    // The first DF with a DF name (an application) and, directly under it,
    // the first transparent EF and the first record EF that have an SFI.
    Bytes aid;
    std::optional<TransparentEf> binary;
    std::optional<RecordEf> records;
    // The PIN, if the profile has one.
    bool hasPin = false;
    int pinReference = 0x80;
    int pinMaxTries = 0;
    int pinTriesLeft = 0;

    // `fileName` under resources/cards. nullopt (and `error` set) when the
    // file is missing or not what the format says.
    static std::optional<DemoProfile> load(const QString& fileName, QString* error = nullptr);
};

} // namespace cardlink::integration
