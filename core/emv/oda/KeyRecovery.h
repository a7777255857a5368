#pragma once

#include "emv/TransactionData.h"
#include "emv/oda/CaPublicKeyStore.h"
#include "emv/oda/Oda.h"
#include "tlv/Tag.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <optional>

namespace cardlink::emv::detail {

// Shared steps of EMV 4.4 Book 2, 5.3 / 6.3 / 6.4 / 7.1, used by SDA, DDA,
// CDA and enciphered PIN. Errors: NotFound when card data is missing (the
// kernel also sets "ICC data missing", Book 3, 10.3), anything else is a
// failed check; the message is the OdaResult reason.

struct RecoveredKey
{
    Bytes modulus;
    Bytes exponent;
};

// The tags of one certificate, its key's exponent and its remainder.
struct CertificateTags
{
    tlv::Tag certificate;
    tlv::Tag exponent;
    tlv::Tag remainder;
};
constexpr CertificateTags kIssuerTags{0x90, 0x9F32, 0x92};
constexpr CertificateTags kIccTags{0x9F46, 0x9F47, 0x9F48};
constexpr CertificateTags kIccPinTags{0x9F2D, 0x9F2E, 0x9F2F};

// Book 2, 5.3 (and 6.3): CA key from RID (4F/84/9F06) and index 8F, then the
// Issuer Public Key Certificate 90.
Result<RecoveredKey> recoverIssuerKey(const TransactionData& data, const CaPublicKeyStore& keys);

// Book 2, 6.4 (ICC key, `staticData` hashed in) and 7.1 (ICC PIN
// encipherment key, `staticData` nullopt: not part of that hash).
Result<RecoveredKey> recoverIccCertificateKey(const RecoveredKey& issuerKey,
                                              const TransactionData& data,
                                              std::optional<ByteView> staticData,
                                              const CertificateTags& tags);

// RSA recovery with `key`; Malformed when the input length differs from
// the modulus length (Book 2, 5.3 step 1 and its counterparts).
Result<Bytes> rsaRecover(const RecoveredKey& key, ByteView input, const char* what);

// Book 2, A2 / B3: SHA-1 over the parts, compared with `expected`.
Result<void> checkSha1(std::initializer_list<ByteView> parts, ByteView expected, const char* what);

// Turns a failed step into the OdaResult the kernel gets.
OdaResult failure(const Error& error);
OdaResult failure(std::string reason, bool iccDataMissing = false);

} // namespace cardlink::emv::detail
