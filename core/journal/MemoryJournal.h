#pragma once

#include "journal/Journal.h"

#include <map>

namespace cardlink::journal {

// The in-memory Journal for tests (ARCHITECTURE.md, ports). Applies the same
// checks as the durable one.
class MemoryJournal : public Journal
{
public:
    Result<std::int64_t> begin(const JournalRecord& record) override;
    Result<void> update(const JournalRecord& record) override;
    Result<void> finish(const JournalRecord& record) override;
    Result<JournalRecord> find(std::int64_t id) const override;
    Result<std::vector<JournalRecord>> unresolved() const override;
    Result<std::vector<JournalRecord>> all() const override;

private:
    std::map<std::int64_t, JournalRecord> m_records;
    std::int64_t m_nextId = 1;
};

} // namespace cardlink::journal
