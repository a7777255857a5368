#include "online/MessageMac.h"

#include "crypto/Cmac.h"
#include "iso8583/MessageCodec.h"

#include <openssl/crypto.h>

namespace cardlink::online {

namespace field = iso8583::field;

const char* macCheckName(MacCheck check)
{
    switch (check) {
    case MacCheck::Valid:
        return "valid";
    case MacCheck::Invalid:
        return "invalid";
    case MacCheck::Missing:
        return "missing";
    }
    return "unknown";
}

int MessageMac::macField(const iso8583::Message& message)
{
    for (const auto& [number, value] : message.fields()) {
        if (number > 64 && number < 128)
            return field::kSecondaryMac;
    }
    return field::kMac;
}

Result<Bytes> MessageMac::macInput(const iso8583::Message& message, const iso8583::Profile& profile)
{
    iso8583::Message copy = message;
    copy.remove(field::kMac);
    copy.remove(field::kSecondaryMac);
    // A placeholder sets the bitmap bit; its bytes are the last 8 and cut off.
    copy.set(macField(message), Bytes(kMacSize, 0));
    auto encoded = iso8583::MessageCodec(profile).encode(copy);
    if (!encoded)
        return encoded.error();
    encoded->resize(encoded->size() - kMacSize);
    return encoded;
}

Result<Bytes> MessageMac::compute(const iso8583::Message& message, ByteView key,
                                  const iso8583::Profile& profile)
{
    if (key.size() != 16 && key.size() != 24 && key.size() != 32)
        return makeError(ErrorCode::InvalidArgument, "the MAC key must be an AES key");
    auto input = macInput(message, profile);
    if (!input)
        return input.error();
    return crypto::cmac(crypto::CipherAlgorithm::Aes, key, *input, kMacSize);
}

Result<void> MessageMac::apply(iso8583::Message& message, ByteView key,
                               const iso8583::Profile& profile)
{
    auto mac = compute(message, key, profile);
    if (!mac)
        return mac.error();
    message.remove(field::kMac);
    message.remove(field::kSecondaryMac);
    message.set(macField(message), std::move(*mac));
    return {};
}

Result<MacCheck> MessageMac::verify(const iso8583::Message& message, ByteView key,
                                    const iso8583::Profile& profile)
{
    const bool has64 = message.has(field::kMac);
    const bool has128 = message.has(field::kSecondaryMac);
    if (!has64 && !has128)
        return MacCheck::Missing;
    const int expectedField = macField(message);
    const int otherField = expectedField == field::kMac ? field::kSecondaryMac : field::kMac;
    if (message.has(otherField))
        return MacCheck::Invalid;
    const Bytes* received = message.bytes(expectedField);
    auto mac = compute(message, key, profile);
    if (!mac)
        return mac.error();
    if (received == nullptr || received->size() != mac->size())
        return MacCheck::Invalid;
    return CRYPTO_memcmp(received->data(), mac->data(), mac->size()) == 0 ? MacCheck::Valid
                                                                          : MacCheck::Invalid;
}

} // namespace cardlink::online
