#include "journal/BatchSummary.h"

#include "journal/RecoveryPlanner.h"

namespace cardlink::journal {

namespace {
// The host posted the purchase: it answered with an approval (field 38).
bool hostApproved(const JournalRecord& record)
{
    return record.mode == AuthorizationMode::Online && !record.authCode.empty() &&
           (record.state == JournalState::Completed || record.state == JournalState::Reversed);
}
} // namespace

BatchSummary BatchSummary::of(const std::vector<JournalRecord>& records, std::uint32_t batch)
{
    BatchSummary summary;
    summary.batch = batch;
    for (const JournalRecord& record : records) {
        if (record.batch < 0 || static_cast<std::uint32_t>(record.batch) != batch)
            continue;
        ++summary.records;
        if (RecoveryPlanner::actionFor(record)) {
            ++summary.unresolved;
            continue;
        }
        const bool debit = hostApproved(record) || (record.mode == AuthorizationMode::Offline &&
                                                    record.state == JournalState::AdviceSent);
        if (!debit)
            continue;
        ++summary.totals.debitCount;
        summary.totals.debitAmount += record.amount;
        if (record.state == JournalState::Reversed) {
            ++summary.totals.reversalCount;
            summary.totals.reversalAmount += record.amount;
        }
    }
    return summary;
}

Result<BatchSummary> BatchSummary::of(const Journal& journal, std::uint32_t batch)
{
    auto records = journal.all();
    if (!records)
        return records.error();
    return of(*records, batch);
}

} // namespace cardlink::journal
