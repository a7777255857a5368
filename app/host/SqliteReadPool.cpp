#include "SqliteReadPool.h"

namespace cardlink::host {

namespace {
constexpr std::size_t kMaxIdle = 16;
}

SqliteReadPool::Lease::~Lease()
{
    if (m_db)
        m_pool->release(std::move(m_db));
}

Result<SqliteReadPool::Lease> SqliteReadPool::acquire()
{
    {
        std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            auto db = std::move(m_idle.back());
            m_idle.pop_back();
            return Lease(*this, std::move(db));
        }
    }
    auto db = SqliteDatabase::open(m_path);
    if (!db)
        return db.error();
    return Lease(*this, std::make_unique<SqliteDatabase>(std::move(*db)));
}

void SqliteReadPool::release(std::unique_ptr<SqliteDatabase> db)
{
    std::lock_guard lock(m_mutex);
    if (m_idle.size() < kMaxIdle)
        m_idle.push_back(std::move(db));
}

} // namespace cardlink::host
