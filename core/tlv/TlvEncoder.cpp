#include "tlv/TlvEncoder.h"

#include "tlv/Length.h"
#include "tlv/TlvParser.h"

namespace cardlink::tlv {

namespace {

Result<void> encodeInto(Bytes& out, const TlvObject& object, std::size_t depth);

Result<void> encodeAllInto(Bytes& out, std::span<const TlvObject> objects, std::size_t depth)
{
    for (const auto& object : objects) {
        if (auto done = encodeInto(out, object, depth); !done)
            return done;
    }
    return {};
}

Result<void> encodeInto(Bytes& out, const TlvObject& object, std::size_t depth)
{
    const std::string name = tagToHex(object.tag);
    if (!isValidTag(object.tag))
        return makeError(ErrorCode::InvalidArgument, "invalid tag " + name);
    if (depth > kMaxDepth)
        return makeError(ErrorCode::InvalidArgument,
                         "nesting deeper than " + std::to_string(kMaxDepth) + " levels");
    Bytes content;
    if (object.isConstructed()) {
        if (!object.value.empty())
            return makeError(ErrorCode::InvalidArgument,
                             "constructed object " + name + " carries a primitive value");
        if (auto done = encodeAllInto(content, object.children, depth + 1); !done)
            return done;
    } else {
        if (!object.children.empty())
            return makeError(ErrorCode::InvalidArgument,
                             "primitive object " + name + " has children");
    }
    const ByteView body = object.isConstructed() ? ByteView(content) : ByteView(object.value);
    if (body.size() > kMaxLength)
        return makeError(ErrorCode::InvalidArgument, "value of " + name + " is too long");
    appendTag(out, object.tag);
    appendLength(out, body.size());
    out.insert(out.end(), body.begin(), body.end());
    return {};
}

} // namespace

Result<Bytes> encode(const TlvObject& object)
{
    return encode(std::span<const TlvObject>(&object, 1));
}

Result<Bytes> encode(std::span<const TlvObject> objects)
{
    Bytes out;
    if (auto done = encodeAllInto(out, objects, 1); !done)
        return done.error();
    return out;
}

} // namespace cardlink::tlv
