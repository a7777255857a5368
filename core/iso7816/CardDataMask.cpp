#include "iso7816/CardDataMask.h"

#include "tlv/Length.h"
#include "tlv/Tag.h"

#include <algorithm>
#include <array>
#include <optional>

namespace cardlink::iso7816 {

namespace {

// Same bound as the TLV parser: a card's nesting is never deeper.
constexpr std::size_t kMaxDepth = 16;

constexpr std::array<tlv::Tag, 6> kCardDataTags = {
    0x56,   // Track 1 Data
    0x57,   // Track 2 Equivalent Data
    0x5A,   // Application Primary Account Number (PAN)
    0x9F1F, // Track 1 Discretionary Data
    0x9F20, // Track 2 Discretionary Data
    0x9F6B, // Track 2 Data (contactless)
};

bool isPadding(std::uint8_t byte)
{
    // EMV 4.4 Book 3, Annex B1: 00 (and FF) between objects is padding.
    return byte == 0x00 || byte == 0xFF;
}

// Walks [begin, end) of `data` as a sequence of BER-TLV objects, adding the
// card data values to `ranges`; false when it is not well-formed.
bool walk(ByteView data, std::size_t begin, std::size_t end, std::size_t depth,
          std::vector<MaskedRange>& ranges)
{
    if (depth > kMaxDepth)
        return false;
    std::size_t pos = begin;
    while (pos < end) {
        if (isPadding(data[pos])) {
            ++pos;
            continue;
        }
        std::size_t tagSize = 0;
        auto tag = tlv::readTag(data.subspan(pos, end - pos), tagSize);
        if (!tag)
            return false;
        pos += tagSize;
        std::size_t lengthSize = 0;
        auto length = tlv::readLength(data.subspan(pos, end - pos), lengthSize);
        if (!length)
            return false;
        pos += lengthSize;
        if (*length > end - pos)
            return false;
        if (tlv::isConstructed(*tag)) {
            if (!walk(data, pos, pos + *length, depth + 1, ranges))
                return false;
        } else if (isCardDataTag(*tag) && *length > 0) {
            ranges.push_back({pos, *length});
        }
        pos += *length;
    }
    return true;
}

// Not TLV: every card data tag followed by a short length, clipped to the data.
std::vector<MaskedRange> scan(ByteView data)
{
    std::vector<MaskedRange> ranges;
    std::size_t pos = 0;
    while (pos < data.size()) {
        std::size_t tagSize = 0;
        if (data[pos] == 0x9F && pos + 1 < data.size() && isCardDataTag(0x9F00u | data[pos + 1]))
            tagSize = 2;
        else if (isCardDataTag(data[pos]))
            tagSize = 1;
        if (tagSize == 0 || pos + tagSize >= data.size()) {
            ++pos;
            continue;
        }
        const std::size_t valueStart = pos + tagSize + 1;
        const std::size_t length =
            std::min<std::size_t>(data[pos + tagSize], data.size() - valueStart);
        if (length > 0)
            ranges.push_back({valueStart, length});
        pos = valueStart + length;
    }
    return ranges;
}

} // namespace

bool isCardDataTag(std::uint32_t tag)
{
    return std::find(kCardDataTags.begin(), kCardDataTags.end(), tag) != kCardDataTags.end();
}

std::vector<MaskedRange> cardDataRanges(ByteView data)
{
    std::vector<MaskedRange> ranges;
    if (walk(data, 0, data.size(), 1, ranges))
        return ranges;
    return scan(data);
}

} // namespace cardlink::iso7816
