#include "sim/emv/CardRiskManagement.h"

#include <algorithm>

namespace cardlink::sim::emv {

namespace {
std::uint8_t acBits(AcType type)
{
    switch (type) {
    case AcType::Aac:
        return 0;
    case AcType::Tc:
        return 1;
    case AcType::Arqc:
        return 2;
    }
    return 0;
}
} // namespace

AcType CardRiskManagement::decideFirst(AcType requested, std::uint64_t amount,
                                       const EmvApplicationData& data, const PinStatus& pin,
                                       bool& offlineLimitExceeded)
{
    offlineLimitExceeded = amount > data.profile.offlineLimit;
    if (requested == AcType::Aac || data.state->applicationBlocked)
        return AcType::Aac;
    if (requested == AcType::Arqc)
        return AcType::Arqc;
    const bool pinMissing =
        data.profile.requirePinForOffline && pin.hasPin && !data.session.offlinePinVerified;
    if (offlineLimitExceeded || data.state->issuerAuthenticationFailed || pinMissing)
        return AcType::Arqc;
    return AcType::Tc;
}

AcType CardRiskManagement::decideSecond(AcType requested, const EmvApplicationData& data)
{
    if (requested == AcType::Aac || data.state->applicationBlocked ||
        data.session.issuerAuthentication == IssuerAuthentication::Failed)
        return AcType::Aac;
    return AcType::Tc;
}

Bytes CardRiskManagement::cardVerificationResults(const EmvApplicationData& data,
                                                  const PinStatus& pin, AcType firstAc,
                                                  std::optional<AcType> secondAc)
{
    const EmvSession& session = data.session;
    Bytes cvr(4, 0x00);
    cvr[0] = static_cast<std::uint8_t>(((secondAc ? acBits(*secondAc) : 2) << 6) |
                                       (acBits(firstAc) << 4));
    if (session.cdaPerformed)
        cvr[0] |= 0x08;
    if (session.ddaPerformed)
        cvr[0] |= 0x04;
    if (secondAc && session.issuerAuthentication == IssuerAuthentication::NotPerformed)
        cvr[0] |= 0x02;
    if (session.issuerAuthentication == IssuerAuthentication::Failed)
        cvr[0] |= 0x01;
    cvr[1] = static_cast<std::uint8_t>(std::clamp(pin.triesLeft, 0, 15) << 4);
    if (session.offlinePinPerformed)
        cvr[1] |= 0x08;
    if (session.offlinePinFailed)
        cvr[1] |= 0x04;
    if (pin.hasPin && pin.blocked)
        cvr[1] |= 0x02;
    if (data.state->issuerAuthenticationFailed)
        cvr[1] |= 0x01;
    if (session.offlineLimitExceeded)
        cvr[2] |= 0x80;
    if (data.state->applicationBlocked)
        cvr[2] |= 0x40;
    cvr[2] |= static_cast<std::uint8_t>(std::min(session.scriptCommands, 15));
    if (session.scriptFailed)
        cvr[3] |= 0x80;
    return cvr;
}

} // namespace cardlink::sim::emv
