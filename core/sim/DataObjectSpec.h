#pragma once

#include "util/Bytes.h"

#include <cstdint>

namespace cardlink::sim {

// Where the value GET DATA returns comes from: fixed bytes from the profile,
// or the card's live state (EMV 4.4 Book 3, Annex A: 9F17 PIN Try Counter).
enum class DataSource { Fixed, PinTriesLeft };

// One data object GET DATA can return (ISO/IEC 7816-4:2013, 11.4): a BER-TLV
// tag of one or two bytes, addressed by P1-P2.
struct DataObjectSpec
{
    std::uint16_t tag = 0;
    DataSource source = DataSource::Fixed;
    Bytes value; // Fixed only
};

} // namespace cardlink::sim
