#pragma once

#include "host/HostDecision.h"
#include "host/HostStore.h"
#include "host/MessageSecurity.h"
#include "host/PinVerifier.h"
#include "host/RequestContext.h"
#include "host/TerminalIdentity.h"
#include "iso8583/Message.h"
#include "util/Clock.h"

namespace cardlink::host {

// The authorization host's engine (issue 4; docs/host.md): one request of an
// authenticated terminal in, one decision out. decide() only reads the store;
// the caller commits decision.unit (alone or grouped with others) and sends
// the response once it is Committed, or decides again on Conflict. handle()
// does both for callers without their own commit queue.
//
// Before any MTI-specific rule: the bytes must decode (else Close), the MTI
// be a CardLink request (else Close), the terminal known and not revoked
// (else Close; 96 when the store cannot be read), the MAC valid where one is
// required (else Close), the fields valid for the MTI (else 30, or Close when
// no response can be formed). Then a repeat of (terminal, STAN, field 7) gets
// the stored response again (same content) or 94 (different content); a
// request whose key holds a reversal's tombstone gets 79 (it was reversed
// before it arrived; nothing is posted); field 41 must be the authenticated
// terminal (58) and field 42 its merchant (03).
class AuthorizationEngine
{
public:
    static constexpr int kMaxAttempts = 8;

    AuthorizationEngine(HostStore& store, const Clock& clock, PinVerifier* pins = nullptr,
                        MessageSecurity* security = nullptr);

    HostDecision decide(ByteView request, const TerminalIdentity& identity);
    HostDecision decide(const iso8583::Message& request, const TerminalIdentity& identity);

    // decide() + commit, again on Conflict (up to kMaxAttempts); a store
    // failure becomes 96 with nothing stored.
    HostDecision handle(ByteView request, const TerminalIdentity& identity);

    // The answer when the host itself failed (a store Error, a Rejected unit,
    // Conflict after kMaxAttempts): 96 "system malfunction" (ISO 8583:1987),
    // nothing stored or posted, so a repeat is decided afresh. Close only when
    // no response can be formed (undecodable request, or a MAC the host
    // cannot compute). For callers with their own commit queue.
    HostDecision systemMalfunction(ByteView request, const TerminalIdentity& identity,
                                   std::string why);

private:
    HostDecision route(RequestContext& context);
    Answer network(RequestContext& context);
    Answer reconcile(RequestContext& context);
    HostDecision finish(RequestContext& context, Answer answer);
    HostDecision systemError(const iso8583::Message& request, const TerminalIdentity& identity,
                             std::string why);

    HostStore& m_store;
    const Clock& m_clock;
    PinVerifier* m_pins;
    MessageSecurity* m_security;
};

} // namespace cardlink::host
