#include "ExchangeLog.h"

#include "iso7816/ApduTraceEntry.h"

namespace cardlink::cardsim {

namespace {
constexpr std::size_t kHeaderSize = 4;
constexpr std::size_t kShortLcEnd = 5;    // header + short Lc
constexpr std::size_t kExtendedLcEnd = 7; // header + 00 + two Lc bytes
} // namespace

std::string ExchangeLog::maskedCommand(ByteView apdu)
{
    if (apdu.size() <= kShortLcEnd || !iso7816::carriesSecretData(apdu[1]))
        return toSpacedHex(apdu);
    // Keep the header and the Lc field, never the data (ISO/IEC 7816-4:2013, 5.1).
    const std::size_t keep =
        apdu[kHeaderSize] == 0x00 && apdu.size() > kExtendedLcEnd ? kExtendedLcEnd : kShortLcEnd;
    return toSpacedHex(apdu.first(keep)) + " **";
}

void ExchangeLog::event(const std::string& text)
{
    if (!m_enabled)
        return;
    std::fprintf(m_out, "cardsim: %s\n", text.c_str());
    std::fflush(m_out);
}

void ExchangeLog::command(ByteView apdu)
{
    if (m_enabled)
        event("> " + maskedCommand(apdu));
}

void ExchangeLog::response(ByteView rapdu, double milliseconds)
{
    if (!m_enabled)
        return;
    char timing[32];
    std::snprintf(timing, sizeof timing, " (%.3f ms)", milliseconds);
    event("< " + toSpacedHex(rapdu) + timing);
}

} // namespace cardlink::cardsim
