#include "emv/oda/Oda.h"

namespace cardlink::emv {

namespace {

// EMV 4.4 Book 3, Annex C1 (AIP byte 1) and Book 4, Annex A2 (Terminal
// Capabilities byte 3).
constexpr std::uint8_t kAipSda = 0x40;
constexpr std::uint8_t kAipDda = 0x20;
constexpr std::uint8_t kAipCda = 0x01;
constexpr std::uint8_t kTermSda = 0x80;
constexpr std::uint8_t kTermDda = 0x40;
constexpr std::uint8_t kTermCda = 0x08;

} // namespace

OdaMethod selectOdaMethod(ByteView aip, ByteView terminalCapabilities)
{
    if (aip.empty() || terminalCapabilities.size() < 3)
        return OdaMethod::None;
    const std::uint8_t card = aip[0];
    const std::uint8_t term = terminalCapabilities[2];
    // Book 3, 10.3: CDA before DDA before SDA.
    if ((card & kAipCda) && (term & kTermCda))
        return OdaMethod::Cda;
    if ((card & kAipDda) && (term & kTermDda))
        return OdaMethod::Dda;
    if ((card & kAipSda) && (term & kTermSda))
        return OdaMethod::Sda;
    return OdaMethod::None;
}

} // namespace cardlink::emv
