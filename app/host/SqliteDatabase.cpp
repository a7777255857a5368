#include "SqliteDatabase.h"

#include "SqliteStatement.h"

#include <sqlite3.h>

#include <utility>

namespace cardlink::host {

namespace {
constexpr int kBusyTimeoutMs = 5000; // the admin CLI may write while the server runs
}

SqliteDatabase::~SqliteDatabase()
{
    close();
}

void SqliteDatabase::close()
{
    m_cache.clear(); // statements are finalized before their connection closes
    if (m_db)
        sqlite3_close_v2(m_db);
    m_db = nullptr;
}

SqliteDatabase::SqliteDatabase(SqliteDatabase&& other) noexcept
    : m_cache(std::move(other.m_cache)), m_db(std::exchange(other.m_db, nullptr))
{}

SqliteDatabase& SqliteDatabase::operator=(SqliteDatabase&& other) noexcept
{
    if (this != &other) {
        close();
        m_cache = std::move(other.m_cache);
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

Result<SqliteDatabase> SqliteDatabase::open(const std::string& path)
{
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    SqliteDatabase db(raw);
    if (rc != SQLITE_OK)
        return db.error("open " + path);
    sqlite3_busy_timeout(raw, kBusyTimeoutMs);
    sqlite3_extended_result_codes(raw, 1);
    // A checkpoint copies the WAL's pages into host.db and fsyncs it; at
    // SQLite's default of 1,000 pages the group-commit writer checkpointed
    // every few groups, copying the same hot account and index pages each
    // time. Every COMMIT is still fsynced into the WAL (synchronous=FULL), so
    // durability is unchanged. The page cache is 32 MB (default 2 MB), so the
    // indexes the writer touches stay in memory.
    const std::string checkpoint =
        "PRAGMA wal_autocheckpoint=" + std::to_string(kWalAutocheckpointPages);
    for (const char* pragma :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
          checkpoint.c_str(), "PRAGMA cache_size=-32768"}) {
        auto statement = db.prepare(pragma);
        if (!statement)
            return statement.error();
        if (auto ok = statement->run(); !ok)
            return ok.error();
    }
    return db;
}

Result<void> SqliteDatabase::exec(const std::string& sql)
{
    char* message = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        Error e = makeError(ErrorCode::Io, std::string("sqlite: ") + (message ? message : "?"));
        sqlite3_free(message);
        return e;
    }
    return {};
}

Result<SqliteStatement> SqliteDatabase::prepare(std::string_view sql)
{
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.data(), static_cast<int>(sql.size()), &statement, nullptr) !=
        SQLITE_OK)
        return error("prepare");
    return SqliteStatement(statement);
}

void SqliteDatabase::resetCached()
{
    for (auto& [sql, statement] : m_cache)
        statement.reset();
}

Result<SqliteStatement*> SqliteDatabase::cached(std::string_view sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end()) {
        auto statement = prepare(sql);
        if (!statement)
            return statement.error();
        it = m_cache.emplace(std::string(sql), std::move(*statement)).first;
    } else {
        it->second.reset();
    }
    return &it->second;
}

long long SqliteDatabase::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int SqliteDatabase::changes() const
{
    return sqlite3_changes(m_db);
}

Error SqliteDatabase::error(const std::string& what) const
{
    const char* message = m_db ? sqlite3_errmsg(m_db) : "out of memory";
    return makeError(ErrorCode::Io, "sqlite: " + what + ": " + message);
}

} // namespace cardlink::host
