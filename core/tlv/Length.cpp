#include "tlv/Length.h"

#include <string>

namespace cardlink::tlv {

namespace {
constexpr std::uint8_t kLongFormBit = 0x80;
constexpr std::uint8_t kIndefinite = 0x80;
constexpr std::size_t kMaxLengthBytes = 4;
} // namespace

Result<std::size_t> readLength(ByteView bytes, std::size_t& consumed)
{
    consumed = 0;
    if (bytes.empty())
        return makeError(ErrorCode::Truncated, "missing length");
    const std::uint8_t first = bytes[0];
    if ((first & kLongFormBit) == 0) {
        consumed = 1;
        return std::size_t{first};
    }
    if (first == kIndefinite)
        return makeError(ErrorCode::Malformed, "indefinite length (80) is not allowed");
    const std::size_t count = first & 0x7F;
    if (count > kMaxLengthBytes)
        return makeError(ErrorCode::Malformed,
                         "length field of " + std::to_string(count) + " bytes is not supported");
    if (bytes.size() < 1 + count)
        return makeError(ErrorCode::Truncated, "length field runs past the end of the data");
    std::uint64_t length = 0;
    for (std::size_t i = 1; i <= count; ++i)
        length = (length << 8) | bytes[i];
    consumed = 1 + count;
    return static_cast<std::size_t>(length);
}

void appendLength(Bytes& out, std::size_t length)
{
    if (length < kLongFormBit) {
        out.push_back(static_cast<std::uint8_t>(length));
        return;
    }
    std::size_t count = 1;
    while (count < kMaxLengthBytes && (static_cast<std::uint64_t>(length) >> (8 * count)) != 0)
        ++count;
    out.push_back(static_cast<std::uint8_t>(kLongFormBit | count));
    for (std::size_t i = count; i > 0; --i)
        out.push_back(static_cast<std::uint8_t>(length >> (8 * (i - 1))));
}

} // namespace cardlink::tlv
