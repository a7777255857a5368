#include "crypto/IccMasterKey.h"

#include "crypto/Hash.h"
#include "crypto/KeyParity.h"
#include "crypto/OpenSsl.h"

#include <string>

namespace cardlink::crypto {

namespace {

constexpr std::size_t kMaxPanDigits = 19; // ISO/IEC 7812-1
constexpr std::size_t kYDigits = 16;

// PAN || PSN as a digit string, after validating both.
Result<std::string> panAndPsnDigits(std::string_view pan, std::optional<std::uint8_t> psn)
{
    if (pan.empty() || pan.size() > kMaxPanDigits)
        return makeError(ErrorCode::InvalidArgument,
                         "PAN must have 1.." + std::to_string(kMaxPanDigits) + " digits");
    for (char c : pan) {
        if (c < '0' || c > '9')
            return makeError(ErrorCode::InvalidArgument, "PAN contains a non-digit");
    }
    const std::uint8_t seq = psn.value_or(0x00);
    if ((seq >> 4) > 9 || (seq & 0x0F) > 9)
        return makeError(ErrorCode::InvalidArgument, "PAN Sequence Number is not BCD");
    std::string digits(pan);
    digits.push_back(static_cast<char>('0' + (seq >> 4)));
    digits.push_back(static_cast<char>('0' + (seq & 0x0F)));
    return digits;
}

// Packs an even-length string of nibble values ('0'..'9') into BCD bytes.
Bytes packDigits(std::string_view digits)
{
    Bytes out(digits.size() / 2);
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] =
            static_cast<std::uint8_t>(((digits[2 * i] - '0') << 4) | (digits[2 * i + 1] - '0'));
    return out;
}

Bytes xorFF(ByteView block)
{
    Bytes out(block.begin(), block.end());
    for (auto& b : out)
        b = static_cast<std::uint8_t>(~b);
    return out;
}

} // namespace

IccMkOption defaultIccMkOption(std::string_view pan)
{
    return pan.size() > kYDigits ? IccMkOption::B : IccMkOption::A;
}

Result<Bytes> iccMkInputOptionA(std::string_view pan, std::optional<std::uint8_t> psn)
{
    auto digits = panAndPsnDigits(pan, psn);
    if (!digits)
        return digits.error();
    // A1.4.1 step 1: rightmost 16 digits, or left-padded with hex zeros to
    // 8 bytes when shorter.
    std::string y = *digits;
    if (y.size() > kYDigits)
        y.erase(0, y.size() - kYDigits);
    else
        y.insert(0, kYDigits - y.size(), '0');
    return packDigits(y);
}

Result<Bytes> iccMkInputOptionB(std::string_view pan, std::optional<std::uint8_t> psn)
{
    auto digits = panAndPsnDigits(pan, psn);
    if (!digits)
        return digits.error();
    // A1.4.2 step 1: X := PAN || PSN as BCD, a leading hex zero when the digit
    // count is odd so that X is whole bytes.
    std::string x = *digits;
    if (x.size() % 2 != 0)
        x.insert(0, 1, '0');
    auto h = sha1(packDigits(x));
    if (!h)
        return h.error();
    // A1.4.2 step 2: decimalise the SHA-1 result. First the nibbles 0..9 from
    // left to right; if fewer than 16, then the nibbles A..F from left to
    // right, each minus 10.
    std::string y;
    for (int pass = 0; pass < 2 && y.size() < kYDigits; ++pass) {
        for (std::size_t i = 0; i < 2 * h->size() && y.size() < kYDigits; ++i) {
            const int nibble = i % 2 == 0 ? (*h)[i / 2] >> 4 : (*h)[i / 2] & 0x0F;
            if (pass == 0 && nibble <= 9)
                y.push_back(static_cast<char>('0' + nibble));
            else if (pass == 1 && nibble > 9)
                y.push_back(static_cast<char>('0' + nibble - 10));
        }
    }
    return packDigits(y);
}

Result<Bytes> deriveIccMasterKey(CipherAlgorithm algorithm, ByteView imk, std::string_view pan,
                                 std::optional<std::uint8_t> psn, IccMkOption option)
{
    if (algorithm == CipherAlgorithm::Des && imk.size() != 16)
        return makeError(ErrorCode::InvalidArgument, "EMV IMK (TDES) must be 16 bytes");
    if (auto ok = checkKeyLength(algorithm, imk); !ok)
        return ok.error();
    auto y = option == IccMkOption::A ? iccMkInputOptionA(pan, psn) : iccMkInputOptionB(pan, psn);
    if (!y)
        return y.error();

    Bytes block = std::move(*y);
    if (algorithm == CipherAlgorithm::Aes)
        block.insert(block.begin(), kAesBlockSize - block.size(), 0x00);

    auto left = encryptBlock(algorithm, imk, block);
    if (!left)
        return left.error();
    Bytes key = std::move(*left);
    detail::WipeOnExit wipeKey(key);
    if (key.size() < imk.size()) {
        auto right = encryptBlock(algorithm, imk, xorFF(block));
        if (!right)
            return right.error();
        key.insert(key.end(), right->begin(), right->end());
        secureWipe(*right);
    }
    Bytes mk(key.begin(), key.begin() + static_cast<std::ptrdiff_t>(imk.size()));
    if (algorithm == CipherAlgorithm::Des)
        adjustOddParity(mk); // A1.4.1 step 3
    return mk;
}

} // namespace cardlink::crypto
