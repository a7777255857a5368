#include "journal/StoredRequest.h"

#include "iso8583/CardLinkProfile.h"
#include "iso8583/MessageCodec.h"

#include "tlv/TlvEncoder.h"
#include "tlv/TlvParser.h"

#include <algorithm>
#include <array>

namespace cardlink::journal {

namespace {
constexpr std::array kSecretFields{2, 35, 45, 52};
constexpr std::array kMacFields{64, 128};
constexpr int kIccData = 55;
// Card data objects that hold the PAN or a track (EMV 4.4 Book 3, Annex A):
// 5A PAN, 56 track 1, 57 track 2 equivalent, 9F6B track 2 data.
constexpr std::array<tlv::Tag, 4> kSecretTags{0x5A, 0x56, 0x57, 0x9F6B};

bool isSecretTag(tlv::Tag tag)
{
    return std::find(kSecretTags.begin(), kSecretTags.end(), tag) != kSecretTags.end();
}

// Field 55 without the secret objects; the whole field goes when it does not
// parse, since nothing unparsed can be shown to be free of them.
void scrubIccData(iso8583::Message& message)
{
    const Bytes* data = message.bytes(kIccData);
    if (!data)
        return;
    auto objects = tlv::parse(*data);
    if (!objects) {
        message.remove(kIccData);
        return;
    }
    std::erase_if(*objects, [](const tlv::TlvObject& o) { return isSecretTag(o.tag); });
    auto encoded = tlv::encode(*objects);
    if (!encoded) {
        message.remove(kIccData);
        return;
    }
    message.set(kIccData, std::move(*encoded));
}
} // namespace

Result<Bytes> StoredRequest::encode(iso8583::Message message)
{
    for (int field : kSecretFields)
        message.remove(field);
    for (int field : kMacFields)
        message.remove(field);
    scrubIccData(message);
    return iso8583::MessageCodec(iso8583::cardLinkProfile()).encode(message);
}

Result<iso8583::Message> StoredRequest::decode(ByteView bytes)
{
    return iso8583::MessageCodec(iso8583::cardLinkProfile()).decode(bytes);
}

std::optional<int> StoredRequest::secretField(const iso8583::Message& message)
{
    for (int field : kSecretFields)
        if (message.has(field))
            return field;
    if (const Bytes* data = message.bytes(kIccData)) {
        auto objects = tlv::parse(*data);
        if (!objects)
            return kIccData;
        for (const auto& object : *objects)
            if (isSecretTag(object.tag))
                return kIccData;
    }
    return std::nullopt;
}

} // namespace cardlink::journal
