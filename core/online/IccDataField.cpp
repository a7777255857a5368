#include "online/IccDataField.h"

#include "tlv/TlvEncoder.h"
#include "tlv/TlvObject.h"

#include <algorithm>
#include <array>

namespace cardlink::online {

std::span<const tlv::Tag> IccDataField::requestTags()
{
    static constexpr std::array<tlv::Tag, 23> tags{
        0x9F26, 0x9F27, 0x9F10, 0x9F37, 0x9F36, 0x95,   0x9A,   0x9C,
        0x9F02, 0x9F03, 0x5F2A, 0x82,   0x9F1A, 0x9F34, 0x84,   0x9F06,
        0x5F34, 0x9F33, 0x9F35, 0x9F09, 0x9F1E, 0x9F41, 0x9F21,
    };
    return tags;
}

Result<Bytes> IccDataField::build(const emv::TransactionData& data, std::span<const tlv::Tag> tags,
                                  std::span<const tlv::Tag> required)
{
    for (tlv::Tag tag : required) {
        if (!data.has(tag))
            return makeError(ErrorCode::InvalidArgument,
                             "the transaction has no " + tlv::tagToHex(tag) + " for field 55");
    }
    std::vector<tlv::TlvObject> objects;
    for (tlv::Tag tag : tags) {
        if (auto value = data.get(tag))
            objects.push_back(tlv::TlvObject::primitive(tag, Bytes(value->begin(), value->end())));
    }
    return tlv::encode(objects);
}

} // namespace cardlink::online
