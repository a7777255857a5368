#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <cstdint>

namespace cardlink::emv {

// The layer after the RSA recovery function (EMV 4.4 Book 2, A2.1): the
// recovered plaintext of a certificate or signature, split into its fields.
// Parsing checks only the frame (length, header 6A, format, trailer BC, field
// lengths fitting); the caller checks hashes, dates, identifiers. Every
// field is a copy, so the input may go away. Errors are Malformed with the
// reason, never out-of-bounds reads: the input is whatever a card sent.

constexpr std::uint8_t kRecoveredHeader = 0x6A;
constexpr std::uint8_t kRecoveredTrailer = 0xBC;
constexpr std::uint8_t kFormatIssuerCertificate = 0x02;
constexpr std::uint8_t kFormatSignedStaticData = 0x03;
constexpr std::uint8_t kFormatIccCertificate = 0x04;
constexpr std::uint8_t kFormatSignedDynamicData = 0x05;
constexpr std::size_t kSha1HashLength = 20;

// Book 2, 5.3 table 6 (issuer, format 02) and 6.4 table 14 (ICC and ICC PIN
// encipherment, format 04): the common shape of a public key certificate.
struct RecoveredCertificate
{
    std::uint8_t format = 0;
    Bytes owner;  // issuer identifier (4 bytes) or application PAN (10 bytes)
    Bytes expiry; // MMYY
    Bytes serial; // 3 bytes
    std::uint8_t hashAlgorithm = 0;
    std::uint8_t pkAlgorithm = 0;
    std::size_t keyLength = 0;      // the certified key's modulus length
    std::size_t exponentLength = 0; // 1 or 3
    Bytes keyPart;                  // leftmost key digits, or key + BB padding
    Bytes hash;
    // Items 2 to 10 of the table, the start of the hash input.
    Bytes hashedPart;
};

// `format` is 02 (owner 4 bytes) or 04 (owner 10 bytes).
Result<RecoveredCertificate> parseRecoveredCertificate(ByteView recovered, std::uint8_t format);

// Book 2, 5.4 table 7: Signed Static Application Data, format 03.
struct RecoveredStaticSignature
{
    std::uint8_t hashAlgorithm = 0;
    Bytes dataAuthenticationCode; // 9F45, 2 bytes
    Bytes hash;
    Bytes hashedPart; // items 2 to 5
};

Result<RecoveredStaticSignature> parseRecoveredStaticSignature(ByteView recovered);

// Book 2, 6.5.2 table 17 (DDA) and 6.6.1 (CDA): Signed Dynamic Application
// Data, format 05.
struct RecoveredDynamicSignature
{
    std::uint8_t hashAlgorithm = 0;
    Bytes iccDynamicData;
    Bytes hash;
    Bytes hashedPart; // items 2 to 6
};

Result<RecoveredDynamicSignature> parseRecoveredDynamicSignature(ByteView recovered);

// Book 2, 6.6.1 table 19: the ICC Dynamic Data of a CDA signature.
struct CdaDynamicData
{
    Bytes iccDynamicNumber; // 9F4C, 2 to 8 bytes
    std::uint8_t cryptogramInformationData = 0;
    Bytes applicationCryptogram; // 9F26, 8 bytes
    Bytes transactionDataHash;   // 20 bytes
};

Result<CdaDynamicData> parseCdaDynamicData(ByteView iccDynamicData);

// Book 2, 6.5.2: the ICC Dynamic Number at the start of DDA ICC Dynamic Data
// (length byte 2..8, then the number).
Result<Bytes> parseIccDynamicNumber(ByteView iccDynamicData);

} // namespace cardlink::emv
