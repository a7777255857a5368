#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <cstdint>
#include <vector>

namespace cardlink::emv {

// CV Method codes, EMV 4.4 Book 3, Annex C3, table 39 (b6-b1 of byte 1).
enum class CvMethod : std::uint8_t {
    Fail = 0x00,
    OfflinePlaintextPin = 0x01,
    OnlineEncipheredPin = 0x02,
    OfflinePlaintextPinAndSignature = 0x03,
    OfflineEncipheredPin = 0x04,
    OfflineEncipheredPinAndSignature = 0x05,
    Signature = 0x1E,
    NoCvmRequired = 0x1F,
};

// One CV Rule (Book 3, Annex C3): method byte and condition byte.
struct CvRule
{
    std::uint8_t method = 0;
    std::uint8_t condition = 0;

    std::uint8_t methodCode() const { return method & 0x3F; }
    // b7: "apply succeeding CV Rule if this CVM is unsuccessful".
    bool applySucceedingIfUnsuccessful() const { return (method & 0x40) != 0; }
};

// The CVM List, tag 8E (Book 3, 10.5 and Annex C3): Amount X (4 bytes,
// binary), Amount Y (4 bytes), then CV Rules of two bytes each.
struct CvmList
{
    std::uint32_t amountX = 0;
    std::uint32_t amountY = 0;
    std::vector<CvRule> rules;

    // Malformed when shorter than 8 bytes or when the rules part has an odd
    // length (card data that is not a CVM List).
    static Result<CvmList> parse(ByteView value);
};

} // namespace cardlink::emv
