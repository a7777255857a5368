#pragma once

#include "util/Bytes.h"

#include <cstddef>
#include <vector>

namespace cardlink::iso7816 {

// A run of bytes to hide: `length` bytes from `offset`.
struct MaskedRange
{
    std::size_t offset = 0;
    std::size_t length = 0;

    bool operator==(const MaskedRange&) const = default;
};

// The values in a card's response data that carry the PAN or track data and
// must not be shown or stored in clear (EMV 4.4 Book 3, Annex A1): 5A
// Application PAN, 57 Track 2 Equivalent Data, 56 Track 1 Data, 9F1F Track 1
// Discretionary Data, 9F20 Track 2 Discretionary Data and 9F6B Track 2 Data
// (EMV Contactless Book C-2). `data` is the response without SW1 SW2.
//
// The data is walked as BER-TLV (Book 3, Annex B), into constructed objects,
// so the tags are found in a READ RECORD template (70), a GPO response (77) or
// anywhere else. When it is not well-formed TLV (a chunk of a 61xx chain, a
// proprietary answer), every place where one of these tags is followed by a
// one-byte length is masked instead, up to the end of the data: a false hit
// hides a few bytes, a miss would show a PAN. Ranges are in ascending order
// and do not overlap.
std::vector<MaskedRange> cardDataRanges(ByteView data);

// True for the tags cardDataRanges() masks.
bool isCardDataTag(std::uint32_t tag);

} // namespace cardlink::iso7816
