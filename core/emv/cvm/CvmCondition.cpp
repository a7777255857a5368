#include "emv/cvm/CvmCondition.h"

#include <algorithm>

namespace cardlink::emv {

namespace {

// Book 4, Annex A2, Terminal Capabilities byte 2 (CVM Capability).
constexpr std::uint8_t kCapPlaintextPin = 0x80;
constexpr std::uint8_t kCapOnlinePin = 0x40;
constexpr std::uint8_t kCapSignature = 0x20;
constexpr std::uint8_t kCapEncipheredPin = 0x10;
constexpr std::uint8_t kCapNoCvm = 0x08;

bool has(std::uint8_t capability, std::uint8_t bits)
{
    return (capability & bits) == bits;
}

} // namespace

CvmContext CvmContext::from(const TransactionData& data, ByteView terminalCapabilities)
{
    CvmContext context;
    if (const auto type = data.get(0x9C); type && type->size() == 1) {
        context.cash = (*type)[0] == 0x01;
        context.cashback = (*type)[0] == 0x09;
    }
    // Book 4, Annex A1: terminal type digit 2 = 4, 5, 6 is unattended.
    if (const auto terminalType = data.get(0x9F35); terminalType && terminalType->size() == 1) {
        const int operational = (*terminalType)[0] & 0x0F;
        context.unattended = operational >= 4 && operational <= 6;
    }
    if (terminalCapabilities.size() >= 2)
        context.cvmCapability = terminalCapabilities[1];
    const auto transactionCurrency = data.get(0x5F2A);
    const auto applicationCurrency = data.get(0x9F42);
    if (transactionCurrency && applicationCurrency &&
        std::equal(transactionCurrency->begin(), transactionCurrency->end(),
                   applicationCurrency->begin(), applicationCurrency->end()))
        context.amountInApplicationCurrency = data.getBcd(0x9F02);
    return context;
}

bool isRecognisedCvm(std::uint8_t methodCode)
{
    switch (static_cast<CvMethod>(methodCode)) {
    case CvMethod::Fail:
    case CvMethod::OfflinePlaintextPin:
    case CvMethod::OnlineEncipheredPin:
    case CvMethod::OfflinePlaintextPinAndSignature:
    case CvMethod::OfflineEncipheredPin:
    case CvMethod::OfflineEncipheredPinAndSignature:
    case CvMethod::Signature:
    case CvMethod::NoCvmRequired:
        return true;
    }
    return false;
}

bool terminalSupportsCvm(std::uint8_t methodCode, std::uint8_t cvmCapability)
{
    switch (static_cast<CvMethod>(methodCode)) {
    case CvMethod::Fail:
        return true; // always "performed": it fails
    case CvMethod::OfflinePlaintextPin:
        return has(cvmCapability, kCapPlaintextPin);
    case CvMethod::OnlineEncipheredPin:
        return has(cvmCapability, kCapOnlinePin);
    case CvMethod::OfflinePlaintextPinAndSignature:
        return has(cvmCapability, kCapPlaintextPin | kCapSignature);
    case CvMethod::OfflineEncipheredPin:
        return has(cvmCapability, kCapEncipheredPin);
    case CvMethod::OfflineEncipheredPinAndSignature:
        return has(cvmCapability, kCapEncipheredPin | kCapSignature);
    case CvMethod::Signature:
        return has(cvmCapability, kCapSignature);
    case CvMethod::NoCvmRequired:
        return has(cvmCapability, kCapNoCvm);
    }
    return false;
}

bool isConditionSatisfied(const CvRule& rule, const CvmList& list, const CvmContext& context)
{
    const auto& amount = context.amountInApplicationCurrency;
    switch (rule.condition) {
    case 0x00: // always
        return true;
    case 0x01: // unattended cash
        return context.cash && context.unattended;
    case 0x02: // not unattended cash, not manual cash, not purchase with cashback
        return !context.cash && !context.cashback;
    case 0x03: // terminal supports the CVM
        return isRecognisedCvm(rule.methodCode()) &&
               terminalSupportsCvm(rule.methodCode(), context.cvmCapability);
    case 0x04: // manual cash
        return context.cash && !context.unattended;
    case 0x05: // purchase with cashback
        return context.cashback;
    case 0x06: // application currency and under X
        return amount && *amount < list.amountX;
    case 0x07: // application currency and over X
        return amount && *amount > list.amountX;
    case 0x08: // application currency and under Y
        return amount && *amount < list.amountY;
    case 0x09: // application currency and over Y
        return amount && *amount > list.amountY;
    default:
        return false;
    }
}

} // namespace cardlink::emv
