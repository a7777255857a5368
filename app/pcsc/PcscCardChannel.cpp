#include "PcscCardChannel.h"

#include <string>
#include <utility>

namespace cardlink::pcsc {

namespace {
// Two of pcscd's 400 ms polls, and some slack for a loaded machine.
constexpr std::chrono::milliseconds kRemovalSettleTime{1200};
} // namespace

PcscCardChannel::PcscCardChannel(std::string reader, PcscContext context, PcscCardHandle card,
                                 Bytes atr)
    : m_reader(std::move(reader)), m_context(std::move(context)), m_card(std::move(card)),
      m_atr(std::move(atr))
{}

Result<std::unique_ptr<PcscCardChannel>> PcscCardChannel::open(const std::string& reader,
                                                               ShareMode share)
{
    auto context = PcscContext::establish();
    if (!context)
        return context.error();
    auto card = PcscCardHandle::connect(*context, reader, share);
    if (!card)
        return card.error();
    auto status = card->status();
    if (!status)
        return status.error();
    return std::unique_ptr<PcscCardChannel>(
        new PcscCardChannel(reader, std::move(*context), std::move(*card), std::move(status->atr)));
}

Result<iso7816::ResponseApdu> PcscCardChannel::transmit(const iso7816::CommandApdu& command)
{
    auto encoded = command.encode();
    if (!encoded)
        return encoded.error();
    auto response = exchange(*encoded);
    // The encoded command may hold a PIN (VERIFY): do not leave it on the heap.
    secureWipe(*encoded);
    if (!response)
        return explainFailure(response.error());
    auto parsed = iso7816::ResponseApdu::parse(*response);
    if (!parsed) {
        // vpcd (and some readers) report a card pulled mid-exchange as a
        // successful transmit with no status word.
        return explainFailure(
            makeError(ErrorCode::Io, "SCardTransmit: " + std::to_string(response->size()) +
                                         " bytes back, no status word"));
    }
    return parsed;
}

Error PcscCardChannel::explainFailure(Error error) const
{
    if (error.code != ErrorCode::Io)
        return error;
    // A failed or empty exchange is most often a card leaving the reader.
    // pcscd may not know yet (it polls some readers, vpcd every ~400 ms), so
    // give it a moment to say so before calling it an I/O error.
    auto gone = m_context.waitForCardAbsent(m_reader, kRemovalSettleTime);
    if (gone && *gone)
        return makeError(ErrorCode::CardRemoved,
                         "the card was removed during the exchange (" + error.message + ")");
    return error;
}

Result<Bytes> PcscCardChannel::exchange(ByteView command)
{
    auto response = m_card.transmit(command);
    if (response || !m_card.resetSeen())
        return response;
    // Someone else reset the card (shared mode): pcsc-lite refuses the handle
    // until we acknowledge with SCardReconnect; the command did not reach the
    // card, so sending it once more is safe.
    auto reconnected = m_card.reconnect(false);
    if (!reconnected)
        return reconnected.error();
    if (auto status = m_card.status())
        m_atr = std::move(status->atr);
    return m_card.transmit(command);
}

Result<void> PcscCardChannel::reset()
{
    auto reconnected = m_card.reconnect(true);
    if (!reconnected)
        return reconnected;
    auto status = m_card.status();
    if (!status)
        return status.error();
    m_atr = std::move(status->atr);
    return {};
}

void PcscCardChannel::disconnect(Disposition disposition)
{
    m_card.disconnect(disposition);
}

} // namespace cardlink::pcsc
