#pragma once

#include "iso7816/CardChannel.h"

#include <cstddef>

namespace cardlink::iso7816 {

// Bounds on what one transmit() may cost, so that a card that keeps answering
// 61xx (or a hostile one) cannot keep the terminal busy or eat its memory.
struct TransportLimits
{
    // Commands sent to the card for one transmit(), the first one included.
    // 64 KiB in 256-byte GET RESPONSE steps is 256 exchanges, plus slack.
    std::size_t maxExchanges = 300;
    // Response data collected over all steps (ISO/IEC 7816-4: Ne <= 65536).
    std::size_t maxResponseBytes = 65536;
};

// A decorator that applies the rules a terminal's transport layer applies to
// every exchange, so the layers above see one command and one complete
// response (ISO/IEC 7816-3:2006, 12.2; EMV 4.4 Book 1, 9.3 and Annex A):
//
// - 6Cxx to a command with Le (case 2 or 4): the card says "wrong Le, xx
//   available"; the same command is sent once more with Le = xx (00 = 256).
//   For case 1 and 3 commands, which carry no Le, 6Cxx is passed through
//   (ISO/IEC 7816-3:2006, table 14 allows it only for cases 2 and 4).
// - 61xx: the command completed and xx (00 = 256) more bytes wait; GET
//   RESPONSE (CLA INS P1 P2 Le = 00 C0 00 00 xx, on the command's logical
//   channel) fetches them, repeated while 61xx comes back, the data
//   concatenated. A GET RESPONSE answered with 6Cxx is resent once with that
//   Le. 61xx is followed for every case: the card did complete the command.
// - EMV 4.4 Book 1, 9.3.1.1 and Annex A7 (case 4 command with warning
//   condition): a case 4 command answered with 62xx or 63xx and no data is
//   followed by GET RESPONSE with Le = 00; the data that chain returns is
//   delivered with the warning status word, not with the 9000 that ends the
//   chain (a SELECT of a blocked application gives its FCI with 6283). If
//   that first GET RESPONSE fails (the card had no data), the warning alone
//   is returned. If a later step of the chain fails, its status word is
//   returned with the data collected so far.
//
// Errors from the inner channel are returned unchanged. Exceeding the limits
// is an Error (Malformed): the card broke the protocol.
class TransportChannel final : public CardChannel
{
public:
    explicit TransportChannel(CardChannel& card);
    TransportChannel(CardChannel& card, TransportLimits limits);

    Result<ResponseApdu> transmit(const CommandApdu& command) override;

private:
    class Session;

    CardChannel& m_card;
    TransportLimits m_limits;
};

} // namespace cardlink::iso7816
