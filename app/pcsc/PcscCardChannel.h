#pragma once

#include "PcscCardHandle.h"
#include "PcscContext.h"
#include "iso7816/CardChannel.h"

#include <memory>
#include <string>

namespace cardlink::pcsc {

// The CardChannel port on a real reader: a card connected through pcscd.
// It moves bytes only. The transport rules (61xx GET RESPONSE, 6Cxx resend)
// live in iso7816::TransportChannel, which is stacked on top of this one.
//
// Owns its own PC/SC context, so each channel can live on its own thread.
class PcscCardChannel final : public iso7816::CardChannel
{
public:
    // Connects to the card in `reader` with T=0 or T=1 as the card and the
    // reader negotiate. No card: CardRemoved. Unknown reader: NotFound.
    // Another application holds the card exclusively: Io.
    static Result<std::unique_ptr<PcscCardChannel>> open(const std::string& reader,
                                                         ShareMode share = ShareMode::Shared);

    // Encodes the command, transmits it, parses the response. If another
    // application reset the card since our last exchange (SCARD_W_RESET_CARD),
    // reconnects and sends the command once more. A card that left the
    // reader before or during the exchange gives CardRemoved.
    Result<iso7816::ResponseApdu> transmit(const iso7816::CommandApdu& command) override;

    const std::string& reader() const { return m_reader; }
    CardProtocol protocol() const { return m_card.protocol(); }
    // The ATR read right after connecting (SCardStatus).
    const Bytes& atr() const { return m_atr; }

    // Warm reset (SCardReconnect with SCARD_RESET_CARD); refreshes atr().
    Result<void> reset();

    void disconnect(Disposition disposition = Disposition::Leave);

private:
    PcscCardChannel(std::string reader, PcscContext context, PcscCardHandle card, Bytes atr);

    Result<Bytes> exchange(ByteView command);
    // Turns a failed exchange into CardRemoved when the card is gone.
    Error explainFailure(Error error) const;

    std::string m_reader;
    PcscContext m_context;
    PcscCardHandle m_card;
    Bytes m_atr;
};

} // namespace cardlink::pcsc
