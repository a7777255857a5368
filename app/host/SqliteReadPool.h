#pragma once

#include "SqliteDatabase.h"

#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace cardlink::host {

// Read connections for the store's find*() calls, which come from many
// threads at once. WAL lets readers run beside the writer; each connection
// keeps its prepared statements. A lease returns its connection on destruction.
class SqliteReadPool
{
public:
    class Lease
    {
    public:
        Lease(SqliteReadPool& pool, std::unique_ptr<SqliteDatabase> db)
            : m_pool(&pool), m_db(std::move(db))
        {}
        ~Lease();
        Lease(Lease&& other) noexcept = default;
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease& operator=(Lease&&) = delete;

        SqliteDatabase& db() { return *m_db; }

    private:
        SqliteReadPool* m_pool;
        std::unique_ptr<SqliteDatabase> m_db;
    };

    explicit SqliteReadPool(std::string path) : m_path(std::move(path)) {}

    Result<Lease> acquire();

private:
    void release(std::unique_ptr<SqliteDatabase> db);

    std::string m_path;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<SqliteDatabase>> m_idle;
};

} // namespace cardlink::host
