#include "util/AmountText.h"

namespace cardlink {

std::optional<std::int64_t> AmountText::parse(std::string_view text, int exponent)
{
    if (exponent < 0 || exponent > 9)
        return std::nullopt;
    std::int64_t units = 0;
    int decimals = -1; // digits after the separator; -1 = none seen
    int digits = 0;
    for (const char c : text) {
        if (c == '.' || c == ',') {
            if (decimals >= 0 || exponent == 0)
                return std::nullopt;
            decimals = 0;
            continue;
        }
        if (c < '0' || c > '9')
            return std::nullopt;
        if (decimals >= 0 && ++decimals > exponent)
            return std::nullopt;
        // 18 digits always fit an int64; more are kept apart below.
        if (++digits <= 18)
            units = units * 10 + (c - '0');
    }
    if (digits == 0)
        return std::nullopt;
    const int padding = exponent - (decimals < 0 ? 0 : decimals);
    if (digits + padding > 18)
        return kTooLarge;
    for (int i = 0; i < padding; ++i)
        units *= 10;
    return units;
}

} // namespace cardlink
