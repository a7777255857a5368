#include "host/BatchTotalsText.h"

namespace cardlink::host {

namespace {

std::string padded(std::uint64_t value, std::size_t width)
{
    std::string digits = std::to_string(value);
    if (digits.size() > width)
        digits = digits.substr(digits.size() - width);
    return std::string(width - digits.size(), '0') + digits;
}

std::uint64_t number(std::string_view digits)
{
    std::uint64_t value = 0;
    for (char c : digits)
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    return value;
}

} // namespace

std::optional<BatchTotals> BatchTotalsText::parse(std::string_view text)
{
    if (text.size() != kLength || text.find_first_not_of("0123456789") != std::string_view::npos)
        return std::nullopt;
    BatchTotals totals;
    totals.debitCount = static_cast<std::uint32_t>(number(text.substr(0, 4)));
    totals.debitAmount = static_cast<Money>(number(text.substr(4, 12)));
    totals.reversalCount = static_cast<std::uint32_t>(number(text.substr(16, 4)));
    totals.reversalAmount = static_cast<Money>(number(text.substr(20, 12)));
    return totals;
}

std::string BatchTotalsText::format(const BatchTotals& totals)
{
    const auto magnitude = [](Money value) {
        return static_cast<std::uint64_t>(value < 0 ? -value : value);
    };
    return padded(totals.debitCount, 4) + padded(magnitude(totals.debitAmount), 12) +
           padded(totals.reversalCount, 4) + padded(magnitude(totals.reversalAmount), 12);
}

} // namespace cardlink::host
