#include "crypto/RsaPublicKey.h"

#include "crypto/OpenSsl.h"
#include "crypto/RsaSupport.h"

#include <openssl/rsa.h>

namespace cardlink::crypto {

using detail::opensslError;
using detail::PkeyCtxPtr;

RsaPublicKey::RsaPublicKey(Bytes modulus, Bytes exponent, std::shared_ptr<evp_pkey_st> key)
    : m_modulus(std::move(modulus)), m_exponent(std::move(exponent)), m_key(std::move(key))
{}

Result<RsaPublicKey> RsaPublicKey::fromComponents(ByteView modulus, ByteView exponent)
{
    if (auto ok = detail::checkRsaPublicComponents(modulus, exponent); !ok)
        return ok.error();
    auto key = detail::buildRsaKey(
        {{detail::RsaPart::Modulus, modulus}, {detail::RsaPart::PublicExponent, exponent}}, false);
    if (!key)
        return key.error();
    return RsaPublicKey(Bytes(modulus.begin(), modulus.end()),
                        Bytes(exponent.begin(), exponent.end()),
                        std::shared_ptr<evp_pkey_st>(key->release(), detail::PkeyFree{}));
}

Result<Bytes> RsaPublicKey::recover(ByteView signature) const
{
    if (auto ok = detail::checkRsaInput(signature, m_modulus); !ok)
        return ok.error();
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, m_key.get(), nullptr));
    if (!ctx)
        return opensslError("EVP_PKEY_CTX_new_from_pkey");
    if (EVP_PKEY_verify_recover_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) != 1)
        return opensslError("RSA public operation init");
    Bytes out(m_modulus.size());
    std::size_t written = out.size();
    if (EVP_PKEY_verify_recover(ctx.get(), out.data(), &written, signature.data(),
                                signature.size()) != 1)
        return opensslError("RSA public operation");
    // RSA_NO_PADDING yields the full modulus length; keep leading zeros if a
    // provider ever returned fewer bytes.
    if (written < out.size()) {
        out.resize(written);
        out.insert(out.begin(), m_modulus.size() - written, 0x00);
    }
    return out;
}

} // namespace cardlink::crypto
