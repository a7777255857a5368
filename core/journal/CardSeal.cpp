#include "journal/CardSeal.h"

#include "crypto/OpenSsl.h"

#include <openssl/rand.h>

#include <memory>

namespace cardlink::journal {

namespace {
constexpr std::size_t kIvSize = 12;
constexpr std::size_t kTagSize = 16;

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, crypto::detail::CipherCtxFree>;

const unsigned char* data(std::string_view text)
{
    return reinterpret_cast<const unsigned char*>(text.data());
}
} // namespace

Result<Bytes> CardSeal::seal(std::string_view pan, ByteView key, std::string_view recordIdentity)
{
    if (key.size() != kKeySize)
        return makeError(ErrorCode::InvalidArgument, "card seal: the key must be 32 bytes");
    Bytes out(kIvSize + pan.size() + kTagSize);
    if (RAND_bytes(out.data(), int(kIvSize)) != 1)
        return crypto::detail::opensslError("card seal: IV");
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int length = 0;
    if (!ctx ||
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), out.data()) != 1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &length, data(recordIdentity),
                          int(recordIdentity.size())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), out.data() + kIvSize, &length, data(pan), int(pan.size())) !=
            1 ||
        EVP_EncryptFinal_ex(ctx.get(), out.data() + kIvSize + length, &length) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, int(kTagSize),
                            out.data() + kIvSize + pan.size()) != 1)
        return crypto::detail::opensslError("card seal");
    return out;
}

Result<std::string> CardSeal::unseal(ByteView sealed, ByteView key, std::string_view recordIdentity)
{
    if (key.size() != kKeySize)
        return makeError(ErrorCode::InvalidArgument, "card seal: the key must be 32 bytes");
    if (sealed.size() < kIvSize + kTagSize)
        return makeError(ErrorCode::Truncated, "card seal: too short");
    const std::size_t textSize = sealed.size() - kIvSize - kTagSize;
    Bytes plain(textSize);
    Bytes tag(sealed.end() - kTagSize, sealed.end());
    CipherCtx ctx(EVP_CIPHER_CTX_new());
    int length = 0;
    if (!ctx ||
        EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key.data(), sealed.data()) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &length, data(recordIdentity),
                          int(recordIdentity.size())) != 1 ||
        EVP_DecryptUpdate(ctx.get(), plain.data(), &length, sealed.data() + kIvSize,
                          int(textSize)) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, int(kTagSize), tag.data()) != 1)
        return crypto::detail::opensslError("card seal");
    if (EVP_DecryptFinal_ex(ctx.get(), plain.data() + length, &length) != 1) {
        secureWipe(plain);
        return makeError(ErrorCode::InvalidArgument,
                         "card seal: wrong key, other record or altered bytes");
    }
    return std::string(plain.begin(), plain.end());
}

} // namespace cardlink::journal
