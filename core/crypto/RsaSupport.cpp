#include "crypto/RsaSupport.h"

#include <openssl/core_names.h>
#include <openssl/param_build.h>

#include <algorithm>
#include <memory>
#include <vector>

namespace cardlink::crypto::detail {

namespace {

struct ParamBldFree
{
    void operator()(OSSL_PARAM_BLD* bld) const { OSSL_PARAM_BLD_free(bld); }
};
struct ParamFree
{
    void operator()(OSSL_PARAM* params) const { OSSL_PARAM_free(params); }
};

const char* paramName(RsaPart part)
{
    switch (part) {
    case RsaPart::Modulus:
        return OSSL_PKEY_PARAM_RSA_N;
    case RsaPart::PublicExponent:
        return OSSL_PKEY_PARAM_RSA_E;
    case RsaPart::PrivateExponent:
        return OSSL_PKEY_PARAM_RSA_D;
    case RsaPart::Prime1:
        return OSSL_PKEY_PARAM_RSA_FACTOR1;
    case RsaPart::Prime2:
        return OSSL_PKEY_PARAM_RSA_FACTOR2;
    case RsaPart::Exponent1:
        return OSSL_PKEY_PARAM_RSA_EXPONENT1;
    case RsaPart::Exponent2:
        return OSSL_PKEY_PARAM_RSA_EXPONENT2;
    case RsaPart::Coefficient:
        return OSSL_PKEY_PARAM_RSA_COEFFICIENT1;
    }
    return OSSL_PKEY_PARAM_RSA_N;
}

} // namespace

Result<void> checkRsaPublicComponents(ByteView modulus, ByteView exponent)
{
    if (modulus.size() < 2 || modulus.size() > kMaxRsaModulusLength)
        return makeError(ErrorCode::InvalidArgument, "RSA modulus must be 2..512 bytes");
    if (modulus.front() == 0x00 || (modulus.back() & 0x01) == 0)
        return makeError(ErrorCode::InvalidArgument,
                         "RSA modulus must be odd with a non-zero first byte");
    const auto firstNonZero =
        std::find_if(exponent.begin(), exponent.end(), [](std::uint8_t b) { return b != 0x00; });
    const auto significant = static_cast<std::size_t>(exponent.end() - firstNonZero);
    if (significant == 0 || significant > kMaxRsaExponentLength || (exponent.back() & 0x01) == 0 ||
        (significant == 1 && exponent.back() < 3))
        return makeError(ErrorCode::InvalidArgument,
                         "RSA exponent must be odd, at least 3 and at most 4 bytes");
    return {};
}

Result<void> checkRsaInput(ByteView input, ByteView modulus)
{
    if (input.size() != modulus.size())
        return makeError(ErrorCode::InvalidArgument,
                         "RSA input length differs from the modulus length");
    if (!std::lexicographical_compare(input.begin(), input.end(), modulus.begin(), modulus.end()))
        return makeError(ErrorCode::InvalidArgument, "RSA input is not below the modulus");
    return {};
}

Result<PkeyPtr> buildRsaKey(std::initializer_list<std::pair<RsaPart, ByteView>> parts,
                            bool isPrivate)
{
    std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree> bld(OSSL_PARAM_BLD_new());
    if (!bld)
        return opensslError("OSSL_PARAM_BLD_new");
    // The builder keeps pointers to the BIGNUMs until to_param: hold them here.
    // Secure BIGNUMs make the builder put the numbers in a block that
    // OSSL_PARAM_free cleanses (OpenSSL 3.0 has no OSSL_PARAM_clear_free).
    std::vector<BnPtr> numbers;
    for (const auto& [part, value] : parts) {
        BnPtr bn(BN_secure_new());
        if (!bn || !BN_bin2bn(value.data(), static_cast<int>(value.size()), bn.get()))
            return opensslError("BN_bin2bn");
        if (OSSL_PARAM_BLD_push_BN(bld.get(), paramName(part), bn.get()) != 1)
            return opensslError("OSSL_PARAM_BLD_push_BN");
        numbers.push_back(std::move(bn));
    }
    std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(bld.get()));
    if (!params)
        return opensslError("OSSL_PARAM_BLD_to_param");

    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1)
        return opensslError("EVP_PKEY_fromdata_init");
    EVP_PKEY* raw = nullptr;
    if (EVP_PKEY_fromdata(ctx.get(), &raw, isPrivate ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY,
                          params.get()) != 1)
        return opensslError("EVP_PKEY_fromdata");
    return PkeyPtr(raw);
}

Result<Bytes> rsaKeyPart(const EVP_PKEY* key, RsaPart part)
{
    BIGNUM* raw = nullptr;
    if (EVP_PKEY_get_bn_param(key, paramName(part), &raw) != 1)
        return opensslError("EVP_PKEY_get_bn_param");
    BnPtr bn(raw);
    Bytes out(static_cast<std::size_t>(BN_num_bytes(bn.get())));
    BN_bn2bin(bn.get(), out.data());
    return out;
}

} // namespace cardlink::crypto::detail
