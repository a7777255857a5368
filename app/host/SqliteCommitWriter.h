#pragma once

#include "SqliteDatabase.h"
#include "host/HostStore.h"

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cardlink::host {

// The single writer of a host database, with group commit: while one
// transaction is being made durable (fsync of the WAL, synchronous=FULL),
// new units queue up; the next transaction takes all of them, each unit
// checked before it writes (one unit's conflict does not fail the others,
// SqliteUnitApplier), then COMMIT, and only then are the callers told. So a response never leaves
// before its unit is on disk, and one fsync serves many requests.
class SqliteCommitWriter
{
public:
    // Called on the writer thread after the group's COMMIT (or its failure).
    using Completion = std::function<void(Result<std::vector<CommitStatus>>)>;

    struct Stats
    {
        std::uint64_t transactions = 0; // COMMITs
        std::uint64_t units = 0;        // units applied or refused in them
        std::uint64_t largestGroup = 0;
    };

    // The writer thread's name (pthread_setname_np, at most 15 characters).
    static constexpr const char* kThreadName = "host-writer";

    explicit SqliteCommitWriter(SqliteDatabase db);
    ~SqliteCommitWriter(); // finishes everything queued, then stops

    SqliteCommitWriter(const SqliteCommitWriter&) = delete;
    SqliteCommitWriter& operator=(const SqliteCommitWriter&) = delete;

    void submit(std::vector<CommitUnit> units, Completion done);
    // Blocks until the units are durable (HostStore::commit).
    Result<std::vector<CommitStatus>> commit(std::span<const CommitUnit> units);
    Stats stats() const;

private:
    struct Job
    {
        std::vector<CommitUnit> units;
        Completion done;
    };

    void run();
    void commitGroup(std::vector<Job>& group);

    SqliteDatabase m_db;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Job> m_queue;
    bool m_stopping = false;
    Stats m_stats;
    std::thread m_thread;
};

} // namespace cardlink::host
