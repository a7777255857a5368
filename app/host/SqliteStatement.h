#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace cardlink::host {

// A prepared statement. Parameters are 1-based as in SQLite; columns 0-based.
class SqliteStatement
{
public:
    enum class Step { Row, Done };

    explicit SqliteStatement(sqlite3_stmt* statement) : m_statement(statement) {}
    ~SqliteStatement();
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;

    SqliteStatement& bind(int index, std::int64_t value);
    SqliteStatement& bind(int index, std::string_view text);
    SqliteStatement& bind(int index, ByteView blob);
    SqliteStatement& bindNull(int index);

    Result<Step> step();
    // step() until done, for statements without rows.
    Result<void> run();
    void reset();

    bool isNull(int column) const;
    std::int64_t integer(int column) const;
    std::string text(int column) const;
    Bytes blob(int column) const;

private:
    Error error(const char* what) const;

    sqlite3_stmt* m_statement = nullptr;
};

} // namespace cardlink::host
