#pragma once

#include "tlv/Tag.h"
#include "util/Bytes.h"

#include <optional>

namespace cardlink::sim::emv {

// The card's view of DOL-related data (EMV 4.4 Book 3, 5.4): the terminal
// sent the values of the DOL's entries back to back, each with the length
// the DOL asked for. value() finds one of them.
class DolValues
{
public:
    // The length the DOL asks for in all (0 for an empty or malformed DOL).
    static std::size_t expectedLength(ByteView dol);
    // The bytes for `tag` in `data`, or nullopt when the DOL has no such
    // entry or `data` is too short.
    static std::optional<Bytes> value(ByteView dol, ByteView data, tlv::Tag tag);
};

} // namespace cardlink::sim::emv
