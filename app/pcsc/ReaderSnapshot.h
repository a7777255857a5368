#pragma once

#include "PcscContext.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <string>
#include <vector>

namespace cardlink::pcsc {

// One reader as it is right now: name, whether a card is in it and the
// card's ATR (empty for a mute card).
struct ReaderSnapshot
{
    std::string name;
    bool cardPresent = false;
    Bytes atr;
};

// Lists the readers and asks pcscd for their state without waiting
// (SCardGetStatusChange with a zero timeout), in listReaders() order.
Result<std::vector<ReaderSnapshot>> takeReaderSnapshot(const PcscContext& context);

} // namespace cardlink::pcsc
