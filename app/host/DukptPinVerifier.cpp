#include "DukptPinVerifier.h"

#include "DukptKeyOwnership.h"

#include "dukpt/DukptPin.h"
#include "dukpt/KeySerialNumber.h"

namespace cardlink::host {

Result<PinCheck> DukptPinVerifier::verify(const Terminal& terminal, const Card& card,
                                          const IssuerKeys& keys, ByteView pinBlock,
                                          ByteView keySerialNumber)
{
    auto bdk = m_store.findBaseDerivationKey(terminal.bdkId);
    if (!bdk)
        return bdk.error();
    auto ksn = dukpt::KeySerialNumber::fromBytes(keySerialNumber);
    if (!*bdk || !ksn || !dukptKeyBelongsTo(terminal, *ksn) || card.pinVerificationValue.empty())
        return PinCheck::Unreadable;
    auto right = dukpt::DukptPin::verify(**bdk, *ksn, pinBlock, card.pan, keys.pinVerification,
                                         card.pinVerificationValue);
    secureWipe(**bdk);
    // A block that does not decipher to a PIN (wrong key, tampered) is
    // unreadable, not a wrong try (docs/dukpt.md).
    if (!right)
        return PinCheck::Unreadable;
    return *right ? PinCheck::Correct : PinCheck::Wrong;
}

} // namespace cardlink::host
