#pragma once

#include "emv/OnlineAuthorization.h"

namespace cardlink::terminal {

// The terminal's way to the authorization host, called on the kernel's
// worker thread when the card asks for an ARQC decision. The host link
// (ISO 8583 over TLS or a modem) implements it later; until then
// StubHostAuthorizer stands in.
class HostAuthorizer
{
public:
    virtual ~HostAuthorizer() = default;
    virtual emv::OnlineResponse authorize(const emv::OnlineRequest& request) = 0;
};

} // namespace cardlink::terminal
