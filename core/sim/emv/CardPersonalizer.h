#pragma once

#include "crypto/BlockCipher.h"
#include "crypto/RsaPrivateKey.h"
#include "sim/emv/CardKind.h"
#include "sim/emv/TestPki.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <cstdint>
#include <string>

namespace cardlink::sim::emv {

// Key sizes of a test PKI. EMV allows CA keys of up to 1984 bits; the
// defaults are the tool's; tests pass smaller keys (1024/896/768) so that
// generation stays fast. The issuer key must not be longer than the CA key
// by more than the certificate's remainder can carry, and the ICC key must
// leave room for CDA's dynamic data (38 bytes + 25).
struct PkiSizes
{
    unsigned caBits = 1152;
    unsigned issuerBits = 1024;
    unsigned iccBits = 896;
};

// Makes test cards (docs/emv-test-cards.md): a CA key with the test RID
// A000000999 and index 01, an issuer key certified by it, issuer master keys
// for 3DES and AES, and for each card an ICC key with its certificate (or
// the Signed Static Application Data for SDA) and a complete card profile
// (docs/card-profile.md) with PIN 1234 (hashed). The profile carries the
// card-side secrets (ICC private key, issuer master keys): test cards only.
class CardPersonalizer
{
public:
    static constexpr std::uint8_t kCaIndex = 0x01;
    static constexpr const char* kTestPin = "1234";

    static Result<CardPersonalizer> create(const PkiSizes& sizes = {});

    // The card profile JSON of card number `serial` (0..9999999) of `kind`.
    Result<std::string> profileJson(CardKind kind, unsigned serial) const;
    // 16 digits, Luhn-valid, unique per kind and serial.
    static std::string pan(CardKind kind, unsigned serial);

    // For the terminal (docs/ca-keys.md format).
    Result<std::string> caKeysJson() const;
    // For the host: the issuer master keys (AC, SMI, SMC) per algorithm.
    std::string issuerKeysJson() const;

    const crypto::RsaPrivateKey& caKey() const { return m_ca; }
    const crypto::RsaPrivateKey& issuerKey() const { return m_issuer; }
    const Bytes& issuerMasterKey(crypto::CipherAlgorithm algorithm) const
    {
        return algorithm == crypto::CipherAlgorithm::Des ? m_imkDes : m_imkAes;
    }

private:
    CardPersonalizer(crypto::RsaPrivateKey ca, crypto::RsaPrivateKey issuer, PkiSizes sizes);

    PkiSizes m_sizes;
    crypto::RsaPrivateKey m_ca;
    crypto::RsaPrivateKey m_issuer;
    PublicKeyCertificate m_issuerCertificate;
    Bytes m_imkDes;
    Bytes m_imkAes;
};

} // namespace cardlink::sim::emv
