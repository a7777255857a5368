#pragma once

#include "tlv/EmvTags.h"
#include "tlv/Tag.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>
#include <functional>
#include <optional>
#include <span>
#include <vector>

namespace cardlink::tlv {

// One entry of a Data Object List: the tag and the number of bytes the card
// wants for it (EMV 4.4 Book 3, 5.4). PDOL, CDOL1/2, DDOL and TDOL all use it.
struct DolEntry
{
    Tag tag = 0;
    std::size_t length = 0;

    bool operator==(const DolEntry&) const = default;
};

// A DOL entry asks for at most one short APDU's worth of bytes.
constexpr std::size_t kMaxDolEntryLength = 255;
// The concatenated data must fit an extended APDU's data field.
constexpr std::size_t kMaxDolDataLength = 65535;

// Decodes a DOL: tags (up to kMaxTagBytes) each followed by a BER length.
// Truncated when an entry is cut off; Malformed for a 00/FF tag byte, an entry
// longer than kMaxDolEntryLength or a total beyond kMaxDolDataLength.
Result<std::vector<DolEntry>> parseDol(ByteView dol);

// Sum of the entries' lengths: the size of the data buildDolData produces.
std::size_t dolDataLength(std::span<const DolEntry> entries);

// The value the terminal holds for a tag, or nullopt when it has none. The
// view must stay valid until buildDolData returns.
using DolValueLookup = std::function<std::optional<ByteView>(Tag)>;
using DolFormatLookup = std::function<TagFormat(Tag)>;

// Fits one value to `length` bytes by the rules of EMV 4.4 Book 3, 5.4:
// too long: n keeps the rightmost bytes, every other format the leftmost;
// too short: n gets leading 00, cn trailing FF, every other format trailing 00.
Bytes fitDolValue(ByteView value, std::size_t length, TagFormat format);

// Concatenates the values for `entries` (EMV 4.4 Book 3, 5.4): each fitted
// with fitDolValue, zeros for a missing value and for a constructed tag.
// `formats` gives each tag's format; by default the EMV dictionary (formatOf).
Bytes buildDolData(std::span<const DolEntry> entries, const DolValueLookup& values,
                   const DolFormatLookup& formats = formatOf);
// parseDol + buildDolData.
Result<Bytes> buildDolData(ByteView dol, const DolValueLookup& values,
                           const DolFormatLookup& formats = formatOf);

} // namespace cardlink::tlv
