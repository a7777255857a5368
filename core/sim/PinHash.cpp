#include "sim/PinHash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

namespace cardlink::sim {

bool PinHash::isValidPin(ByteView digits)
{
    if (digits.size() < kMinDigits || digits.size() > kMaxDigits)
        return false;
    for (auto c : digits) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

Result<Bytes> PinHash::compute(ByteView salt, ByteView digits)
{
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                    &EVP_MD_CTX_free);
    Bytes digest(EVP_MAX_MD_SIZE);
    unsigned int size = 0;
    if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1 ||
        EVP_DigestUpdate(context.get(), salt.data(), salt.size()) != 1 ||
        EVP_DigestUpdate(context.get(), digits.data(), digits.size()) != 1 ||
        EVP_DigestFinal_ex(context.get(), digest.data(), &size) != 1)
        return makeError(ErrorCode::Internal, "SHA-256 failed");
    digest.resize(size);
    return digest;
}

bool PinHash::matches(ByteView salt, ByteView expectedHash, ByteView digits)
{
    auto digest = compute(salt, digits);
    if (!digest || digest->size() != expectedHash.size())
        return false;
    return CRYPTO_memcmp(digest->data(), expectedHash.data(), expectedHash.size()) == 0;
}

Result<Bytes> PinHash::randomSalt()
{
    Bytes salt(kSaltSize);
    if (RAND_bytes(salt.data(), static_cast<int>(salt.size())) != 1)
        return makeError(ErrorCode::Internal, "no random bytes for a salt");
    return salt;
}

} // namespace cardlink::sim
