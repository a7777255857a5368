#include "ReaderSnapshot.h"

#include "PcscError.h"

#include <algorithm>

namespace cardlink::pcsc {

Result<std::vector<ReaderSnapshot>> takeReaderSnapshot(const PcscContext& context)
{
    auto names = context.listReaders();
    if (!names)
        return names.error();
    std::vector<ReaderSnapshot> out;
    if (names->empty())
        return out;

    std::vector<SCARD_READERSTATE> states(names->size(), SCARD_READERSTATE{});
    for (std::size_t i = 0; i < names->size(); ++i) {
        states[i].szReader = (*names)[i].c_str();
        states[i].dwCurrentState = SCARD_STATE_UNAWARE;
    }
    const LONG rv =
        SCardGetStatusChange(context.handle(), 0, states.data(), static_cast<DWORD>(states.size()));
    // With UNAWARE every reader reports at once; a timeout means nothing new.
    if (rv != SCARD_S_SUCCESS && rv != SCARD_E_TIMEOUT)
        return pcscError(rv, "SCardGetStatusChange");

    for (std::size_t i = 0; i < names->size(); ++i) {
        ReaderSnapshot reader;
        reader.name = (*names)[i];
        reader.cardPresent = (states[i].dwEventState & SCARD_STATE_PRESENT) != 0;
        if (reader.cardPresent) {
            const std::size_t length =
                std::min<std::size_t>(states[i].cbAtr, sizeof states[i].rgbAtr);
            reader.atr.assign(states[i].rgbAtr, states[i].rgbAtr + length);
        }
        out.push_back(std::move(reader));
    }
    return out;
}

} // namespace cardlink::pcsc
