#pragma once

#include "util/Result.h"

#include <cstdint>
#include <functional>

namespace cardlink::journal {
class Journal;
}

namespace cardlink::link {

class HostAuthorizer;

// Resolves what a crash or a lost answer left in the journal (issue 5,
// docs/journal.md): for each unresolved record RecoveryPlanner says what to
// send — a 0400 (0401 once one went out) for an online sale of unknown
// outcome, the stored 0220 for an offline approval not yet advised. The PAN
// is unsealed with the bundle's journal key, the message goes out through
// HostAuthorizer::send (TLS, MAC/DUKPT as the bundle asks), and the record
// is finished once the host answered. The reversal stamp is journaled before
// the first 0400 leaves, so a repeat after another crash is the same
// reversal to the host (docs/host.md, duplicates). Each step goes to the
// host's link log, with the PAN masked.
class JournalRecovery
{
public:
    struct Summary
    {
        int planned = 0;
        int resolved = 0;
        int failed = 0;
    };
    // True for a record recovery must leave alone (the sale in progress).
    using Skip = std::function<bool(std::int64_t recordId)>;

    JournalRecovery(HostAuthorizer& host, journal::Journal& journal)
        : m_host(host), m_journal(journal)
    {}

    // Stops at the first record the host did not answer (the link is down:
    // the rest waits for the next run). An Error only when the journal
    // cannot be read.
    Result<Summary> run(const Skip& skip = {});

private:
    HostAuthorizer& m_host;
    journal::Journal& m_journal;
};

} // namespace cardlink::link
