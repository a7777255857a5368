#pragma once

#include "util/Bytes.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cardlink::iso7816 {

// One COMPACT-TLV data object of the historical bytes: a header byte 'XY' with
// tag number X and length Y, then Y value bytes. It stands for the BER-TLV
// object with tag '4X' (ISO/IEC 7816-4:2013, 8.1.1.2).
struct CompactTlvObject
{
    // Tag numbers of the interindustry objects (ISO/IEC 7816-4:2013, 8.1.1.2.1-8.1.1.2.7).
    static constexpr std::uint8_t kCountryCode = 0x1;
    static constexpr std::uint8_t kIssuerIdentification = 0x2;
    static constexpr std::uint8_t kCardServiceData = 0x3;
    static constexpr std::uint8_t kInitialAccessData = 0x4;
    static constexpr std::uint8_t kCardIssuerData = 0x5;
    static constexpr std::uint8_t kPreIssuingData = 0x6;
    static constexpr std::uint8_t kCardCapabilities = 0x7;
    static constexpr std::uint8_t kStatusIndicator = 0x8;
    static constexpr std::uint8_t kApplicationIdentifier = 0xF;

    std::uint8_t tag = 0; // tag number X, 0..15
    Bytes value;          // Y bytes, Y = 0..15

    std::uint8_t header() const { return static_cast<std::uint8_t>((tag << 4) | value.size()); }
    std::string name() const;
    // One line per fact, best effort: odd lengths are reported, not rejected.
    std::vector<std::string> describe() const;

    bool operator==(const CompactTlvObject&) const = default;
};

// The card life cycle status byte (ISO/IEC 7816-4:2013, 5.3.3.2, table 13).
std::string describeLifeCycleStatus(std::uint8_t lcs);

} // namespace cardlink::iso7816
