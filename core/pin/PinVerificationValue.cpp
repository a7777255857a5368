#include "pin/PinVerificationValue.h"

#include "crypto/Hmac.h"
#include "pin/PinBlock.h"
#include "pin/SecretBytes.h"

#include <openssl/crypto.h>

#include <algorithm>

namespace cardlink::pin {

namespace {
bool allDigits(ByteView text)
{
    return std::all_of(text.begin(), text.end(),
                       [](std::uint8_t c) { return c >= '0' && c <= '9'; });
}
} // namespace

Result<Bytes> PinVerificationValue::compute(ByteView key, std::string_view pan, ByteView pin)
{
    if (key.size() < kMinKeySize)
        return makeError(ErrorCode::InvalidArgument, "PIN verification key shorter than 16 bytes");
    const ByteView panBytes(reinterpret_cast<const std::uint8_t*>(pan.data()), pan.size());
    if (pan.empty() || pan.size() > PinBlock::kMaxPanDigits || !allDigits(panBytes))
        return makeError(ErrorCode::InvalidArgument, "PAN must be 1 to 19 digits");
    if (pin.size() < PinBlock::kMinPinDigits || pin.size() > PinBlock::kMaxPinDigits ||
        !allDigits(pin))
        return makeError(ErrorCode::InvalidArgument, "PIN must be 4 to 12 digits");

    SecretBytes input(3 + pan.size() + pin.size());
    std::size_t at = 0;
    input[at++] = kVersion;
    input[at++] = static_cast<std::uint8_t>(pan.size());
    std::copy(panBytes.begin(), panBytes.end(), input.data() + at);
    at += pan.size();
    input[at++] = static_cast<std::uint8_t>(pin.size());
    std::copy(pin.begin(), pin.end(), input.data() + at);
    return crypto::hmac(crypto::HashAlgorithm::Sha256, key, {input.view()});
}

Result<bool> PinVerificationValue::matches(ByteView key, std::string_view pan, ByteView pin,
                                           ByteView expected)
{
    auto actual = compute(key, pan, pin);
    if (!actual)
        return actual.error();
    if (expected.size() != actual->size())
        return false;
    return CRYPTO_memcmp(actual->data(), expected.data(), expected.size()) == 0;
}

} // namespace cardlink::pin
