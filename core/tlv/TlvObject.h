#pragma once

#include "tlv/Tag.h"
#include "util/Bytes.h"

#include <initializer_list>
#include <span>
#include <vector>

namespace cardlink::tlv {

// One BER-TLV data object. A primitive object carries `value`; a constructed
// one (isConstructed(tag)) carries `children` and leaves `value` empty.
struct TlvObject
{
    Tag tag = 0;
    Bytes value;
    std::vector<TlvObject> children;

    static TlvObject primitive(Tag tag, Bytes value);
    static TlvObject constructed(Tag tag, std::vector<TlvObject> children);

    bool isConstructed() const { return tlv::isConstructed(tag); }

    // First descendant (depth first, in order) with `tag`, or nullptr.
    const TlvObject* find(Tag wanted) const;

    bool operator==(const TlvObject&) const = default;
};

// First object with `tag` in `objects` or anywhere below them (depth first, in
// order), or nullptr.
const TlvObject* findTag(std::span<const TlvObject> objects, Tag tag);

// Follows a path of tags, one level per tag, taking the first match at each
// level: findPath(objects, {0x6F, 0xA5, 0x50}) is the Application Label in an
// FCI. nullptr when any step is missing or the path is empty.
const TlvObject* findPath(std::span<const TlvObject> objects, std::span<const Tag> path);
const TlvObject* findPath(std::span<const TlvObject> objects, std::initializer_list<Tag> path);

} // namespace cardlink::tlv
