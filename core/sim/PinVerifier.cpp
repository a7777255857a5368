#include "sim/PinVerifier.h"

#include "sim/CardStatus.h"
#include "sim/PinHash.h"
#include "sim/PlaintextPinBlock.h"

namespace cardlink::sim {

namespace {
using iso7816::ResponseApdu;
namespace sw = iso7816::sw;

// ISO/IEC 7816-4:2013, 11.5.6: P1 = 00 verifies; P1 = FF (with no data) resets
// the security status of the referenced PIN.
constexpr std::uint8_t kP1Verify = 0x00;
constexpr std::uint8_t kP1ResetStatus = 0xFF;
} // namespace

PinVerifier::PinVerifier(std::optional<PinSpec> pin, VerifyFailureStyle failureStyle)
    : m_pin(std::move(pin)), m_failureStyle(failureStyle), m_triesLeft(m_pin ? m_pin->triesLeft : 0)
{}

std::uint16_t PinVerifier::counterStatus() const
{
    return static_cast<std::uint16_t>(status::kCounter | m_triesLeft);
}

ResponseApdu PinVerifier::verify(const iso7816::CommandApdu& command)
{
    if (command.p1 != kP1Verify && command.p1 != kP1ResetStatus)
        return {{}, sw::kIncorrectP1P2};
    if (!m_pin || command.p2 != m_pin->reference)
        return {{}, sw::kReferencedDataNotFound};
    if (command.p1 == kP1ResetStatus) {
        if (!command.data.empty())
            return {{}, sw::kWrongLength};
        m_verified = false;
        return {{}, sw::kNormal};
    }
    if (command.data.empty()) {
        // 11.5.6: without data, VERIFY asks for the tries left (63Cx), or
        // answers 9000 when the PIN is already verified.
        if (isBlocked())
            return {{}, sw::kAuthenticationMethodBlocked};
        return {{}, m_verified ? sw::kNormal : counterStatus()};
    }
    return check(command);
}

ResponseApdu PinVerifier::check(const iso7816::CommandApdu& command)
{
    if (command.data.size() != PlaintextPinBlock::kSize)
        return {{}, sw::kWrongLength};
    if (isBlocked())
        return {{}, sw::kAuthenticationMethodBlocked};
    auto digits = PlaintextPinBlock::decode(command.data);
    if (!digits)
        return {{}, sw::kIncorrectData}; // not a PIN block: no try used
    const bool match = PinHash::matches(m_pin->salt, m_pin->hash, *digits);
    secureWipe(*digits);
    if (match) {
        m_triesLeft = m_pin->maxTries;
        m_verified = true;
        return {{}, sw::kNormal};
    }
    return recordFailure();
}

ResponseApdu PinVerifier::recordFailure()
{
    if (!m_pin)
        return {{}, sw::kReferencedDataNotFound};
    if (isBlocked())
        return {{}, sw::kAuthenticationMethodBlocked};
    // EMV 4.4 Book 3, 6.5.12: a wrong PIN decrements the counter; the failure
    // that reaches 0 still answers 63C0, later VERIFYs answer 6983.
    --m_triesLeft;
    m_verified = false;
    if (m_failureStyle == VerifyFailureStyle::Plain)
        return {{}, status::kVerificationFailed};
    return {{}, counterStatus()};
}

void PinVerifier::unblock()
{
    if (m_pin)
        m_triesLeft = m_pin->maxTries;
}

Result<void> PinVerifier::changePin(ByteView digits)
{
    if (!m_pin)
        return makeError(ErrorCode::NotFound, "the card has no PIN");
    if (!PinHash::isValidPin(digits))
        return makeError(ErrorCode::InvalidArgument, "a PIN has 4..12 digits");
    auto salt = PinHash::randomSalt();
    if (!salt)
        return salt.error();
    auto hash = PinHash::compute(*salt, digits);
    if (!hash)
        return hash.error();
    m_pin->salt = std::move(*salt);
    m_pin->hash = std::move(*hash);
    m_triesLeft = m_pin->maxTries;
    m_verified = false;
    return {};
}

} // namespace cardlink::sim
