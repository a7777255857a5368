#pragma once

#include "iso7816/Apdu.h"
#include "sim/CardBehaviour.h"
#include "sim/PinSpec.h"

#include <optional>

namespace cardlink::sim {

// The card's PIN and its security status: VERIFY (ISO/IEC 7816-4:2013, 11.5.6;
// EMV 4.4 Book 3, 6.5.12) with a plaintext PIN block. The try counter is
// persistent (it survives reset and power off, like a card's EEPROM); the
// "verified" status is volatile and cleared by clearSecurityStatus().
// The PIN digits exist only briefly while a VERIFY is checked, then are wiped;
// nothing here logs or returns them.
class PinVerifier
{
public:
    PinVerifier(std::optional<PinSpec> pin, VerifyFailureStyle failureStyle);

    iso7816::ResponseApdu verify(const iso7816::CommandApdu& command);

    bool hasPin() const { return m_pin.has_value(); }
    bool isVerified() const { return m_verified; }
    bool isBlocked() const { return m_pin && m_triesLeft == 0; }
    int triesLeft() const { return m_triesLeft; }
    void clearSecurityStatus() { m_verified = false; }

    // For the EMV payment application (sim/emv). A failed check that never
    // reached the PIN compare (enciphered PIN with a bad header or challenge,
    // EMV 4.4 Book 2, 7.2) still costs a try: decrements and answers as a
    // wrong PIN would.
    iso7816::ResponseApdu recordFailure();
    // PIN UNBLOCK by issuer script (Book 3, 6.5.10): the counter back to max.
    void unblock();
    // PIN CHANGE by issuer script: a new salt and hash for `digits` (ASCII,
    // 4..12 digits); the counter back to max. The caller wipes `digits`.
    Result<void> changePin(ByteView digits);

private:
    iso7816::ResponseApdu check(const iso7816::CommandApdu& command);
    std::uint16_t counterStatus() const;

    std::optional<PinSpec> m_pin;
    VerifyFailureStyle m_failureStyle;
    int m_triesLeft = 0;
    bool m_verified = false;
};

} // namespace cardlink::sim
