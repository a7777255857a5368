#pragma once

#include "JournalRecord.h"
#include "util/Result.h"

#include <vector>

namespace cardlink::terminal {

// The terminal's durable transaction journal (ARCHITECTURE.md, ports:
// Journal). A sale is added as Pending before the first host message leaves
// and updated on every step; after a crash the pending ones are what
// recovery resolves (reversal or advice).
class Journal
{
public:
    virtual ~Journal() = default;

    // The new record's id. Refuses a PAN that is not masked.
    virtual Result<qint64> add(const JournalRecord& record) = 0;
    virtual Result<void> update(qint64 id, JournalRecord::State state, const QString& authCode,
                                const QString& detail) = 0;
    virtual Result<std::vector<JournalRecord>> pending() const = 0;
    // Newest first.
    virtual Result<std::vector<JournalRecord>> latest(int limit) const = 0;
};

} // namespace cardlink::terminal
