#include "crypto/Hmac.h"

#include "crypto/OpenSsl.h"

#include <openssl/core_names.h>
#include <openssl/params.h>

namespace cardlink::crypto {

using detail::MacCtxPtr;
using detail::MacPtr;
using detail::opensslError;

Result<Bytes> hmac(HashAlgorithm algorithm, ByteView key, std::initializer_list<ByteView> parts)
{
    if (key.empty())
        return makeError(ErrorCode::InvalidArgument, "HMAC key is empty");
    const char* digest = algorithm == HashAlgorithm::Sha1 ? "SHA1" : "SHA256";
    MacPtr mac(EVP_MAC_fetch(nullptr, OSSL_MAC_NAME_HMAC, nullptr));
    if (!mac)
        return opensslError("EVP_MAC_fetch HMAC");
    MacCtxPtr ctx(EVP_MAC_CTX_new(mac.get()));
    if (!ctx)
        return opensslError("EVP_MAC_CTX_new");
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digest), 0),
        OSSL_PARAM_construct_end(),
    };
    if (EVP_MAC_init(ctx.get(), key.data(), key.size(), params) != 1)
        return opensslError("HMAC init");
    for (ByteView part : parts) {
        if (!part.empty() && EVP_MAC_update(ctx.get(), part.data(), part.size()) != 1)
            return opensslError("HMAC update");
    }
    Bytes out(digestLength(algorithm));
    std::size_t written = 0;
    if (EVP_MAC_final(ctx.get(), out.data(), &written, out.size()) != 1 || written != out.size())
        return opensslError("HMAC final");
    return out;
}

} // namespace cardlink::crypto
