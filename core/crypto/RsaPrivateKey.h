#pragma once

#include "crypto/RsaPublicKey.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <cstdint>
#include <memory>

struct evp_pkey_st;

namespace cardlink::crypto {

// The numbers of an RSA private key, big-endian, as a card profile or a test
// PKI stores them (PKCS #1 RSAPrivateKey order). The CRT parts are optional:
// leave all five empty to use n, e and d only. Wipe it when done.
struct RsaPrivateComponents
{
    Bytes modulus;
    Bytes publicExponent;
    Bytes privateExponent;
    Bytes prime1;
    Bytes prime2;
    Bytes exponent1;
    Bytes exponent2;
    Bytes coefficient;

    bool hasCrt() const { return !prime1.empty(); }
    void wipe();
};

// An RSA private key for the card side (the simulated card signs DDA and CDA
// data, EMV 4.4 Book 2, 6.5 and 6.6) and for building a test PKI (CA and
// issuer certificates). Immutable; copies share the OpenSSL key, which
// OpenSSL wipes when the last copy goes.
class RsaPrivateKey
{
public:
    // A fresh key from OpenSSL's generator: 512..4096 bits, a multiple of 8
    // (EMV keys are whole bytes), exponent 3 or 65537.
    static Result<RsaPrivateKey> generate(unsigned bits, std::uint32_t publicExponent = 65537);

    // From stored numbers; either all five CRT parts or none.
    static Result<RsaPrivateKey> fromComponents(const RsaPrivateComponents& components);

    // The raw private-key operation S := X^d mod n (the signing half of
    // Book 2, A2.1, without padding: the caller formats X, e.g.
    // '6A' || ... || hash || 'BC'). `message` has the modulus length and is
    // below the modulus; the result has the modulus length.
    Result<Bytes> sign(ByteView message) const;

    const RsaPublicKey& publicKey() const { return m_public; }
    std::size_t modulusLength() const { return m_public.modulusLength(); }

    // All numbers, CRT parts included when the key has them.
    Result<RsaPrivateComponents> components() const;

private:
    RsaPrivateKey(RsaPublicKey publicKey, std::shared_ptr<evp_pkey_st> key);

    RsaPublicKey m_public;
    std::shared_ptr<evp_pkey_st> m_key;
};

} // namespace cardlink::crypto
