#include "emv/oda/KeyRecovery.h"

#include "crypto/Hash.h"
#include "crypto/RsaPublicKey.h"
#include "emv/oda/RecoveredData.h"

#include <algorithm>
#include <string>

namespace cardlink::emv::detail {

namespace {

Error missing(tlv::Tag tag, const char* name)
{
    return makeError(ErrorCode::NotFound,
                     std::string(name) + " (" + tlv::tagToHex(tag) + ") missing");
}

Error failed(std::string reason)
{
    return makeError(ErrorCode::Malformed, std::move(reason));
}

// Digits of a cn field (PAN 5A, issuer identifier, certificate PAN) up to
// the first F nibble; nullopt when a non-digit precedes an F or something
// other than F follows the first F.
std::optional<std::string> cnDigits(ByteView bytes)
{
    std::string digits;
    bool padding = false;
    for (std::uint8_t b : bytes) {
        for (std::uint8_t nibble :
             {static_cast<std::uint8_t>(b >> 4), static_cast<std::uint8_t>(b & 0x0F)}) {
            if (nibble == 0x0F) {
                padding = true;
            } else if (padding || nibble > 9) {
                return std::nullopt;
            } else {
                digits.push_back(static_cast<char>('0' + nibble));
            }
        }
    }
    return digits;
}

bool isBcd(std::uint8_t b)
{
    return (b >> 4) <= 9 && (b & 0x0F) <= 9;
}

int bcdValue(std::uint8_t b)
{
    return (b >> 4) * 10 + (b & 0x0F);
}

// Book 2, 5.3 step 9 / 6.4 step 10: the certificate (MMYY) is valid to the
// last day of its month. Years 00-49 are 20xx (Book 4, 6.7.3 date rule).
Result<void> checkCertificateExpiry(ByteView expiryMmyy, const TransactionData& data,
                                    const char* what)
{
    const auto date = data.get(0x9A);
    if (!date || date->size() != 3 || !isBcd((*date)[0]) || !isBcd((*date)[1]))
        return makeError(ErrorCode::InvalidArgument, "transaction date (9A) missing or invalid");
    if (expiryMmyy.size() != 2 || !isBcd(expiryMmyy[0]) || !isBcd(expiryMmyy[1]))
        return failed(std::string(what) + " expiry date is not MMYY");
    auto fullYear = [](int yy) {
        return yy < 50 ? 2000 + yy : 1900 + yy;
    };
    const int certMonth = fullYear(bcdValue(expiryMmyy[1])) * 12 + bcdValue(expiryMmyy[0]);
    const int txnMonth = fullYear(bcdValue((*date)[0])) * 12 + bcdValue((*date)[1]);
    if (certMonth < txnMonth)
        return failed(std::string(what) + " expired (" + toHex(expiryMmyy) + ")");
    return {};
}

std::optional<ByteView> applicationRid(const TransactionData& data)
{
    for (tlv::Tag tag : {tlv::Tag{0x4F}, tlv::Tag{0x84}, tlv::Tag{0x9F06}}) {
        if (auto aid = data.get(tag); aid && aid->size() >= kRidLength)
            return aid->first(kRidLength);
    }
    return std::nullopt;
}

// Book 2, 5.3 step 12 / 6.4 step 12: leftmost digits ‖ remainder, or the
// key without its BB padding.
Result<Bytes> assembleModulus(const RecoveredCertificate& cert, std::optional<ByteView> remainder,
                              tlv::Tag remainderTag, const char* what)
{
    if (cert.keyLength <= cert.keyPart.size())
        return Bytes(cert.keyPart.begin(),
                     cert.keyPart.begin() + static_cast<std::ptrdiff_t>(cert.keyLength));
    if (!remainder)
        return missing(remainderTag, (std::string(what) + " remainder").c_str());
    if (cert.keyPart.size() + remainder->size() != cert.keyLength)
        return failed(std::string(what) + " remainder has " + std::to_string(remainder->size()) +
                      " bytes, certificate says " +
                      std::to_string(cert.keyLength - cert.keyPart.size()));
    Bytes modulus = cert.keyPart;
    modulus.insert(modulus.end(), remainder->begin(), remainder->end());
    return modulus;
}

} // namespace

Result<Bytes> rsaRecover(const RecoveredKey& key, ByteView input, const char* what)
{
    if (input.size() != key.modulus.size())
        return failed(std::string(what) + " has " + std::to_string(input.size()) +
                      " bytes, key modulus " + std::to_string(key.modulus.size()));
    auto rsa = crypto::RsaPublicKey::fromComponents(key.modulus, key.exponent);
    if (!rsa)
        return failed(std::string("unusable key for ") + what + ": " + rsa.error().message);
    auto recovered = rsa->recover(input);
    if (!recovered)
        return failed(std::string(what) + ": " + recovered.error().message);
    return recovered;
}

Result<void> checkSha1(std::initializer_list<ByteView> parts, ByteView expected, const char* what)
{
    auto digest = crypto::hash(crypto::HashAlgorithm::Sha1, parts);
    if (!digest)
        return digest.error();
    if (!std::equal(digest->begin(), digest->end(), expected.begin(), expected.end()))
        return failed(std::string(what) + " hash mismatch");
    return {};
}

Result<RecoveredKey> recoverIssuerKey(const TransactionData& data, const CaPublicKeyStore& keys)
{
    const auto index = data.get(0x8F);
    if (!index || index->size() != 1)
        return missing(0x8F, "CA public key index");
    const auto rid = applicationRid(data);
    if (!rid)
        return makeError(ErrorCode::InvalidArgument, "no AID (4F/84/9F06) to take the RID from");
    const CaPublicKey* ca = keys.find(*rid, (*index)[0]);
    // Book 2, 5.2: an unknown CA key fails ODA (it is not missing card data).
    if (!ca)
        return failed("no CA public key for RID " + toHex(*rid) + " index " + toHex(*index));
    if (ca->isExpiredAt(data.get(0x9A).value_or(ByteView{})))
        return failed("CA public key RID " + toHex(*rid) + " index " + toHex(*index) +
                      " expired at the transaction date");
    const auto certificate = data.get(kIssuerTags.certificate);
    if (!certificate)
        return missing(kIssuerTags.certificate, "issuer public key certificate");
    const auto exponent = data.get(kIssuerTags.exponent);
    if (!exponent)
        return missing(kIssuerTags.exponent, "issuer public key exponent");

    auto recovered =
        rsaRecover(RecoveredKey{ca->modulus, ca->exponent}, *certificate, "issuer certificate");
    if (!recovered)
        return recovered.error();
    auto cert = parseRecoveredCertificate(*recovered, kFormatIssuerCertificate);
    secureWipe(*recovered);
    if (!cert)
        return failed("issuer certificate: " + cert.error().message);
    // Book 2, 5.3 steps 5-7.
    if (cert->hashAlgorithm != kHashAlgorithmSha1)
        return failed("issuer certificate: unknown hash algorithm " +
                      toHex(Bytes{cert->hashAlgorithm}));
    const auto remainder = data.get(kIssuerTags.remainder);
    // Book 2, 5.1: the remainder is required when N_I > N_CA - 36.
    if (cert->keyLength > cert->keyPart.size() && !remainder)
        return missing(kIssuerTags.remainder, "issuer public key remainder");
    if (auto ok = checkSha1({cert->hashedPart, remainder.value_or(ByteView{}), *exponent},
                            cert->hash, "issuer certificate");
        !ok)
        return ok.error();
    // Step 8: the issuer identifier (3-8 digits, F padded) starts the PAN.
    const auto pan = data.get(0x5A);
    if (!pan)
        return missing(0x5A, "application PAN");
    const auto issuerId = cnDigits(cert->owner);
    const auto panDigits = cnDigits(*pan);
    if (!issuerId || !panDigits || issuerId->size() < 3 || !panDigits->starts_with(*issuerId))
        return failed("issuer identifier " + toHex(cert->owner) + " does not match the PAN");
    // Step 9.
    if (auto ok = checkCertificateExpiry(cert->expiry, data, "issuer certificate"); !ok)
        return ok.error();
    // Step 11.
    if (cert->pkAlgorithm != kPkAlgorithmRsa)
        return failed("issuer certificate: unknown public key algorithm " +
                      toHex(Bytes{cert->pkAlgorithm}));
    if (exponent->size() != cert->exponentLength)
        return failed("issuer public key exponent length differs from the certificate");
    auto modulus = assembleModulus(*cert, remainder, kIssuerTags.remainder, "issuer public key");
    if (!modulus)
        return modulus.error();
    return RecoveredKey{std::move(modulus).value(), Bytes(exponent->begin(), exponent->end())};
}

Result<RecoveredKey> recoverIccCertificateKey(const RecoveredKey& issuerKey,
                                              const TransactionData& data,
                                              std::optional<ByteView> staticData,
                                              const CertificateTags& tags)
{
    const char* what = staticData ? "ICC certificate" : "ICC PIN encipherment certificate";
    const auto certificate = data.get(tags.certificate);
    if (!certificate)
        return missing(tags.certificate, what);
    const auto exponent = data.get(tags.exponent);
    if (!exponent)
        return missing(tags.exponent, "certified key exponent");
    auto recovered = rsaRecover(issuerKey, *certificate, what);
    if (!recovered)
        return recovered.error();
    auto cert = parseRecoveredCertificate(*recovered, kFormatIccCertificate);
    secureWipe(*recovered);
    if (!cert)
        return failed(std::string(what) + ": " + cert.error().message);
    if (cert->hashAlgorithm != kHashAlgorithmSha1)
        return failed(std::string(what) + ": unknown hash algorithm");
    // Book 2, 6.4 step 5: items 2-10 ‖ remainder ‖ exponent ‖ static data to
    // be authenticated. Book 2, 7.1 (PIN encipherment key): the same without
    // the static data.
    const auto remainder = data.get(tags.remainder);
    // Book 2, 6.1: the remainder is required when N_ICC > N_I - 42.
    if (cert->keyLength > cert->keyPart.size() && !remainder)
        return missing(tags.remainder, "certified public key remainder");
    if (auto ok = checkSha1({cert->hashedPart, remainder.value_or(ByteView{}), *exponent,
                             staticData.value_or(ByteView{})},
                            cert->hash, what);
        !ok)
        return ok.error();
    // Step 8: the certified PAN equals 5A (both F padded).
    const auto pan = data.get(0x5A);
    if (!pan)
        return missing(0x5A, "application PAN");
    const auto certPan = cnDigits(cert->owner);
    const auto panDigits = cnDigits(*pan);
    if (!certPan || !panDigits || *certPan != *panDigits)
        return failed(std::string(what) + ": PAN does not match 5A");
    if (auto ok = checkCertificateExpiry(cert->expiry, data, what); !ok)
        return ok.error();
    if (cert->pkAlgorithm != kPkAlgorithmRsa)
        return failed(std::string(what) + ": unknown public key algorithm");
    if (exponent->size() != cert->exponentLength)
        return failed(std::string(what) + ": exponent length differs from the certificate");
    auto modulus = assembleModulus(*cert, remainder, tags.remainder, what);
    if (!modulus)
        return modulus.error();
    return RecoveredKey{std::move(modulus).value(), Bytes(exponent->begin(), exponent->end())};
}

OdaResult failure(const Error& error)
{
    return failure(error.message, error.code == ErrorCode::NotFound);
}

OdaResult failure(std::string reason, bool iccDataMissing)
{
    OdaResult result;
    result.reason = std::move(reason);
    result.iccDataMissing = iccDataMissing;
    return result;
}

} // namespace cardlink::emv::detail
