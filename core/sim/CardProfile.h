#pragma once

#include "sim/CardBehaviour.h"
#include "sim/DataObjectSpec.h"
#include "sim/FileNode.h"
#include "sim/PinSpec.h"
#include "sim/TransmissionProtocol.h"
#include "sim/emv/EmvProfile.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cardlink::sim {

// Everything a simulated card is made of, loaded from a JSON card profile
// (format: docs/card-profile.md). A profile that parses is consistent: FIDs
// unique per DF, SFIs unique per DF, sizes within what the commands can
// address, tries within 0..maxTries.
struct CardProfile
{
    static constexpr int kFormatVersion = 1;
    static constexpr std::size_t kMaxTextSize = 4 * 1024 * 1024;
    static constexpr int kMaxDfDepth = 8; // DFs below the MF
    static constexpr std::size_t kMaxFiles = 4096;

    std::string name;
    Bytes atr;
    TransmissionProtocol protocol = TransmissionProtocol::T1;
    CardBehaviour behaviour;
    FileNode mf; // a DF with FID 3F00; the profile's "files" are its children
    std::optional<PinSpec> pin;
    std::vector<DataObjectSpec> dataObjects;
    // The EMV payment application (sim/emv), when the profile has an "emv" section.
    std::optional<emv::EmvProfile> emv;

    // Errors (ErrorCode::Malformed) name the JSON path of the problem:
    // "files[2].records[0]: not hex (odd number of hex digits)".
    static Result<CardProfile> parse(std::string_view json);
    // Reads and parses a file; errors name the file.
    static Result<CardProfile> load(const std::string& path);
};

} // namespace cardlink::sim
