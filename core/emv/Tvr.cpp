#include "emv/Tvr.h"

#include <utility>

namespace cardlink::emv {

namespace {
constexpr std::pair<TvrBit, const char*> kTvrNames[] = {
    {TvrBit::OdaNotPerformed, "offline data authentication was not performed"},
    {TvrBit::SdaFailed, "SDA failed"},
    {TvrBit::IccDataMissing, "ICC data missing"},
    {TvrBit::CardOnExceptionFile, "card appears on terminal exception file"},
    {TvrBit::DdaFailed, "DDA failed"},
    {TvrBit::CdaFailed, "CDA failed"},
    {TvrBit::IccAndTerminalDifferentVersions,
     "ICC and terminal have different application versions"},
    {TvrBit::ExpiredApplication, "expired application"},
    {TvrBit::ApplicationNotYetEffective, "application not yet effective"},
    {TvrBit::ServiceNotAllowed, "requested service not allowed for card product"},
    {TvrBit::NewCard, "new card"},
    {TvrBit::CardholderVerificationNotSuccessful, "cardholder verification was not successful"},
    {TvrBit::UnrecognisedCvm, "unrecognised CVM"},
    {TvrBit::PinTryLimitExceeded, "PIN try limit exceeded"},
    {TvrBit::PinPadNotPresentOrNotWorking,
     "PIN entry required and PIN pad not present or not working"},
    {TvrBit::PinPadPresentButPinNotEntered,
     "PIN entry required, PIN pad present, but PIN was not entered"},
    {TvrBit::OnlinePinEntered, "online PIN entered"},
    {TvrBit::TransactionExceedsFloorLimit, "transaction exceeds floor limit"},
    {TvrBit::LowerConsecutiveOfflineLimitExceeded, "lower consecutive offline limit exceeded"},
    {TvrBit::UpperConsecutiveOfflineLimitExceeded, "upper consecutive offline limit exceeded"},
    {TvrBit::RandomlySelectedForOnline, "transaction selected randomly for online processing"},
    {TvrBit::MerchantForcedOnline, "merchant forced transaction online"},
    {TvrBit::DefaultTdolUsed, "default TDOL used"},
    {TvrBit::IssuerAuthenticationFailed, "issuer authentication failed"},
    {TvrBit::ScriptFailedBeforeFinalGenerateAc,
     "script processing failed before final GENERATE AC"},
    {TvrBit::ScriptFailedAfterFinalGenerateAc, "script processing failed after final GENERATE AC"},
};

constexpr std::size_t byteIndex(std::uint16_t bit)
{
    return bit >> 8;
}
constexpr std::uint8_t mask(std::uint16_t bit)
{
    return static_cast<std::uint8_t>(bit & 0xFF);
}
} // namespace

void Tvr::set(TvrBit bit)
{
    const auto v = static_cast<std::uint16_t>(bit);
    m_bytes[byteIndex(v)] |= mask(v);
}

bool Tvr::test(TvrBit bit) const
{
    const auto v = static_cast<std::uint16_t>(bit);
    return (m_bytes[byteIndex(v)] & mask(v)) != 0;
}

std::vector<std::string> Tvr::describe() const
{
    std::vector<std::string> names;
    for (const auto& [bit, name] : kTvrNames) {
        if (test(bit))
            names.emplace_back(name);
    }
    return names;
}

void Tsi::set(TsiBit bit)
{
    const auto v = static_cast<std::uint16_t>(bit);
    m_bytes[byteIndex(v)] |= mask(v);
}

bool Tsi::test(TsiBit bit) const
{
    const auto v = static_cast<std::uint16_t>(bit);
    return (m_bytes[byteIndex(v)] & mask(v)) != 0;
}

} // namespace cardlink::emv
