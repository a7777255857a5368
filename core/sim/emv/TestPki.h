#pragma once

#include "crypto/RsaPrivateKey.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <cstdint>

namespace cardlink::sim::emv {

// A public key certificate as the card stores it: the signed certificate,
// the part of the key that did not fit (the remainder) and the exponent.
// Issuer: 90, 92, 9F32. ICC: 9F46, 9F48, 9F47 (EMV 4.4 Book 2, 5.3 and 6.3).
struct PublicKeyCertificate
{
    Bytes certificate;
    Bytes remainder;
    Bytes exponent;
};

// Builds the certificates of a test PKI, EMV 4.4 Book 2: a CA key signs the
// issuer key (5.3, table 6), the issuer key signs the ICC key (6.3, table 14)
// and the Signed Static Application Data for SDA (5.4, table 3). Hash SHA-1, RSA (algorithm
// indicators 01). For tests and the personalisation tool only: keys come from OpenSSL's generator,
// test RID.
class TestPki
{
public:
    // The test RID of this project's PKI (not a payment system's RID).
    static Bytes testRid() { return {0xA0, 0x00, 0x00, 0x09, 0x99}; }

    // 512..1984 bits, exponent 3 (Book 2, Annex B2.1 allows 3 and 65537).
    static Result<crypto::RsaPrivateKey> generateKey(unsigned bits);

    // CA public key checksum (Book 2, 11.2.2): SHA-1 over RID || index ||
    // modulus || exponent, as CA key files carry it.
    static Result<Bytes> caKeyChecksum(ByteView rid, std::uint8_t index,
                                       const crypto::RsaPublicKey& key);

    // issuerIdentifier: 4 bytes, the leftmost 3..8 PAN digits padded with F;
    // expiry MMYY (2 bytes BCD); serial 3 bytes.
    static Result<PublicKeyCertificate> issuerCertificate(const crypto::RsaPrivateKey& ca,
                                                          const crypto::RsaPublicKey& issuer,
                                                          ByteView issuerIdentifier,
                                                          ByteView expiry, ByteView serial);

    // pan: 10 bytes, padded with F; staticData: the records for offline data
    // authentication and the SDA tag list values (Book 3, 10.3).
    static Result<PublicKeyCertificate> iccCertificate(const crypto::RsaPrivateKey& issuer,
                                                       const crypto::RsaPublicKey& icc,
                                                       ByteView pan, ByteView expiry,
                                                       ByteView serial, ByteView staticData);

    // Signed Static Application Data (93) with a 2-byte Data Authentication
    // Code.
    static Result<Bytes> signedStaticData(const crypto::RsaPrivateKey& issuer,
                                          ByteView dataAuthenticationCode, ByteView staticData);
};

} // namespace cardlink::sim::emv
