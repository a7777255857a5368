#pragma once

#include <cstdint>
#include <optional>

namespace cardlink::iso7816 {

// The clock rate conversion factor Fi with its maximum clock frequency, and the
// baud rate adjustment factor Di, coded in TA1 (ISO/IEC 7816-3:2006, 8.3,
// tables 7 and 8). One ETU lasts Fi / Di clock cycles (7.1).
struct ClockRateConversion
{
    int fi = 0;
    int fMaxKHz = 0; // f(max) in kHz, so that 7.5 MHz stays exact
};

// Fd, Dd and f(max) when TA1 is absent (ISO/IEC 7816-3:2006, 7.1 and 8.3).
constexpr int kDefaultFi = 372;
constexpr int kDefaultDi = 1;
constexpr int kDefaultFMaxKHz = 5000;

// Table 7, indexed by the high nibble of TA1; nullopt for the RFU values.
std::optional<ClockRateConversion> clockRateConversion(std::uint8_t fiIndex);
// Table 8, indexed by the low nibble of TA1; nullopt for the RFU values.
std::optional<int> baudRateAdjustment(std::uint8_t diIndex);

} // namespace cardlink::iso7816
