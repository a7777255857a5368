#pragma once

#include "OnlineHost.h"
#include "TransactionRunner.h"
#include "emv/EmvKernel.h"
#include "emv/Random.h"
#include "emv/TerminalConfig.h"
#include "emv/oda/CaPublicKeyStore.h"
#include "iso7816/ApduTrace.h"
#include "iso7816/CardChannel.h"

#include <functional>
#include <memory>
#include <mutex>

namespace cardlink::terminal {

// The real transaction: connects to the card in the reader, stacks the
// ISO 7816 transport rules and the APDU trace on the channel and runs the
// core EMV kernel. The channel comes from a factory so the same runner works
// on PC/SC (PcscCardChannel::open) and on an in-process card in tests.
class KernelRunner final : public TransactionRunner
{
public:
    using ChannelFactory =
        std::function<Result<std::unique_ptr<iso7816::CardChannel>>(const std::string& reader)>;

    KernelRunner(ChannelFactory channels, emv::TerminalConfig config, emv::CaPublicKeyStore caKeys,
                 OnlineHost& host, iso7816::ApduTrace& trace, const Clock& clock,
                 emv::Random& random);

    Result<emv::TransactionOutcome> run(const std::string& reader,
                                        const emv::TransactionRequest& request,
                                        emv::Cardholder& cardholder) override;
    void reset() override;
    void cancel() override;

    // Production channels: PC/SC, shared mode.
    static ChannelFactory pcscChannels();

private:
    ChannelFactory m_channels;
    emv::TerminalConfig m_config;
    emv::CaPublicKeyStore m_caKeys;
    OnlineHost& m_host;
    iso7816::ApduTrace& m_trace;
    const Clock& m_clock;
    emv::Random& m_random;

    std::mutex m_mutex;
    emv::EmvKernel* m_kernel = nullptr; // the running one, for cancel()
    bool m_cancelled = false;
};

} // namespace cardlink::terminal
