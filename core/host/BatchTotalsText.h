#pragma once

#include "host/LedgerEntry.h"

#include <optional>
#include <string>
#include <string_view>

namespace cardlink::host {

// Field 48 of 0500/0510 (docs/host.md, "Reconciliation"): 32 digits,
// debit count n4, debit amount n12, reversal count n4, reversal amount n12.
class BatchTotalsText
{
public:
    static constexpr std::size_t kLength = 32;
    static std::optional<BatchTotals> parse(std::string_view text);
    static std::string format(const BatchTotals& totals);
};

} // namespace cardlink::host
