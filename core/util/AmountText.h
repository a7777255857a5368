#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace cardlink {

// A money amount as a person types it ("2.50", "2,5", "3", ".75"): ASCII
// digits with at most one '.' or ',' and at most `exponent` decimals (ISO
// 4217 minor unit, 0..9), read into minor units. No sign, no spaces, no
// grouping. A value with more than 18 digits in minor units is kTooLarge
// (beyond any sale, but well-formed), so a caller can say "too much" rather
// than "not an amount".
class AmountText
{
public:
    static constexpr std::int64_t kTooLarge = std::numeric_limits<std::int64_t>::max();

    static std::optional<std::int64_t> parse(std::string_view text, int exponent);
};

} // namespace cardlink
