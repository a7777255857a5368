#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>
#include <memory>

struct evp_pkey_st;

namespace cardlink::crypto {

// An RSA public key for EMV offline data authentication: the CA, issuer and
// ICC keys of EMV 4.4 Book 2, 5 and 6. Immutable; copies share the OpenSSL
// key.
class RsaPublicKey
{
public:
    // Moduli of 2..512 bytes (EMV certificates stop at 1984 bits; hosts and
    // test PKIs use 2048 and more). The modulus must be odd with a non-zero
    // first byte; the exponent odd, at least 3, at most 4 bytes (EMV itself
    // allows only 3 and 2^16 + 1, Book 2, Annex B2.1).
    static Result<RsaPublicKey> fromComponents(ByteView modulus, ByteView exponent);

    // The raw public-key operation X := S^e mod n, the "recovery function" of
    // Book 2, A2.1 (RSA without padding). `signature` has the modulus length
    // and is below the modulus; the result has the modulus length too. The
    // caller checks the recovered format ('6A' ... 'BC').
    Result<Bytes> recover(ByteView signature) const;

    const Bytes& modulus() const { return m_modulus; }
    const Bytes& exponent() const { return m_exponent; }
    std::size_t modulusLength() const { return m_modulus.size(); }

private:
    friend class RsaPrivateKey;
    RsaPublicKey(Bytes modulus, Bytes exponent, std::shared_ptr<evp_pkey_st> key);

    Bytes m_modulus;
    Bytes m_exponent;
    std::shared_ptr<evp_pkey_st> m_key;
};

} // namespace cardlink::crypto
