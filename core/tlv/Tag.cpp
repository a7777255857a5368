#include "tlv/Tag.h"

namespace cardlink::tlv {

namespace {
// ISO/IEC 8825-1:2021, 8.1.2.4: low five bits all set = "tag number follows".
constexpr std::uint8_t kTagNumberMask = 0x1F;
constexpr std::uint8_t kMoreBytesBit = 0x80;
constexpr std::uint8_t kConstructedBit = 0x20;
} // namespace

std::size_t tagByteCount(Tag tag)
{
    if (tag > 0xFFFFFF)
        return 4;
    if (tag > 0xFFFF)
        return 3;
    if (tag > 0xFF)
        return 2;
    return 1;
}

std::uint8_t tagFirstByte(Tag tag)
{
    return static_cast<std::uint8_t>(tag >> (8 * (tagByteCount(tag) - 1)));
}

TagClass tagClass(Tag tag)
{
    return static_cast<TagClass>(tagFirstByte(tag) >> 6);
}

bool isConstructed(Tag tag)
{
    return (tagFirstByte(tag) & kConstructedBit) != 0;
}

bool isValidTag(Tag tag)
{
    const std::size_t count = tagByteCount(tag);
    const std::uint8_t first = tagFirstByte(tag);
    // 00 and FF are padding, never the first byte of a tag (ISO/IEC 7816-4:2005, 5.2.2.1).
    if (first == 0x00 || first == 0xFF)
        return false;
    if ((first & kTagNumberMask) != kTagNumberMask)
        return count == 1;
    if (count == 1)
        return false;
    for (std::size_t i = 1; i < count; ++i) {
        const auto b = static_cast<std::uint8_t>(tag >> (8 * (count - 1 - i)));
        const bool last = i + 1 == count;
        if (((b & kMoreBytesBit) != 0) == last)
            return false;
    }
    return true;
}

std::string tagToHex(Tag tag)
{
    Bytes bytes;
    appendTag(bytes, tag);
    return toHex(bytes);
}

Result<Tag> readTag(ByteView bytes, std::size_t& consumed)
{
    consumed = 0;
    if (bytes.empty())
        return makeError(ErrorCode::Truncated, "missing tag");
    Tag tag = bytes[0];
    std::size_t count = 1;
    // EMV 4.4 Book 3, Annex B1: subsequent bytes follow while b8 is set.
    if ((bytes[0] & kTagNumberMask) == kTagNumberMask) {
        while (true) {
            if (count >= kMaxTagBytes)
                return makeError(ErrorCode::Malformed,
                                 "tag longer than " + std::to_string(kMaxTagBytes) + " bytes");
            if (count >= bytes.size())
                return makeError(ErrorCode::Truncated, "tag runs past the end of the data");
            const std::uint8_t b = bytes[count];
            tag = (tag << 8) | b;
            ++count;
            if ((b & kMoreBytesBit) == 0)
                break;
        }
    }
    consumed = count;
    return tag;
}

void appendTag(Bytes& out, Tag tag)
{
    for (std::size_t i = tagByteCount(tag); i > 0; --i)
        out.push_back(static_cast<std::uint8_t>(tag >> (8 * (i - 1))));
}

} // namespace cardlink::tlv
