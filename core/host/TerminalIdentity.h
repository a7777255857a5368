#pragma once

#include <string>

namespace cardlink::host {

// How the terminal reached the host.
enum class TerminalChannel {
    Tls,    // TLS 1.3 with a client certificate of the host's terminal CA
    DialIn, // plain TCP from the modem pool: MAC mandatory on every message
};

// Who sent a request, as the server established it before the engine sees
// any byte: the terminal id its certificate (or dial-in login) maps to. The
// engine trusts this, not field 41.
struct TerminalIdentity
{
    std::string terminalId;
    TerminalChannel channel = TerminalChannel::Tls;
};

} // namespace cardlink::host
