#pragma once

#include "iso7816/ApduTrace.h"
#include "iso7816/CardChannel.h"
#include "util/Clock.h"

namespace cardlink::iso7816 {

// A decorator that records every exchange with the inner channel in an
// ApduTrace: the time it started, how long it took, the command (secret data
// masked before it is stored, see ApduTraceEntry), the response or the error.
// Results pass through unchanged.
//
// Put it directly on the card (under TransportChannel) to see every GET
// RESPONSE on the wire, or over TransportChannel to see one entry per
// logical command.
class TracingChannel final : public CardChannel
{
public:
    TracingChannel(CardChannel& inner, ApduTrace& trace);
    TracingChannel(CardChannel& inner, ApduTrace& trace, const Clock& clock);

    Result<ResponseApdu> transmit(const CommandApdu& command) override;

private:
    CardChannel& m_inner;
    ApduTrace& m_trace;
    const Clock& m_clock;
};

} // namespace cardlink::iso7816
