#pragma once

#include "iso7816/StatusWord.h"

#include <cstdint>

namespace cardlink::sim::status {

// Status words the simulated card sends that iso7816::sw does not name
// (ISO/IEC 7816-4:2013, 5.6, tables 5 and 6).
constexpr std::uint16_t kBytesAvailable = 0x6100;     // 61xx, xx = bytes waiting
constexpr std::uint16_t kVerificationFailed = 0x6300; // no counter given
constexpr std::uint16_t kCounter = 0x63C0;            // 63Cx, x = tries left
constexpr std::uint16_t kEndReachedEarly = 0x6282;    // end of file/record before Ne
constexpr std::uint16_t kLogicalChannelNotSupported = 0x6881;
constexpr std::uint16_t kSecureMessagingNotSupported = 0x6882;
constexpr std::uint16_t kIncompatibleFileStructure = 0x6981;
constexpr std::uint16_t kWrongParameters = 0x6B00; // READ BINARY: offset outside the EF
constexpr std::uint16_t kWrongLe = 0x6C00;         // 6Cxx, xx = exact length available

} // namespace cardlink::sim::status
