#include "crypto/Cmac.h"

#include "crypto/OpenSsl.h"

#include <openssl/core_names.h>
#include <openssl/params.h>

#include <string>

namespace cardlink::crypto {

using detail::MacCtxPtr;
using detail::MacPtr;
using detail::opensslError;
using detail::WipeOnExit;

Result<Bytes> cmac(CipherAlgorithm algorithm, ByteView key, ByteView data, std::size_t macLength)
{
    if (auto ok = checkKeyLength(algorithm, key); !ok)
        return ok.error();
    if (algorithm == CipherAlgorithm::Des && key.size() == 8)
        return makeError(ErrorCode::InvalidArgument, "CMAC with single DES is not supported");
    const std::size_t block = blockSize(algorithm);
    if (macLength == 0)
        macLength = block;
    if (macLength > block)
        return makeError(ErrorCode::InvalidArgument,
                         "MAC length " + std::to_string(macLength) + " exceeds the block size");

    // Two-key TDES K1 K2 runs as three-key K1 K2 K1 (the same permutation).
    Bytes keyBytes(key.begin(), key.end());
    if (algorithm == CipherAlgorithm::Des && key.size() == 16)
        keyBytes.insert(keyBytes.end(), key.begin(), key.begin() + 8);
    WipeOnExit wipeKey(keyBytes);

    const char* cipherName = "DES-EDE3-CBC";
    if (algorithm == CipherAlgorithm::Aes)
        cipherName = key.size() == 16   ? "AES-128-CBC"
                     : key.size() == 24 ? "AES-192-CBC"
                                        : "AES-256-CBC";

    MacPtr mac(EVP_MAC_fetch(nullptr, OSSL_MAC_NAME_CMAC, nullptr));
    if (!mac)
        return opensslError("EVP_MAC_fetch CMAC");
    MacCtxPtr ctx(EVP_MAC_CTX_new(mac.get()));
    if (!ctx)
        return opensslError("EVP_MAC_CTX_new");
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, const_cast<char*>(cipherName), 0),
        OSSL_PARAM_construct_end(),
    };
    if (EVP_MAC_init(ctx.get(), keyBytes.data(), keyBytes.size(), params) != 1)
        return opensslError("CMAC init");
    if (EVP_MAC_update(ctx.get(), data.data(), data.size()) != 1)
        return opensslError("CMAC update");
    Bytes out(block);
    std::size_t written = 0;
    if (EVP_MAC_final(ctx.get(), out.data(), &written, out.size()) != 1 || written != block)
        return opensslError("CMAC final");
    out.resize(macLength);
    return out;
}

} // namespace cardlink::crypto
