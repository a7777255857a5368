#include "journal/StoredRequest.h"

#include "iso8583/CardLinkProfile.h"
#include "iso8583/MessageCodec.h"

#include <array>

namespace cardlink::journal {

namespace {
constexpr std::array kSecretFields{2, 35, 45, 52};
constexpr std::array kMacFields{64, 128};
} // namespace

Result<Bytes> StoredRequest::encode(iso8583::Message message)
{
    for (int field : kSecretFields)
        message.remove(field);
    for (int field : kMacFields)
        message.remove(field);
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
    return std::nullopt;
}

} // namespace cardlink::journal
