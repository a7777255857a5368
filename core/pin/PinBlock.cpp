#include "pin/PinBlock.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>
#include <string>

namespace cardlink::pin {

namespace {
constexpr std::uint8_t kFillF = 0x0F;
constexpr std::uint8_t kFillA = 0x0A;
constexpr std::size_t kPinDigitsStart = 2; // after the control and length nibbles
constexpr std::size_t kPanFieldDigits = 12;
// Format 3 fill digits come from A-F; random nibbles 0-11 map onto them two
// each, 12-15 are drawn again so that no fill digit is likelier than another.
constexpr std::uint8_t kFormat3Accept = 12;
constexpr int kMaxRandomRounds = 64;

std::uint8_t nibbleAt(ByteView block, std::size_t i)
{
    return i % 2 == 0 ? static_cast<std::uint8_t>(block[i / 2] >> 4)
                      : static_cast<std::uint8_t>(block[i / 2] & 0x0F);
}

void setNibble(std::span<std::uint8_t> block, std::size_t i, std::uint8_t value)
{
    std::uint8_t& b = block[i / 2];
    b = i % 2 == 0 ? static_cast<std::uint8_t>((b & 0x0F) | (value << 4))
                   : static_cast<std::uint8_t>((b & 0xF0) | value);
}

Error malformed(const std::string& why)
{
    return makeError(ErrorCode::Malformed, "PIN block: " + why);
}

Result<void> checkPin(ByteView pin)
{
    if (pin.size() < PinBlock::kMinPinDigits || pin.size() > PinBlock::kMaxPinDigits)
        return makeError(ErrorCode::InvalidArgument, "PIN must have 4 to 12 digits");
    for (auto c : pin) {
        if (c < '0' || c > '9')
            return makeError(ErrorCode::InvalidArgument, "PIN must be digits only");
    }
    return {};
}

Result<void> checkPan(std::string_view pan)
{
    if (pan.empty() || pan.size() > PinBlock::kMaxPanDigits)
        return makeError(ErrorCode::InvalidArgument, "PAN must have 1 to 19 digits");
    for (char c : pan) {
        if (c < '0' || c > '9')
            return makeError(ErrorCode::InvalidArgument, "PAN must be digits only");
    }
    return {};
}

// ISO 9564-1:2017, format 0 and 3 account number field: 0000 and the 12
// rightmost PAN digits excluding the check digit.
Bytes panField8(std::string_view pan)
{
    Bytes field(PinBlock::kBlockSize, 0);
    const std::string_view body = pan.substr(0, pan.size() - 1);
    const std::size_t used = std::min(body.size(), kPanFieldDigits);
    const std::string_view digits = body.substr(body.size() - used);
    const std::size_t first = 2 * PinBlock::kBlockSize - used;
    for (std::size_t i = 0; i < used; ++i)
        setNibble(field, first + i, static_cast<std::uint8_t>(digits[i] - '0'));
    return field;
}

// Random nibbles, 0-15 each, or (format 3) A-F each.
Result<Bytes> randomNibbles(std::size_t count, bool aToF, const RandomSource& random)
{
    Bytes nibbles;
    std::uint8_t pool[16];
    for (int round = 0; round < kMaxRandomRounds && nibbles.size() < count; ++round) {
        if (!random || !random(pool))
            return makeError(ErrorCode::Internal, "no random bytes for the PIN block fill");
        for (std::size_t i = 0; i < 2 * sizeof pool && nibbles.size() < count; ++i) {
            const std::uint8_t n = nibbleAt(pool, i);
            if (!aToF)
                nibbles.push_back(n);
            else if (n < kFormat3Accept)
                nibbles.push_back(static_cast<std::uint8_t>(kFillA + n % 6));
        }
    }
    if (nibbles.size() < count)
        return makeError(ErrorCode::Internal, "random source gave no usable fill digits");
    return nibbles;
}

// Control, length and PIN digit nibbles; returns the index after the PIN.
std::size_t writePin(std::span<std::uint8_t> field, PinBlockFormat format, ByteView pin)
{
    setNibble(field, 0, static_cast<std::uint8_t>(format));
    setNibble(field, 1, static_cast<std::uint8_t>(pin.size()));
    for (std::size_t i = 0; i < pin.size(); ++i)
        setNibble(field, kPinDigitsStart + i, static_cast<std::uint8_t>(pin[i] - '0'));
    return kPinDigitsStart + pin.size();
}

// Reads control, length and digits; `fillEnd` is the nibble where the checked
// fill stops. Fill rules: F (formats 0, 2), A-F (3), any (1), A (4).
Result<SecretBytes> readPin(ByteView field, PinBlockFormat format, std::size_t fillEnd)
{
    const std::uint8_t control = nibbleAt(field, 0);
    if (control != static_cast<std::uint8_t>(format))
        return malformed("control field " + std::to_string(control) + ", expected format " +
                         std::to_string(static_cast<int>(format)));
    const std::size_t length = nibbleAt(field, 1);
    if (length < PinBlock::kMinPinDigits || length > PinBlock::kMaxPinDigits)
        return malformed("PIN length " + std::to_string(length) + " outside 4-12");
    SecretBytes pin(length);
    for (std::size_t i = 0; i < length; ++i) {
        const std::uint8_t digit = nibbleAt(field, kPinDigitsStart + i);
        if (digit > 9)
            return malformed("PIN digit is not 0-9");
        pin[i] = static_cast<std::uint8_t>('0' + digit);
    }
    for (std::size_t i = kPinDigitsStart + length; i < fillEnd; ++i) {
        const std::uint8_t fill = nibbleAt(field, i);
        const bool ok = (format == PinBlockFormat::Iso0 || format == PinBlockFormat::Iso2)
                            ? fill == kFillF
                        : format == PinBlockFormat::Iso3 ? fill >= kFillA
                        : format == PinBlockFormat::Iso4 ? fill == kFillA
                                                         : true;
        if (!ok)
            return malformed("fill digit not allowed in this format");
    }
    return pin;
}

bool usesPan(PinBlockFormat format)
{
    return format == PinBlockFormat::Iso0 || format == PinBlockFormat::Iso3;
}

void xorInto(std::span<std::uint8_t> target, ByteView mask)
{
    for (std::size_t i = 0; i < target.size(); ++i)
        target[i] = static_cast<std::uint8_t>(target[i] ^ mask[i]);
}

// One AES block in ECB, straight through OpenSSL's EVP interface.
Result<void> aesBlock(bool encrypt, ByteView key, ByteView in, std::span<std::uint8_t> out)
{
    const EVP_CIPHER* cipher = key.size() == 16   ? EVP_aes_128_ecb()
                               : key.size() == 24 ? EVP_aes_192_ecb()
                               : key.size() == 32 ? EVP_aes_256_ecb()
                                                  : nullptr;
    if (!cipher)
        return makeError(ErrorCode::InvalidArgument, "AES key must be 16, 24 or 32 bytes");
    std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)> ctx(EVP_CIPHER_CTX_new(),
                                                                        &EVP_CIPHER_CTX_free);
    int written = 0;
    int final = 0;
    const bool ok =
        ctx &&
        EVP_CipherInit_ex(ctx.get(), cipher, nullptr, key.data(), nullptr, encrypt ? 1 : 0) &&
        EVP_CIPHER_CTX_set_padding(ctx.get(), 0) &&
        EVP_CipherUpdate(ctx.get(), out.data(), &written, in.data(), static_cast<int>(in.size())) &&
        EVP_CipherFinal_ex(ctx.get(), out.data() + written, &final);
    if (!ok || written + final != static_cast<int>(PinBlock::kAesBlockSize))
        return makeError(ErrorCode::Internal, "AES operation failed");
    return {};
}
} // namespace

RandomSource systemRandom()
{
    return [](std::span<std::uint8_t> out) {
        return RAND_bytes(out.data(), static_cast<int>(out.size())) == 1;
    };
}

Result<SecretBytes> PinBlock::encode(PinBlockFormat format, ByteView pin, std::string_view pan,
                                     const RandomSource& random)
{
    if (format == PinBlockFormat::Iso4)
        return makeError(ErrorCode::InvalidArgument, "format 4 is built by encipherFormat4");
    if (auto checked = checkPin(pin); !checked)
        return checked.error();
    if (usesPan(format)) {
        if (auto checked = checkPan(pan); !checked)
            return checked.error();
    }
    SecretBytes block(kBlockSize);
    const std::size_t fillStart = writePin(block.span(), format, pin);
    const std::size_t fillCount = 2 * kBlockSize - fillStart;
    if (format == PinBlockFormat::Iso1 || format == PinBlockFormat::Iso3) {
        auto fill = randomNibbles(fillCount, format == PinBlockFormat::Iso3, random);
        if (!fill)
            return fill.error();
        for (std::size_t i = 0; i < fillCount; ++i)
            setNibble(block.span(), fillStart + i, (*fill)[i]);
    } else {
        for (std::size_t i = fillStart; i < 2 * kBlockSize; ++i)
            setNibble(block.span(), i, kFillF);
    }
    if (usesPan(format))
        xorInto(block.span(), panField8(pan));
    return block;
}

Result<SecretBytes> PinBlock::decode(PinBlockFormat format, ByteView block, std::string_view pan)
{
    if (format == PinBlockFormat::Iso4)
        return makeError(ErrorCode::InvalidArgument, "format 4 is decoded by decipherFormat4");
    if (block.size() != kBlockSize)
        return malformed("must be 8 bytes");
    SecretBytes field(block);
    if (usesPan(format)) {
        if (auto checked = checkPan(pan); !checked)
            return checked.error();
        xorInto(field.span(), panField8(pan));
    }
    return readPin(field.view(), format, 2 * kBlockSize);
}

std::optional<PinBlockFormat> PinBlock::formatOf(ByteView clearBlock)
{
    if (clearBlock.empty())
        return std::nullopt;
    const std::uint8_t control = nibbleAt(clearBlock, 0);
    if (control > static_cast<std::uint8_t>(PinBlockFormat::Iso4))
        return std::nullopt;
    return static_cast<PinBlockFormat>(control);
}

Result<SecretBytes> PinBlock::format4PinField(ByteView pin, const RandomSource& random)
{
    if (auto checked = checkPin(pin); !checked)
        return checked.error();
    SecretBytes field(kAesBlockSize);
    const std::size_t fillStart = writePin(field.span(), PinBlockFormat::Iso4, pin);
    for (std::size_t i = fillStart; i < kAesBlockSize; ++i)
        setNibble(field.span(), i, kFillA);
    // Bytes 9-16 are random (ISO 9564-1:2017, format 4 plaintext PIN field).
    const auto randomHalf = field.span().subspan(kAesBlockSize / 2);
    if (!random || !random(randomHalf))
        return makeError(ErrorCode::Internal, "no random bytes for the PIN field");
    return field;
}

Result<Bytes> PinBlock::format4PanField(std::string_view pan)
{
    if (auto checked = checkPan(pan); !checked)
        return checked.error();
    Bytes field(kAesBlockSize, 0);
    const std::size_t extra = pan.size() > kPanFieldDigits ? pan.size() - kPanFieldDigits : 0;
    setNibble(field, 0, static_cast<std::uint8_t>(extra));
    const std::size_t padding = pan.size() < kPanFieldDigits ? kPanFieldDigits - pan.size() : 0;
    for (std::size_t i = 0; i < pan.size(); ++i)
        setNibble(field, 1 + padding + i, static_cast<std::uint8_t>(pan[i] - '0'));
    return field;
}

Result<SecretBytes> PinBlock::decodeFormat4PinField(ByteView field)
{
    if (field.size() != kAesBlockSize)
        return malformed("format 4 PIN field must be 16 bytes");
    // The A fill runs to the end of the first half; the second half is random.
    return readPin(field, PinBlockFormat::Iso4, kAesBlockSize);
}

Result<Bytes> PinBlock::encipherFormat4(ByteView pin, std::string_view pan, ByteView key,
                                        const RandomSource& random)
{
    auto pinField = format4PinField(pin, random);
    if (!pinField)
        return pinField.error();
    auto panField = format4PanField(pan);
    if (!panField)
        return panField.error();
    // Intermediate block A = E(PIN field); B = A XOR PAN field; result = E(B).
    SecretBytes intermediate(kAesBlockSize);
    if (auto step = aesBlock(true, key, pinField->view(), intermediate.span()); !step)
        return step.error();
    xorInto(intermediate.span(), *panField);
    Bytes enciphered(kAesBlockSize);
    if (auto step = aesBlock(true, key, intermediate.view(), enciphered); !step)
        return step.error();
    return enciphered;
}

Result<SecretBytes> PinBlock::decipherFormat4(ByteView block, std::string_view pan, ByteView key)
{
    if (block.size() != kAesBlockSize)
        return malformed("format 4 block must be 16 bytes");
    auto panField = format4PanField(pan);
    if (!panField)
        return panField.error();
    // B = D(block); A = B XOR PAN field; PIN field = D(A).
    SecretBytes intermediate(kAesBlockSize);
    if (auto step = aesBlock(false, key, block, intermediate.span()); !step)
        return step.error();
    xorInto(intermediate.span(), *panField);
    SecretBytes pinField(kAesBlockSize);
    if (auto step = aesBlock(false, key, intermediate.view(), pinField.span()); !step)
        return step.error();
    return decodeFormat4PinField(pinField.view());
}

} // namespace cardlink::pin
