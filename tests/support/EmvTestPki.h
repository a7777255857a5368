#pragma once

#include "crypto/RsaPrivateKey.h"
#include "emv/TransactionData.h"
#include "emv/oda/CaPublicKeyStore.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace cardlink::test {

// Builders for a small EMV PKI inside a test (EMV 4.4 Book 2, 5 and 6): a CA
// key, issuer and ICC public key certificates, signed static and dynamic
// data. Every builder lays out the recovered message of the Book 2 table,
// lets the test damage it (`Tamper`, applied to the plaintext just before
// signing) and signs it with the raw RSA private operation. Test code only:
// the private keys live in the process.

// Called with the plaintext (header 6A ... trailer BC) before signing.
using Tamper = std::function<void(Bytes& plain)>;

// The fields of a public key certificate (Book 2, tables 6 and 14).
struct CertificateFields
{
    std::uint8_t format = 0x02; // 02 issuer, 04 ICC / ICC PIN encipherment
    Bytes owner;                // issuer identifier (4 bytes) or PAN (10 bytes), F padded
    Bytes expiry{0x12, 0x49};   // MMYY
    Bytes serial{0x00, 0x00, 0x01};
    std::uint8_t hashAlgorithm = 0x01;
    std::uint8_t pkAlgorithm = 0x01;
};

struct SignedCertificate
{
    Bytes certificate; // the signer's modulus length
    Bytes remainder;   // empty when the key fits
};

// A CA key entry with its checksum (Book 2, 11.2.2).
emv::CaPublicKey makeCaKey(const crypto::RsaPublicKey& key, ByteView rid, std::uint8_t index,
                           ByteView expiryYymmdd);
// The same entry as a JSON object of docs/ca-keys.md.
std::string caKeyJson(const emv::CaPublicKey& key);

// Digits, F padded to `bytes` bytes: "541333", 4 -> 54 13 33 FF.
Bytes paddedDigits(const std::string& digits, std::size_t bytes);

// Certifies `subject` with `signer`. `extraHashData` is the static data to
// be authenticated for an ICC certificate (Book 2, 6.4 step 5), empty for
// issuer and PIN encipherment certificates.
Result<SignedCertificate> makeCertificate(const crypto::RsaPrivateKey& signer,
                                          const crypto::RsaPublicKey& subject,
                                          const CertificateFields& fields,
                                          ByteView extraHashData = {}, const Tamper& tamper = {});

// Signed Static Application Data 93 (Book 2, 5.4 table 7).
Result<Bytes> signStaticData(const crypto::RsaPrivateKey& issuer, ByteView dataAuthenticationCode,
                             ByteView staticData, const Tamper& tamper = {});

// Signed Dynamic Application Data 9F4B (Book 2, 6.5.2 table 17 / 6.6.1):
// `terminalDynamicData` is the DDOL data (DDA) or the Unpredictable Number (CDA).
Result<Bytes> signDynamicData(const crypto::RsaPrivateKey& icc, ByteView iccDynamicData,
                              ByteView terminalDynamicData, const Tamper& tamper = {});

// ICC Dynamic Data of DDA (table 18): length, ICC Dynamic Number.
Bytes ddaDynamicData(ByteView iccDynamicNumber);
// ICC Dynamic Data of CDA (table 19).
Bytes cdaDynamicData(ByteView iccDynamicNumber, std::uint8_t cid, ByteView cryptogram,
                     ByteView transactionDataHash);
// SHA-1 of PDOL data ‖ CDOL data ‖ response objects without 9F4B (Book 2, 6.6.2 step 9).
Bytes cdaTransactionDataHash(ByteView pdolData, ByteView cdolData, ByteView responseObjects);

struct EmvTestPkiOptions
{
    unsigned caBits = 1024;
    unsigned issuerBits = 1024; // > N_CA - 36: needs a remainder (92)
    unsigned iccBits = 768;     // > N_I - 42: needs a remainder (9F48)
    Bytes rid{0xA0, 0x00, 0x00, 0x09, 0x99};
    std::uint8_t caIndex = 0xF1;
    Bytes caExpiry{0x49, 0x12, 0x31}; // YYMMDD
    std::string pan = "5413330089010434";
    Bytes issuerExpiry{0x12, 0x49}; // MMYY
    Bytes iccExpiry{0x12, 0x49};
};

// A whole chain: CA -> issuer -> ICC (and an ICC PIN encipherment key),
// with the card data objects that go with it.
class EmvTestPki
{
public:
    static Result<EmvTestPki> create(const EmvTestPkiOptions& options = {});

    const EmvTestPkiOptions& options() const { return m_options; }
    const emv::CaPublicKey& caKey() const { return m_caKey; }
    emv::CaPublicKeyStore store() const;
    const crypto::RsaPrivateKey& ca() const { return m_ca; }
    const crypto::RsaPrivateKey& issuer() const { return m_issuer; }
    const crypto::RsaPrivateKey& icc() const { return m_icc; }
    const crypto::RsaPrivateKey& iccPin() const { return m_iccPin; }

    // 4F, 5A, 8F, 90, 92, 9F32 (and 9A = 250101): enough for the issuer key.
    void putIssuerData(emv::TransactionData& data) const;
    // Also 9F46, 9F47, 9F48 for an ICC certificate over `staticData`.
    Result<void> putIccData(emv::TransactionData& data, ByteView staticData,
                            const Tamper& tamper = {}) const;
    // 9F2D, 9F2E, 9F2F: the ICC PIN encipherment key certificate (Book 2, 7.1).
    Result<void> putIccPinData(emv::TransactionData& data) const;

    const SignedCertificate& issuerCertificate() const { return m_issuerCertificate; }

private:
    EmvTestPki(EmvTestPkiOptions options, crypto::RsaPrivateKey ca, crypto::RsaPrivateKey issuer,
               crypto::RsaPrivateKey icc, crypto::RsaPrivateKey iccPin);

    EmvTestPkiOptions m_options;
    crypto::RsaPrivateKey m_ca;
    crypto::RsaPrivateKey m_issuer;
    crypto::RsaPrivateKey m_icc;
    crypto::RsaPrivateKey m_iccPin;
    emv::CaPublicKey m_caKey;
    SignedCertificate m_issuerCertificate;
};

} // namespace cardlink::test
