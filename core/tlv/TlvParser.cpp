#include "tlv/TlvParser.h"

#include "tlv/Length.h"

#include <string>

namespace cardlink::tlv {

namespace {

Error at(const Error& error, std::size_t offset)
{
    return makeError(error.code, error.message + " at offset " + std::to_string(offset));
}

bool isPadding(std::uint8_t b)
{
    return b == 0x00 || b == 0xFF;
}

// `base` is the offset of `data` in the caller's buffer, for error messages.
Result<std::vector<TlvObject>> parseLevel(ByteView data, std::size_t depth, std::size_t base)
{
    if (depth > kMaxDepth && !data.empty())
        return makeError(ErrorCode::Malformed, "nesting deeper than " + std::to_string(kMaxDepth) +
                                                   " levels at offset " + std::to_string(base));
    std::vector<TlvObject> objects;
    std::size_t pos = 0;
    while (pos < data.size()) {
        if (isPadding(data[pos])) {
            ++pos;
            continue;
        }
        const std::size_t start = pos;
        std::size_t consumed = 0;
        auto tag = readTag(data.subspan(pos), consumed);
        if (!tag)
            return at(tag.error(), base + start);
        pos += consumed;
        auto length = readLength(data.subspan(pos), consumed);
        if (!length)
            return at(length.error(), base + pos);
        pos += consumed;
        if (*length > data.size() - pos)
            return makeError(ErrorCode::Truncated,
                             "value of " + tagToHex(*tag) + " (" + std::to_string(*length) +
                                 " bytes) runs past the end of the data at offset " +
                                 std::to_string(base + start));
        const ByteView value = data.subspan(pos, *length);
        if (isConstructed(*tag)) {
            auto children = parseLevel(value, depth + 1, base + pos);
            if (!children)
                return children.error();
            objects.push_back(TlvObject::constructed(*tag, std::move(*children)));
        } else {
            objects.push_back(TlvObject::primitive(*tag, Bytes(value.begin(), value.end())));
        }
        pos += *length;
    }
    return objects;
}

} // namespace

Result<std::vector<TlvObject>> parse(ByteView data)
{
    return parseLevel(data, 1, 0);
}

} // namespace cardlink::tlv
