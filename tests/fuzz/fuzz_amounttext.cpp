// Fuzzes AmountText::parse (amounts typed by a person, e.g. the checkout's
// line item prices): byte 0 picks the exponent (0..9, and out-of-range
// values), the rest is the text. Whatever parses is a non-negative number of
// minor units, and a plain number that parses keeps its value when parsed
// again from its own digits.
#include "util/AmountText.h"

#include <cstdlib>
#include <string>

using namespace cardlink;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const int exponent = static_cast<int>(data[0] % 12) - 1; // -1..10
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    const auto units = AmountText::parse(text, exponent);
    if (!units)
        return 0;
    if (*units < 0 || exponent < 0 || exponent > 9)
        std::abort();
    if (*units != AmountText::kTooLarge) {
        // The minor units as a whole amount of exponent 0 read back the same.
        const auto again = AmountText::parse(std::to_string(*units), 0);
        if (!again || *again != *units)
            std::abort();
    }
    return 0;
}
