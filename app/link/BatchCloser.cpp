#include "BatchCloser.h"

#include "host/BatchTotalsText.h"
#include "online/Reconciliation.h"

namespace cardlink::link {

namespace {
std::string totalsText(const host::BatchTotals& totals)
{
    return std::to_string(totals.debitCount) + " sales " + std::to_string(totals.debitAmount) +
           ", " + std::to_string(totals.reversalCount) + " reversals " +
           std::to_string(totals.reversalAmount);
}
} // namespace

const char* batchOutcomeKindName(BatchCloser::Outcome::Kind kind)
{
    switch (kind) {
    case BatchCloser::Outcome::Kind::Closed:
        return "closed";
    case BatchCloser::Outcome::Kind::Mismatch:
        return "mismatch";
    case BatchCloser::Outcome::Kind::Refused:
        return "refused";
    }
    return "?";
}

BatchCloser::BatchCloser(HostAuthorizer& host, const journal::Journal& journal,
                         std::string currencyCode)
    : m_host(host), m_journal(journal), m_currencyCode(std::move(currencyCode)),
      m_state(host.bundle().stateFile())
{}

Result<journal::BatchSummary> BatchCloser::summary() const
{
    auto batch = m_state.currentBatch();
    if (!batch)
        return batch.error();
    return journal::BatchSummary::of(m_journal, *batch);
}

Result<BatchCloser::Outcome> BatchCloser::close(int attempts)
{
    auto summary = this->summary();
    if (!summary)
        return summary.error();
    Outcome outcome;
    outcome.terminal = *summary;
    outcome.openBatch = summary->batch;
    if (summary->unresolved > 0)
        return makeError(ErrorCode::InvalidArgument, std::to_string(summary->unresolved) +
                                                         " sale(s) of batch " +
                                                         std::to_string(summary->batch) +
                                                         " still wait for a reversal or advice");
    // One stamp for every attempt: a repeat is the same message, and the
    // host answers it with its stored 0510 (docs/host.md, duplicates).
    auto stamp = m_host.nextStamp();
    if (!stamp)
        return stamp.error();
    online::TerminalIdentity identity = m_host.identity();
    identity.currencyCode = m_currencyCode;
    m_host.log("Batch: closing batch " + std::to_string(summary->batch) + ": " +
               totalsText(summary->totals));
    iso8583::Message answer;
    auto code = m_host.send(
        [&](const online::RequestSecurity& security, int) {
            return online::Reconciliation::request(summary->totals, identity, *stamp, security);
        },
        "batch totals",
        "of batch " + std::to_string(summary->batch) + " (STAN " + stamp->stanText() + ")",
        attempts, &answer);
    if (!code)
        return code.error();
    outcome.responseCode = *code;
    if (const std::string* field48 = answer.text(iso8583::field::kAdditionalData))
        outcome.host = host::BatchTotalsText::parse(*field48);
    if (*code == "00") {
        auto next = m_state.closeBatch(summary->batch);
        if (!next)
            return next.error();
        outcome.kind = Outcome::Kind::Closed;
        outcome.openBatch = *next;
        m_host.log("Batch: " + std::to_string(summary->batch) + " balanced and closed; batch " +
                   std::to_string(*next) + " open");
    } else if (*code == "95") {
        outcome.kind = Outcome::Kind::Mismatch;
        m_host.log("Batch: " + std::to_string(summary->batch) +
                   " out of balance, stays open; host: " +
                   (outcome.host ? totalsText(*outcome.host) : std::string("no totals")));
    } else {
        outcome.kind = Outcome::Kind::Refused;
        m_host.log("Batch: host refused the 0500 with " + *code);
    }
    return outcome;
}

} // namespace cardlink::link
