#include "crypto/Hash.h"

#include "crypto/OpenSsl.h"

#include <memory>

namespace cardlink::crypto {

namespace {
struct MdCtxFree
{
    void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
} // namespace

Result<Bytes> hash(HashAlgorithm algorithm, std::initializer_list<ByteView> parts)
{
    std::unique_ptr<EVP_MD_CTX, MdCtxFree> ctx(EVP_MD_CTX_new());
    if (!ctx)
        return detail::opensslError("EVP_MD_CTX_new");
    const EVP_MD* md = algorithm == HashAlgorithm::Sha1 ? EVP_sha1() : EVP_sha256();
    if (EVP_DigestInit_ex2(ctx.get(), md, nullptr) != 1)
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
