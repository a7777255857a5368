#pragma once

#include "HostAuthorizer.h"
#include "TerminalState.h"
#include "host/LedgerEntry.h"
#include "journal/BatchSummary.h"
#include "journal/Journal.h"
#include "util/Result.h"

#include <optional>
#include <string>

namespace cardlink::link {

// Batch close (issue 5; docs/host.md, "Reconciliation: 0500"): the open
// batch's totals from the terminal journal (journal::BatchSummary) go to the
// host in a 0500 over the HostAuthorizer's link (TLS, and field 53 + MAC
// when the bundle asks for MACs: HostAuthorizer::send). The host answers
// with its own totals in field 48 and
// - 00: they agree, the host closed the batch; the terminal opens the next
//   batch number (TerminalState, next to the bundle);
// - 95 (ISO 8583:1987 "reconcile error"): they differ, the batch stays open
//   on both sides and the operator sees both totals.
// A batch with records that still wait for a reversal or an advice is not
// sent: its totals cannot agree until recovery has settled them.
// Blocking, like HostAuthorizer; one call at a time.
class BatchCloser
{
public:
    struct Outcome
    {
        enum class Kind { Closed, Mismatch, Refused };
        Kind kind = Kind::Refused;
        std::string responseCode; // field 39
        journal::BatchSummary terminal;
        std::optional<host::BatchTotals> host; // field 48 of the 0510, when sent
        std::uint32_t openBatch = 0;           // after the answer
    };

    // `currencyCode` goes into field 49 (ISO 4217 numeric).
    BatchCloser(HostAuthorizer& host, const journal::Journal& journal, std::string currencyCode);

    // The open batch and its totals now (no message sent).
    Result<journal::BatchSummary> summary() const;
    // Sends the 0500 (repeated with the same stamp, up to `attempts`, when
    // unanswered). An Error when nothing usable came back.
    Result<Outcome> close(int attempts = 2);

private:
    HostAuthorizer& m_host;
    const journal::Journal& m_journal;
    std::string m_currencyCode;
    TerminalState m_state;
};

const char* batchOutcomeKindName(BatchCloser::Outcome::Kind kind);

} // namespace cardlink::link
