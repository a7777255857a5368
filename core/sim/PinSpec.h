#pragma once

#include "util/Bytes.h"

#include <cstdint>

namespace cardlink::sim {

// The card's PIN as a profile stores it: never the digits, only a random salt
// and SHA-256(salt || PIN digits as ASCII) (see PinHash). The try counter
// starts at `triesLeft` when the card is built and survives reset and power
// off, as on a real card; it returns to `maxTries` on a correct PIN.
struct PinSpec
{
    std::uint8_t reference = 0x80; // VERIFY P2 (EMV 4.4 Book 3, 6.5.12: 80 = plaintext PIN)
    int maxTries = 3;
    int triesLeft = 3;
    Bytes salt;
    Bytes hash;

    // 63Cx can count up to 15 (ISO/IEC 7816-4:2013, table 6).
    static constexpr int kMaxTries = 15;
    static constexpr std::size_t kMinSalt = 8;
    static constexpr std::size_t kMaxSalt = 64;
    static constexpr std::size_t kHashSize = 32;
};

} // namespace cardlink::sim
