#pragma once

#include "host/Money.h"

#include <cstdint>
#include <string>

namespace cardlink::host {

enum class PostingKind { Purchase, Advice, Reversal };

// One leg of a double-entry posting. The legs of one CommitUnit sum to zero,
// so the whole ledger always does.
struct LedgerEntry
{
    std::string accountId;
    Money amount = 0; // negative = debit, positive = credit
    PostingKind kind = PostingKind::Purchase;
    std::string terminalId; // whose batch this belongs to (reconciliation)
    std::uint32_t batchNumber = 0;
    std::string reference; // retrieval reference number (field 37) of the request
};

// What the ledger says about a terminal's batch (0500 reconciliation),
// counted on the merchant side: a purchase or advice credits the merchant, a
// reversal debits it.
struct BatchTotals
{
    std::uint32_t debitCount = 0; // purchases + advices (cardholder debited)
    Money debitAmount = 0;
    std::uint32_t reversalCount = 0;
    Money reversalAmount = 0; // positive

    bool operator==(const BatchTotals&) const = default;
};

} // namespace cardlink::host
