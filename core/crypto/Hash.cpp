#include "crypto/Hash.h"

#include "crypto/OpenSsl.h"

#include <openssl/err.h>

#include <memory>

namespace cardlink::crypto {

namespace {
struct MdCtxFree
{
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

// Fetched once per process, not implicitly on every digest (see
// BlockCipher.cpp); the legacy object when the fetch fails.
const EVP_MD* digestFor(HashAlgorithm algorithm)
{
    static const EVP_MD* const sha1 = [] {
        const EVP_MD* md = EVP_MD_fetch(nullptr, "SHA1", nullptr);
        if (!md)
            ERR_clear_error();
        return md ? md : EVP_sha1();
    }();
    static const EVP_MD* const sha256 = [] {
        const EVP_MD* md = EVP_MD_fetch(nullptr, "SHA2-256", nullptr);
        if (!md)
            ERR_clear_error();
        return md ? md : EVP_sha256();
    }();
    return algorithm == HashAlgorithm::Sha1 ? sha1 : sha256;
}
} // namespace

Result<Bytes> hash(HashAlgorithm algorithm, std::initializer_list<ByteView> parts)
{
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    if (!ctx)
        return detail::opensslError("EVP_MD_CTX_new");
    if (EVP_DigestInit_ex2(ctx.get(), digestFor(algorithm), nullptr) != 1)
        return detail::opensslError("digest init");
    for (const ByteView& part : parts) {
        if (EVP_DigestUpdate(ctx.get(), part.data(), part.size()) != 1)
            return detail::opensslError("digest update");
    }
    Bytes out(digestLength(algorithm));
    unsigned int written = 0;
    if (EVP_DigestFinal_ex(ctx.get(), out.data(), &written) != 1 || written != out.size())
        return detail::opensslError("digest final");
    return out;
}

} // namespace cardlink::crypto
