#pragma once

#include "emv/OnlineAuthorization.h"

namespace cardlink::terminal {

// The terminal's way to the authorization host, called on the kernel's
// worker thread when the card asks for an ARQC decision: HostLinkAuthorizer
// (app/link's link::HostAuthorizer, ISO 8583 over TLS), StubHostAuthorizer
// without a terminal bundle, SaleRecorder journaling in front of either.
class OnlineHost
{
public:
    virtual ~OnlineHost() = default;
    virtual emv::OnlineResponse authorize(const emv::OnlineRequest& request) = 0;
};

} // namespace cardlink::terminal
