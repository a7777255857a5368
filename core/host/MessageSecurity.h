#pragma once

#include "host/Terminal.h"
#include "iso8583/Message.h"
#include "util/Result.h"

namespace cardlink::host {

enum class MacVerdict { Valid, Invalid, Missing };

// Message MAC (fields 64/128) for terminals that need one: dial-in links
// always, TLS terminals with Terminal::macRequired. The keys are the
// terminal's DUKPT MAC keys (core/online/MessageMac).
class MessageSecurity
{
public:
    virtual ~MessageSecurity() = default;
    virtual Result<MacVerdict> verifyRequest(const Terminal& terminal,
                                             const iso8583::Message& request) = 0;
    // Sets the MAC field of `response`, keyed as the request was.
    virtual Result<void> signResponse(const Terminal& terminal, const iso8583::Message& request,
                                      iso8583::Message& response) = 0;
};

} // namespace cardlink::host
