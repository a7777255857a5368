#include "iso7816/TracingChannel.h"

namespace cardlink::iso7816 {

TracingChannel::TracingChannel(CardChannel& inner, ApduTrace& trace)
    : TracingChannel(inner, trace, SystemClock::instance())
{}

TracingChannel::TracingChannel(CardChannel& inner, ApduTrace& trace, const Clock& clock)
    : m_inner(inner), m_trace(trace), m_clock(clock)
{}

Result<ResponseApdu> TracingChannel::transmit(const CommandApdu& command)
{
    ApduTraceEntry entry;
    entry.setCommand(command);
    entry.time = m_clock.now();
    const auto start = m_clock.monotonic();

    auto result = m_inner.transmit(command);

    entry.duration =
        std::chrono::duration_cast<std::chrono::microseconds>(m_clock.monotonic() - start);
    entry.setResult(result);
    m_trace.record(std::move(entry));
    return result;
}

} // namespace cardlink::iso7816
