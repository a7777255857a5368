#pragma once

#include "iso7816/Apdu.h"
#include "util/Result.h"

namespace cardlink::iso7816 {

// The port everything above the transport uses to talk to a card: send one
// command APDU, get the card's response. Implemented by the PC/SC adapter
// (app/pcsc), by the simulated card in-process (core/sim), by scripted test
// cards, and by decorators that add the T=0 transport rules or a trace.
class CardChannel
{
public:
    virtual ~CardChannel() = default;

    // Errors are transport failures (card removed, I/O); any status word the
    // card sends, including errors like 6A82, is a successful transmit.
    virtual Result<ResponseApdu> transmit(const CommandApdu& command) = 0;
};

} // namespace cardlink::iso7816
