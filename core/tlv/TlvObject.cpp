#include "tlv/TlvObject.h"

namespace cardlink::tlv {

TlvObject TlvObject::primitive(Tag tag, Bytes value)
{
    TlvObject object;
    object.tag = tag;
    object.value = std::move(value);
    return object;
}

TlvObject TlvObject::constructed(Tag tag, std::vector<TlvObject> children)
{
    TlvObject object;
    object.tag = tag;
    object.children = std::move(children);
    return object;
}

const TlvObject* TlvObject::find(Tag wanted) const
{
    return findTag(children, wanted);
}

// Recursion depth is bounded by the parser's depth limit (kMaxDepth) for parsed
// trees; trees built in code are as deep as their author made them.
const TlvObject* findTag(std::span<const TlvObject> objects, Tag tag)
{
    for (const auto& object : objects) {
        if (object.tag == tag)
            return &object;
        if (const auto* found = findTag(object.children, tag))
            return found;
    }
    return nullptr;
}

const TlvObject* findPath(std::span<const TlvObject> objects, std::span<const Tag> path)
{
    const TlvObject* current = nullptr;
    for (const Tag step : path) {
        current = nullptr;
        for (const auto& object : objects) {
            if (object.tag == step) {
                current = &object;
                break;
            }
        }
        if (!current)
            return nullptr;
        objects = current->children;
    }
    return current;
}

const TlvObject* findPath(std::span<const TlvObject> objects, std::initializer_list<Tag> path)
{
    return findPath(objects, std::span<const Tag>(path.begin(), path.size()));
}

} // namespace cardlink::tlv
