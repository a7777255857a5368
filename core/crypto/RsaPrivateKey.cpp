#include "crypto/RsaPrivateKey.h"

#include "crypto/OpenSsl.h"
#include "crypto/RsaSupport.h"

#include <openssl/core_names.h>
#include <openssl/rsa.h>

namespace cardlink::crypto {

using detail::opensslError;
using detail::PkeyCtxPtr;
using detail::PkeyPtr;
using detail::RsaPart;

namespace {
constexpr unsigned kMinGeneratedBits = 512;
constexpr unsigned kMaxGeneratedBits = 4096;

std::shared_ptr<evp_pkey_st> share(PkeyPtr key)
{
    return std::shared_ptr<evp_pkey_st>(key.release(), detail::PkeyFree{});
}

// Big-endian bytes of a small unsigned number, without leading zeros.
Bytes exponentBytes(std::uint32_t value)
{
    Bytes out;
    for (int shift = 24; shift >= 0; shift -= 8) {
        const auto b = static_cast<std::uint8_t>(value >> shift);
        if (b != 0 || !out.empty())
            out.push_back(b);
    }
    return out;
}
} // namespace

void RsaPrivateComponents::wipe()
{
    for (Bytes* part : {&modulus, &publicExponent, &privateExponent, &prime1, &prime2, &exponent1,
                        &exponent2, &coefficient}) {
        secureWipe(*part);
        part->clear();
    }
}

RsaPrivateKey::RsaPrivateKey(RsaPublicKey publicKey, std::shared_ptr<evp_pkey_st> key)
    : m_public(std::move(publicKey)), m_key(std::move(key))
{}

Result<RsaPrivateKey> RsaPrivateKey::generate(unsigned bits, std::uint32_t publicExponent)
{
    if (bits < kMinGeneratedBits || bits > kMaxGeneratedBits || bits % 8 != 0)
        return makeError(ErrorCode::InvalidArgument,
                         "RSA key size must be 512..4096 bits, a multiple of 8");
    if (publicExponent != 3 && publicExponent != 65537)
        return makeError(ErrorCode::InvalidArgument, "RSA exponent must be 3 or 65537");

    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1)
        return opensslError("RSA keygen init");
    std::size_t bitsParam = bits;
    std::uint32_t exponentParam = publicExponent;
    OSSL_PARAM params[] = {
        OSSL_PARAM_construct_size_t(OSSL_PKEY_PARAM_RSA_BITS, &bitsParam),
        OSSL_PARAM_construct_uint32(OSSL_PKEY_PARAM_RSA_E, &exponentParam),
        OSSL_PARAM_construct_end(),
    };
    if (EVP_PKEY_CTX_set_params(ctx.get(), params) != 1)
        return opensslError("RSA keygen parameters");
    EVP_PKEY* raw = nullptr;
    if (EVP_PKEY_generate(ctx.get(), &raw) != 1)
        return opensslError("RSA keygen");
    PkeyPtr key(raw);
    auto modulus = detail::rsaKeyPart(key.get(), RsaPart::Modulus);
    if (!modulus)
        return modulus.error();
    auto pub = RsaPublicKey::fromComponents(*modulus, exponentBytes(publicExponent));
    if (!pub)
        return pub.error();
    return RsaPrivateKey(std::move(*pub), share(std::move(key)));
}

Result<RsaPrivateKey> RsaPrivateKey::fromComponents(const RsaPrivateComponents& c)
{
    auto pub = RsaPublicKey::fromComponents(c.modulus, c.publicExponent);
    if (!pub)
        return pub.error();
    if (c.privateExponent.empty() || c.privateExponent.size() > c.modulus.size())
        return makeError(ErrorCode::InvalidArgument, "RSA private exponent missing or too long");
    const bool anyCrt = !c.prime1.empty() || !c.prime2.empty() || !c.exponent1.empty() ||
                        !c.exponent2.empty() || !c.coefficient.empty();
    const bool allCrt = !c.prime1.empty() && !c.prime2.empty() && !c.exponent1.empty() &&
                        !c.exponent2.empty() && !c.coefficient.empty();
    if (anyCrt && !allCrt)
        return makeError(ErrorCode::InvalidArgument, "RSA CRT parts must be all present or none");
    for (const Bytes* part : {&c.prime1, &c.prime2, &c.exponent1, &c.exponent2, &c.coefficient}) {
        if (part->size() > c.modulus.size())
            return makeError(ErrorCode::InvalidArgument, "RSA CRT part longer than the modulus");
    }

    auto key = allCrt ? detail::buildRsaKey({{RsaPart::Modulus, c.modulus},
                                             {RsaPart::PublicExponent, c.publicExponent},
                                             {RsaPart::PrivateExponent, c.privateExponent},
                                             {RsaPart::Prime1, c.prime1},
                                             {RsaPart::Prime2, c.prime2},
                                             {RsaPart::Exponent1, c.exponent1},
                                             {RsaPart::Exponent2, c.exponent2},
                                             {RsaPart::Coefficient, c.coefficient}},
                                            true)
                      : detail::buildRsaKey({{RsaPart::Modulus, c.modulus},
                                             {RsaPart::PublicExponent, c.publicExponent},
                                             {RsaPart::PrivateExponent, c.privateExponent}},
                                            true);
    if (!key)
        return key.error();
    return RsaPrivateKey(std::move(*pub), share(std::move(*key)));
}

Result<Bytes> RsaPrivateKey::sign(ByteView message) const
{
    if (auto ok = detail::checkRsaInput(message, m_public.modulus()); !ok)
        return ok.error();
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, m_key.get(), nullptr));
    if (!ctx)
        return opensslError("EVP_PKEY_CTX_new_from_pkey");
    // With no digest set and RSA_NO_PADDING, EVP_PKEY_sign is the raw
    // private-key operation on a full-length input.
    if (EVP_PKEY_sign_init(ctx.get()) != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) != 1)
        return opensslError("RSA private operation init");
    Bytes out(modulusLength());
    std::size_t written = out.size();
    if (EVP_PKEY_sign(ctx.get(), out.data(), &written, message.data(), message.size()) != 1)
        return opensslError("RSA private operation");
    if (written < out.size()) {
        out.resize(written);
        out.insert(out.begin(), modulusLength() - written, 0x00);
    }
    return out;
}

Result<RsaPrivateComponents> RsaPrivateKey::components() const
{
    RsaPrivateComponents c;
    c.modulus = m_public.modulus();
    c.publicExponent = m_public.exponent();
    auto d = detail::rsaKeyPart(m_key.get(), RsaPart::PrivateExponent);
    if (!d)
        return d.error();
    c.privateExponent = std::move(*d);
    // A key built from n, e, d alone has no CRT parts; that is not an error.
    auto p = detail::rsaKeyPart(m_key.get(), RsaPart::Prime1);
    if (!p)
        return c;
    c.prime1 = std::move(*p);
    const std::pair<RsaPart, Bytes*> rest[] = {{RsaPart::Prime2, &c.prime2},
                                               {RsaPart::Exponent1, &c.exponent1},
                                               {RsaPart::Exponent2, &c.exponent2},
                                               {RsaPart::Coefficient, &c.coefficient}};
    for (const auto& [part, target] : rest) {
        auto value = detail::rsaKeyPart(m_key.get(), part);
        if (!value) {
            c.wipe();
            return value.error();
        }
        *target = std::move(*value);
    }
    return c;
}

} // namespace cardlink::crypto
