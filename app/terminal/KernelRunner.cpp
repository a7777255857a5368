#include "KernelRunner.h"

#include "PcscCardChannel.h"
#include "iso7816/TracingChannel.h"
#include "iso7816/TransportChannel.h"

namespace cardlink::terminal {

KernelRunner::KernelRunner(ChannelFactory channels, emv::TerminalConfig config,
                           emv::CaPublicKeyStore caKeys, OnlineHost& host,
                           iso7816::ApduTrace& trace, const Clock& clock, emv::Random& random)
    : m_channels(std::move(channels)), m_config(std::move(config)), m_caKeys(std::move(caKeys)),
      m_host(host), m_trace(trace), m_clock(clock), m_random(random)
{}

Result<emv::TransactionOutcome> KernelRunner::run(const std::string& reader,
                                                  const emv::TransactionRequest& request,
                                                  emv::Cardholder& cardholder)
{
    auto card = m_channels(reader);
    if (!card)
        return card.error();
    // The trace sits on the wire (every GET RESPONSE shows); the transport
    // rules (61xx/6Cxx, ISO/IEC 7816-3:2006, 10.3.3) on top of it.
    iso7816::TracingChannel traced(**card, m_trace, m_clock);
    iso7816::TransportChannel transport(traced);
    auto online = [this](const emv::OnlineRequest& onlineRequest) {
        return m_host.authorize(onlineRequest);
    };
    emv::EmvKernel kernel(transport, cardholder, m_config, m_caKeys, online, m_clock, m_random);
    {
        std::lock_guard lock(m_mutex);
        if (m_cancelled)
            return makeError(ErrorCode::Cancelled, "cancelled before the card was read");
        m_kernel = &kernel;
    }
    auto outcome = kernel.run(request);
    std::lock_guard lock(m_mutex);
    m_kernel = nullptr;
    return outcome;
}

void KernelRunner::reset()
{
    std::lock_guard lock(m_mutex);
    m_cancelled = false;
}

void KernelRunner::cancel()
{
    std::lock_guard lock(m_mutex);
    m_cancelled = true;
    if (m_kernel)
        m_kernel->cancel();
}

KernelRunner::ChannelFactory KernelRunner::pcscChannels()
{
    return [](const std::string& reader) -> Result<std::unique_ptr<iso7816::CardChannel>> {
        auto channel = pcsc::PcscCardChannel::open(reader);
        if (!channel)
            return channel.error();
        return std::unique_ptr<iso7816::CardChannel>(std::move(*channel));
    };
}

} // namespace cardlink::terminal
