#include "SqliteCommitWriter.h"

#include "SqliteUnitApplier.h"

#include <future>

#include <pthread.h>

namespace cardlink::host {

namespace {
// BEGIN IMMEDIATE / COMMIT run for every group: prepared once per connection
// and kept, instead of parsed again by sqlite3_exec each time.
Result<void> runCached(SqliteDatabase& db, std::string_view sql)
{
    auto statement = db.cached(sql);
    if (!statement)
        return statement.error();
    return (*statement)->run();
}
} // namespace

SqliteCommitWriter::SqliteCommitWriter(SqliteDatabase db)
    : m_db(std::move(db)), m_thread([this] { run(); })
{}

SqliteCommitWriter::~SqliteCommitWriter()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    m_thread.join();
}

void SqliteCommitWriter::submit(std::vector<CommitUnit> units, Completion done)
{
    {
        std::lock_guard lock(m_mutex);
        m_queue.push_back(Job{std::move(units), std::move(done)});
    }
    m_wake.notify_one();
}

Result<std::vector<CommitStatus>> SqliteCommitWriter::commit(std::span<const CommitUnit> units)
{
    std::promise<Result<std::vector<CommitStatus>>> promise;
    auto future = promise.get_future();
    submit(std::vector<CommitUnit>(units.begin(), units.end()),
           [&promise](Result<std::vector<CommitStatus>> result) {
               promise.set_value(std::move(result));
           });
    return future.get();
}

SqliteCommitWriter::Stats SqliteCommitWriter::stats() const
{
    std::lock_guard lock(m_mutex);
    return m_stats;
}

void SqliteCommitWriter::run()
{
    // Seen in top -H and /proc/PID/task (bench_host reports its CPU apart).
    pthread_setname_np(pthread_self(), kThreadName);
    for (;;) {
        std::vector<Job> group;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return; // stopping, and nothing left in flight
            group.assign(std::make_move_iterator(m_queue.begin()),
                         std::make_move_iterator(m_queue.end()));
            m_queue.clear();
        }
        commitGroup(group);
    }
}

void SqliteCommitWriter::commitGroup(std::vector<Job>& group)
{
    std::vector<std::vector<CommitStatus>> statuses(group.size());
    std::uint64_t units = 0;
    Result<void> outcome = runCached(m_db, "BEGIN IMMEDIATE");
    for (std::size_t j = 0; outcome && j < group.size(); ++j) {
        for (const CommitUnit& unit : group[j].units) {
            ++units;
            // A unit that is not Committed wrote nothing (SqliteUnitApplier);
            // an Error ends the group.
            auto status = SqliteUnitApplier::apply(m_db, unit);
            if (!status) {
                outcome = status.error();
                break;
            }
            statuses[j].push_back(*status);
        }
    }
    if (outcome) {
        // The applier's lookups are cached SELECTs that stop at their first
        // row; left so, they keep this connection in a read transaction past
        // COMMIT, and SQLite's automatic checkpoint (run inside COMMIT) then
        // fails with SQLITE_LOCKED: the WAL was never checkpointed and grew
        // without bound (86 MB within one bench_host run), every page lookup
        // searching more of it. Reset them first.
        m_db.resetCached();
        outcome = runCached(m_db, "COMMIT");
    }
    if (!outcome)
        (void)m_db.exec("ROLLBACK"); // nothing of this group was made durable
    m_db.resetCached();
    {
        std::lock_guard lock(m_mutex);
        ++m_stats.transactions;
        m_stats.units += units;
        m_stats.largestGroup = std::max<std::uint64_t>(m_stats.largestGroup, units);
    }
    for (std::size_t j = 0; j < group.size(); ++j) {
        if (outcome)
            group[j].done(std::move(statuses[j]));
        else
            group[j].done(outcome.error());
    }
}

} // namespace cardlink::host
