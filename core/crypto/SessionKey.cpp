#include "crypto/SessionKey.h"

#include "crypto/KeyParity.h"
#include "crypto/OpenSsl.h"

namespace cardlink::crypto {

namespace {
constexpr std::uint8_t kLeftDiversifier = 0xF0;
constexpr std::uint8_t kRightDiversifier = 0x0F;

Bytes diversification(std::size_t block, std::uint16_t atc, std::uint8_t marker)
{
    Bytes r(block, 0x00);
    r[0] = static_cast<std::uint8_t>(atc >> 8);
    r[1] = static_cast<std::uint8_t>(atc & 0xFF);
    r[2] = marker;
    return r;
}
} // namespace

Result<Bytes> deriveSessionKey(CipherAlgorithm algorithm, ByteView masterKey, std::uint16_t atc)
{
    if (algorithm == CipherAlgorithm::Des && masterKey.size() != 16)
        return makeError(ErrorCode::InvalidArgument, "EMV ICC master key (TDES) must be 16 bytes");
    if (auto ok = checkKeyLength(algorithm, masterKey); !ok)
        return ok.error();
    const std::size_t block = blockSize(algorithm);

    auto f1 = encryptBlock(algorithm, masterKey, diversification(block, atc, kLeftDiversifier));
    if (!f1)
        return f1.error();
    Bytes key = std::move(*f1);
    detail::WipeOnExit wipeKey(key);
    if (key.size() < masterKey.size()) {
        auto f2 =
            encryptBlock(algorithm, masterKey, diversification(block, atc, kRightDiversifier));
        if (!f2)
            return f2.error();
        key.insert(key.end(), f2->begin(), f2->end());
        secureWipe(*f2);
    }
    Bytes sk(key.begin(), key.begin() + static_cast<std::ptrdiff_t>(masterKey.size()));
    if (algorithm == CipherAlgorithm::Des)
        adjustOddParity(sk);
    return sk;
}

} // namespace cardlink::crypto
