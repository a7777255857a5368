#include "emv/cvm/CardholderVerification.h"

#include "emv/cvm/CvmCondition.h"
#include "emv/cvm/CvmList.h"
#include "emv/cvm/PinSession.h"
#include "emv/oda/KeyRecovery.h"

namespace cardlink::emv {

namespace {

// CVM Results byte 3, EMV 4.4 Book 4, Annex A4.
constexpr std::uint8_t kResultUnknown = 0x00;
constexpr std::uint8_t kResultFailed = 0x01;
constexpr std::uint8_t kResultSuccessful = 0x02;
// Byte 1 '3F': no CVM performed.
constexpr std::uint8_t kNoCvmPerformed = 0x3F;
// AIP byte 1 bit 5: cardholder verification is supported (Book 3, Annex C1).
constexpr std::uint8_t kAipCardholderVerification = 0x10;

enum class Attempt { Succeeded, Failed, Cancelled };

// The key for offline enciphered PIN (Book 2, 7.1): the ICC PIN
// Encipherment Public Key when the card has one (9F2D), else the ICC Public
// Key recovered during ODA.
std::optional<IccPublicKey> pinEncipherKey(const TransactionData& data,
                                           const std::optional<IccPublicKey>& iccKey,
                                           const CaPublicKeyStore& keys)
{
    if (!data.has(detail::kIccPinTags.certificate))
        return iccKey;
    auto issuer = detail::recoverIssuerKey(data, keys);
    if (!issuer)
        return std::nullopt;
    auto pinKey =
        detail::recoverIccCertificateKey(*issuer, data, std::nullopt, detail::kIccPinTags);
    if (!pinKey)
        return std::nullopt;
    return IccPublicKey{std::move(pinKey->modulus), std::move(pinKey->exponent)};
}

struct Verification
{
    iso7816::CardChannel& card;
    TransactionData& data;
    const std::optional<IccPublicKey>& iccKey;
    const CaPublicKeyStore& keys;
    detail::PinSession& pins;
    CvmOutcome& outcome;
    std::uint8_t successResult = kResultSuccessful;

    Result<Attempt> offlinePin(bool enciphered)
    {
        std::optional<IccPublicKey> key;
        if (enciphered) {
            key = pinEncipherKey(data, iccKey, keys);
            // Book 2, 7.1: without a usable key the CVM cannot be performed.
            if (!key)
                return Attempt::Failed;
        }
        auto result = pins.offlinePin(key ? &*key : nullptr);
        if (!result)
            return result.error();
        switch (*result) {
        case detail::PinResult::Verified:
            return Attempt::Succeeded;
        case detail::PinResult::Cancelled:
            return Attempt::Cancelled;
        case detail::PinResult::Failed:
            break;
        }
        return Attempt::Failed;
    }

    // Book 3, 10.5: performs one recognised, supported CVM.
    Result<Attempt> perform(std::uint8_t methodCode)
    {
        successResult = kResultSuccessful;
        switch (static_cast<CvMethod>(methodCode)) {
        case CvMethod::Fail:
            return Attempt::Failed;
        case CvMethod::OfflinePlaintextPin:
            return offlinePin(false);
        case CvMethod::OfflineEncipheredPin:
            return offlinePin(true);
        case CvMethod::OfflinePlaintextPinAndSignature:
        case CvMethod::OfflineEncipheredPinAndSignature: {
            auto attempt = offlinePin(methodCode == 0x05);
            if (attempt && *attempt == Attempt::Succeeded) {
                // Book 4, Annex A4: the signature is checked later: unknown.
                outcome.signatureRequired = true;
                successResult = kResultUnknown;
            }
            return attempt;
        }
        case CvMethod::OnlineEncipheredPin:
            switch (pins.onlinePin(outcome.onlinePinDigits)) {
            case detail::PinResult::Verified:
                outcome.onlinePin = true;
                successResult = kResultUnknown; // the issuer decides
                return Attempt::Succeeded;
            case detail::PinResult::Cancelled:
                return Attempt::Cancelled;
            case detail::PinResult::Failed:
                break;
            }
            return Attempt::Failed;
        case CvMethod::Signature:
            outcome.signatureRequired = true;
            successResult = kResultUnknown;
            return Attempt::Succeeded;
        case CvMethod::NoCvmRequired:
            return Attempt::Succeeded;
        }
        return Attempt::Failed;
    }
};

void setResults(TransactionData& data, CvmOutcome& outcome, std::uint8_t method,
                std::uint8_t condition, std::uint8_t result)
{
    outcome.cvmResults = Bytes{method, condition, result};
    data.set(0x9F34, outcome.cvmResults);
}

} // namespace

Result<CvmOutcome> performCardholderVerification(iso7816::CardChannel& card, Cardholder& cardholder,
                                                 TransactionData& data, Tvr& tvr, Tsi& tsi,
                                                 const CvmSettings& settings,
                                                 const std::optional<IccPublicKey>& iccKey,
                                                 const CaPublicKeyStore& keys)
{
    CvmOutcome outcome;
    // Book 3, 10.5: only when the AIP says the card supports it.
    const auto aip = data.get(0x82);
    if (aip && !aip->empty() && ((*aip)[0] & kAipCardholderVerification) == 0) {
        setResults(data, outcome, kNoCvmPerformed, 0x00, kResultUnknown);
        return outcome;
    }
    const auto listValue = data.get(0x8E);
    if (!listValue) {
        // Book 3, 10.5: CVM List missing: ICC data missing, no CVM performed,
        // TSI bit not set.
        tvr.set(TvrBit::IccDataMissing);
        setResults(data, outcome, kNoCvmPerformed, 0x00, kResultUnknown);
        return outcome;
    }
    auto list = CvmList::parse(*listValue);
    if (!list)
        return list.error();
    if (list->rules.empty()) {
        setResults(data, outcome, kNoCvmPerformed, 0x00, kResultUnknown);
        return outcome;
    }

    const CvmContext context = CvmContext::from(data, settings.terminalCapabilities);
    detail::PinSession pins(card, cardholder, tvr, settings);
    Verification verification{card, data, iccKey, keys, pins, outcome};
    std::optional<CvRule> lastFailed;
    for (const CvRule& rule : list->rules) {
        // Book 3, 10.5: a rule whose condition is not satisfied, or not
        // understood, is skipped.
        if (!isConditionSatisfied(rule, *list, context))
            continue;
        Attempt attempt = Attempt::Failed;
        const std::uint8_t code = rule.methodCode();
        if (!isRecognisedCvm(code)) {
            tvr.set(TvrBit::UnrecognisedCvm);
        } else if (terminalSupportsCvm(code, context.cvmCapability)) {
            auto performed = verification.perform(code);
            if (!performed)
                return performed.error();
            attempt = *performed;
        }
        // A recognised CVM the terminal cannot perform counts as failed.
        if (attempt == Attempt::Cancelled) {
            outcome.cancelled = true;
            setResults(data, outcome, rule.method, rule.condition, kResultFailed);
            return outcome;
        }
        if (attempt == Attempt::Succeeded) {
            tsi.set(TsiBit::CardholderVerificationPerformed);
            setResults(data, outcome, rule.method, rule.condition, verification.successResult);
            return outcome;
        }
        lastFailed = rule;
        // b7 of the method byte: go on to the next rule, else CV fails.
        if (!rule.applySucceedingIfUnsuccessful())
            break;
    }
    // Book 3, 10.5: no CVM succeeded.
    tvr.set(TvrBit::CardholderVerificationNotSuccessful);
    tsi.set(TsiBit::CardholderVerificationPerformed);
    outcome.signatureRequired = false;
    if (lastFailed)
        setResults(data, outcome, lastFailed->method, lastFailed->condition, kResultFailed);
    else
        setResults(data, outcome, kNoCvmPerformed, 0x00, kResultFailed);
    return outcome;
}

} // namespace cardlink::emv
