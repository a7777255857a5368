#pragma once

#include "host/LedgerEntry.h"
#include "journal/Journal.h"
#include "util/Result.h"

#include <cstdint>
#include <vector>

namespace cardlink::journal {

// A batch's totals as the terminal journal knows them, in the layout the
// host compares with its ledger for a 0500 (docs/host.md, "Reconciliation:
// 0500"; host::BatchTotals), counting what the host has posted:
// - a debit for every sale the host approved (online, with an auth code,
//   Completed or Reversed) and every offline sale whose advice was sent;
// - a reversal for every host-approved sale that was then reversed (the
//   host posts the opposite legs into the same batch);
// - nothing for declines, cancelled sales and reversals of requests the host
//   never approved.
// Records recovery still has to send (RecoveryPlanner::actionFor) are
// counted apart: the host's side of them is not settled yet.
struct BatchSummary
{
    std::uint32_t batch = 0;
    host::BatchTotals totals;
    int unresolved = 0; // records of the batch waiting for a reversal or advice
    int records = 0;    // all records of the batch

    // Approved minus reversed, in minor units.
    std::int64_t netAmount() const { return totals.debitAmount - totals.reversalAmount; }

    static BatchSummary of(const std::vector<JournalRecord>& records, std::uint32_t batch);
    static Result<BatchSummary> of(const Journal& journal, std::uint32_t batch);
};

} // namespace cardlink::journal
