#include "journal/MemoryJournal.h"

#include "journal/RecoveryPlanner.h"

namespace cardlink::journal {

Result<std::int64_t> MemoryJournal::begin(const JournalRecord& record)
{
    if (auto checked = checkStorable(record); !checked)
        return checked.error();
    JournalRecord stored = record;
    stored.id = m_nextId++;
    m_records[stored.id] = stored;
    return stored.id;
}

Result<void> MemoryJournal::update(const JournalRecord& record)
{
    auto it = m_records.find(record.id);
    if (it == m_records.end())
        return makeError(ErrorCode::NotFound, "journal: no record " + std::to_string(record.id));
    if (auto checked = checkStorable(record); !checked)
        return checked.error();
    it->second = record;
    return {};
}

Result<void> MemoryJournal::finish(const JournalRecord& record)
{
    if (!isFinalState(record.state))
        return makeError(ErrorCode::InvalidArgument, std::string("journal: ") +
                                                         journalStateName(record.state) +
                                                         " is not a final state");
    return update(record);
}

Result<JournalRecord> MemoryJournal::find(std::int64_t id) const
{
    auto it = m_records.find(id);
    if (it == m_records.end())
        return makeError(ErrorCode::NotFound, "journal: no record " + std::to_string(id));
    return it->second;
}

Result<std::vector<JournalRecord>> MemoryJournal::unresolved() const
{
    std::vector<JournalRecord> out;
    for (const auto& [id, record] : m_records)
        if (RecoveryPlanner::actionFor(record))
            out.push_back(record);
    return out;
}

Result<std::vector<JournalRecord>> MemoryJournal::all() const
{
    std::vector<JournalRecord> out;
    for (const auto& [id, record] : m_records)
        out.push_back(record);
    return out;
}

} // namespace cardlink::journal
