#pragma once

// Internal: checks and key construction shared by RsaPublicKey and
// RsaPrivateKey. Not part of the public API of cardlink::crypto.

#include "crypto/OpenSsl.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <initializer_list>
#include <utility>

namespace cardlink::crypto::detail {

constexpr std::size_t kMaxRsaModulusLength = 512; // 4096 bits
constexpr std::size_t kMaxRsaExponentLength = 4;

enum class RsaPart {
    Modulus,
    PublicExponent,
    PrivateExponent,
    Prime1,
    Prime2,
    Exponent1,
    Exponent2,
    Coefficient,
};

Result<void> checkRsaPublicComponents(ByteView modulus, ByteView exponent);

// An operation's input: exactly the modulus length and numerically below it.
Result<void> checkRsaInput(ByteView input, ByteView modulus);

// EVP_PKEY_fromdata with the given big-endian parts; the parameter buffers
// are wiped when freed.
Result<PkeyPtr> buildRsaKey(std::initializer_list<std::pair<RsaPart, ByteView>> parts,
                            bool isPrivate);

// A big-endian copy of one BIGNUM parameter of `key`.
Result<Bytes> rsaKeyPart(const EVP_PKEY* key, RsaPart part);

} // namespace cardlink::crypto::detail
