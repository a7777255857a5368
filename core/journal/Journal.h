#pragma once

#include "journal/JournalRecord.h"
#include "util/Result.h"

#include <cstdint>
#include <vector>

namespace cardlink::journal {

// The terminal's durable transaction records (ARCHITECTURE.md, ports:
// Journal). begin() before the first host message leaves; update() on every
// step; finish() once the record is final (Completed, Declined, Reversed,
// AdviceSent). Each call is durable when it returns.
class Journal
{
public:
    virtual ~Journal() = default;

    // Stores `record` (its id ignored) and returns the new id. Refuses a
    // record whose request still carries field 2, 35, 45 or 52, or whose PAN
    // is not masked.
    virtual Result<std::int64_t> begin(const JournalRecord& record) = 0;
    // Replaces the record with `record.id`; NotFound for an unknown id.
    virtual Result<void> update(const JournalRecord& record) = 0;
    // update() for a record whose state is final; InvalidArgument otherwise.
    virtual Result<void> finish(const JournalRecord& record) = 0;
    virtual Result<JournalRecord> find(std::int64_t id) const = 0;
    // Records recovery must look at (RecoveryPlanner), oldest first.
    virtual Result<std::vector<JournalRecord>> unresolved() const = 0;
    // All records, oldest first.
    virtual Result<std::vector<JournalRecord>> all() const = 0;
};

// Final: nothing left for recovery to do, except an offline Completed that
// still needs its advice (RecoveryPlanner decides that).
bool isFinalState(JournalState state);
// The checks every Journal applies before storing (see begin()).
Result<void> checkStorable(const JournalRecord& record);

} // namespace cardlink::journal
