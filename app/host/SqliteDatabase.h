#pragma once

#include "util/Result.h"

#include "SqliteStatement.h"

#include <map>
#include <string>
#include <string_view>

struct sqlite3;

namespace cardlink::host {

// One SQLite connection (sqlite3 C API). Opened in WAL mode with
// synchronous=FULL: a COMMIT returns only after the WAL is on disk, so money
// that was answered "approved" survives a power cut (ARCHITECTURE.md, Journal).
// Not thread-safe: each thread opens its own connection.
class SqliteDatabase
{
public:
    SqliteDatabase() = default;
    ~SqliteDatabase();
    SqliteDatabase(const SqliteDatabase&) = delete;
    SqliteDatabase& operator=(const SqliteDatabase&) = delete;
    SqliteDatabase(SqliteDatabase&& other) noexcept;
    SqliteDatabase& operator=(SqliteDatabase&& other) noexcept;

    // open() sets PRAGMA wal_autocheckpoint to this many pages (SQLite's
    // default is 1,000): fewer checkpoints, each hot page copied once per
    // many group commits (see SqliteDatabase.cpp).
    static constexpr int kWalAutocheckpointPages = 10000;

    static Result<SqliteDatabase> open(const std::string& path);

    // Statements without results ("BEGIN IMMEDIATE", pragmas, DDL).
    Result<void> exec(const std::string& sql);
    Result<SqliteStatement> prepare(std::string_view sql);
    // Prepared once per connection and kept: reset and unbound on each call.
    // Looked up by the text itself (no copy), once per statement a request runs.
    Result<SqliteStatement*> cached(std::string_view sql);
    // Resets every cached statement. A cached SELECT left on a row keeps its
    // read snapshot open after COMMIT; in WAL mode, once another process (the
    // admin CLI) has written, this connection can then never write again
    // (SQLITE_BUSY_SNAPSHOT, which the busy timeout does not retry). Call it
    // when a transaction ends.
    void resetCached();
    long long lastInsertId() const;
    int changes() const;

    Error error(const std::string& what) const;
    sqlite3* handle() const { return m_db; }

private:
    explicit SqliteDatabase(sqlite3* db) : m_db(db) {}

    void close();

    std::map<std::string, SqliteStatement, std::less<>> m_cache;
    sqlite3* m_db = nullptr;
};

} // namespace cardlink::host
