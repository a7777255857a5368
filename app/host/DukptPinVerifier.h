#pragma once

#include "host/HostStore.h"
#include "host/PinVerifier.h"

namespace cardlink::host {

// core/host's PinVerifier with AES DUKPT (core/dukpt DukptPin): the BDK of
// the terminal from the store, the PIN key of the KSN in field 53, the clear
// PIN only inside DukptPin::verify, compared with the card's PIN
// verification value under the issuer keys' PIN verification key.
class DukptPinVerifier final : public PinVerifier
{
public:
    explicit DukptPinVerifier(HostStore& store) : m_store(store) {}

    Result<PinCheck> verify(const Terminal& terminal, const Card& card, const IssuerKeys& keys,
                            ByteView pinBlock, ByteView keySerialNumber) override;

private:
    HostStore& m_store;
};

} // namespace cardlink::host
