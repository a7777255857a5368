#include "iso7816/TransmissionFactors.h"

#include <array>

namespace cardlink::iso7816 {

namespace {
// ISO/IEC 7816-3:2006, 8.3, table 7. Zero marks an RFU entry (0111, 1000, 1110, 1111).
constexpr std::array<ClockRateConversion, 16> kFiTable{{
    {372, 4000},
    {372, 5000},
    {558, 6000},
    {744, 8000},
    {1116, 12000},
    {1488, 16000},
    {1860, 20000},
    {0, 0},
    {0, 0},
    {512, 5000},
    {768, 7500},
    {1024, 10000},
    {1536, 15000},
    {2048, 20000},
    {0, 0},
    {0, 0},
}};

// ISO/IEC 7816-3:2006, 8.3, table 8. Zero marks an RFU entry (0000, 1010..1111).
constexpr std::array<int, 16> kDiTable{0, 1, 2, 4, 8, 16, 32, 64, 12, 20, 0, 0, 0, 0, 0, 0};
} // namespace

std::optional<ClockRateConversion> clockRateConversion(std::uint8_t fiIndex)
{
    if (fiIndex >= kFiTable.size() || kFiTable[fiIndex].fi == 0)
        return std::nullopt;
    return kFiTable[fiIndex];
}

std::optional<int> baudRateAdjustment(std::uint8_t diIndex)
{
    if (diIndex >= kDiTable.size() || kDiTable[diIndex] == 0)
        return std::nullopt;
    return kDiTable[diIndex];
}

} // namespace cardlink::iso7816
