#include "SqliteHostStore.h"

#include "HostRows.h"
#include "SchemaMigrations.h"

namespace cardlink::host {

Result<std::unique_ptr<SqliteHostStore>> SqliteHostStore::open(Options options)
{
    auto db = SqliteDatabase::open(options.path);
    if (!db)
        return db.error();
    if (auto migrated = SchemaMigrations::migrate(*db); !migrated)
        return migrated.error();
    auto writer = std::make_unique<SqliteCommitWriter>(std::move(*db));
    return std::unique_ptr<SqliteHostStore>(
        new SqliteHostStore(std::move(options), std::move(writer)));
}

SqliteHostStore::SqliteHostStore(Options options, std::unique_ptr<SqliteCommitWriter> writer)
    : m_options(std::move(options)), m_reads(m_options.path), m_writer(std::move(writer))
{}

SqliteHostStore::~SqliteHostStore() = default;

namespace {
// The connection of the ReadScope open on this thread, and its store.
struct ScopeConnection
{
    const SqliteHostStore* store = nullptr;
    SqliteDatabase* db = nullptr;
};
thread_local ScopeConnection t_scope;

Result<void> runCached(SqliteDatabase& db, std::string_view sql)
{
    auto statement = db.cached(sql);
    if (!statement)
        return statement.error();
    return (*statement)->run();
}
} // namespace

SqliteHostStore::ReadScope::ReadScope(SqliteHostStore& store)
{
    if (t_scope.db)
        return; // an outer scope is open
    auto lease = store.m_reads.acquire();
    if (!lease || !runCached(lease->db(), "BEGIN"))
        return; // the finds lease their own connections
    m_lease.emplace(std::move(*lease));
    t_scope = {&store, &m_lease->db()};
}

SqliteHostStore::ReadScope::~ReadScope()
{
    if (!m_lease)
        return;
    t_scope = {};
    // Ends the read transaction (the WAL can be checkpointed past it).
    SqliteDatabase& db = m_lease->db();
    db.resetCached();
    if (!runCached(db, "COMMIT"))
        (void)db.exec("ROLLBACK");
}

template <typename T>
Result<std::optional<T>> SqliteHostStore::findOne(std::string_view sql,
                                                  const std::function<void(SqliteStatement&)>& bind,
                                                  T (*map)(const SqliteStatement&))
{
    std::optional<SqliteReadPool::Lease> lease;
    SqliteDatabase* db = t_scope.store == this ? t_scope.db : nullptr;
    if (!db) {
        auto own = m_reads.acquire();
        if (!own)
            return own.error();
        db = &lease.emplace(std::move(*own)).db();
    }
    auto statement = db->cached(sql);
    if (!statement)
        return statement.error();
    bind(**statement);
    auto step = (*statement)->step();
    if (!step)
        return step.error();
    std::optional<T> found;
    if (*step == SqliteStatement::Step::Row)
        found = map(**statement);
    // Outside a ReadScope this ends the read transaction, so the WAL can be
    // checkpointed; inside one the scope's end does.
    (*statement)->reset();
    return found;
}

Result<std::optional<Terminal>> SqliteHostStore::findTerminal(std::string_view terminalId)
{
    static const std::string sql =
        std::string("SELECT ") + rows::kTerminalColumns + " FROM terminals WHERE id = ?";
    return findOne<Terminal>(
        sql, [&](SqliteStatement& s) { s.bind(1, terminalId); }, &rows::terminal);
}

Result<std::optional<Merchant>> SqliteHostStore::findMerchant(std::string_view merchantId)
{
    static const std::string sql =
        std::string("SELECT ") + rows::kMerchantColumns + " FROM merchants WHERE id = ?";
    return findOne<Merchant>(
        sql, [&](SqliteStatement& s) { s.bind(1, merchantId); }, &rows::merchant);
}

Result<std::optional<Card>> SqliteHostStore::findCard(std::string_view pan,
                                                      std::optional<std::uint8_t> psn)
{
    static const std::string byPsn =
        std::string("SELECT ") + rows::kCardColumns + " FROM cards WHERE pan = ? AND psn = ?";
    static const std::string first = std::string("SELECT ") + rows::kCardColumns +
                                     " FROM cards WHERE pan = ? ORDER BY psn LIMIT 1";
    if (psn)
        return findOne<Card>(
            byPsn, [&](SqliteStatement& s) { s.bind(1, pan).bind(2, std::int64_t{*psn}); },
            &rows::card);
    return findOne<Card>(
        first, [&](SqliteStatement& s) { s.bind(1, pan); }, &rows::card);
}

Result<std::optional<Account>> SqliteHostStore::findAccount(std::string_view accountId)
{
    static const std::string sql =
        std::string("SELECT ") + rows::kAccountColumns + " FROM accounts WHERE id = ?";
    return findOne<Account>(
        sql, [&](SqliteStatement& s) { s.bind(1, accountId); }, &rows::account);
}

Result<std::optional<IssuerKeys>> SqliteHostStore::findIssuerKeys(std::string_view keysId)
{
    static const std::string sql =
        std::string("SELECT ") + rows::kIssuerKeysColumns + " FROM issuer_keys WHERE id = ?";
    auto keys = findOne<IssuerKeys>(
        sql, [&](SqliteStatement& s) { s.bind(1, keysId); }, &rows::issuerKeys);
    if (keys && *keys)
        (*keys)->pinVerification = m_options.pinVerificationKey;
    return keys;
}

Result<std::optional<Bytes>> SqliteHostStore::findBaseDerivationKey(std::string_view bdkId)
{
    auto it = m_options.baseDerivationKeys.find(bdkId);
    if (it == m_options.baseDerivationKeys.end())
        return std::optional<Bytes>{};
    return std::optional<Bytes>(it->second);
}

Result<std::optional<StoredResponse>> SqliteHostStore::findResponse(const RequestKey& key)
{
    static const std::string sql =
        std::string("SELECT ") + rows::kResponseColumns +
        " FROM responses WHERE terminal_id = ? AND stan = ? AND transmission = ?";
    return findOne<StoredResponse>(
        sql,
        [&](SqliteStatement& s) {
            s.bind(1, key.terminalId).bind(2, key.stan).bind(3, key.transmissionDateTime);
        },
        &rows::response);
}

Result<BatchTotals> SqliteHostStore::batchTotals(std::string_view terminalId,
                                                 std::uint32_t batchNumber)
{
    BatchTotals totals;
    // Counted on the merchant side, as core's MemoryHostStore does.
    auto read = this->read([&](SqliteDatabase& db) -> Result<void> {
        auto statement =
            db.cached("SELECT e.kind = 'reversal', COUNT(*), COALESCE(SUM(e.amount), 0) FROM "
                      "ledger_entries e JOIN accounts a ON a.id = e.account_id WHERE "
                      "e.terminal_id = ? AND e.batch_number = ? AND a.kind = 'merchant' "
                      "GROUP BY e.kind = 'reversal'");
        if (!statement)
            return statement.error();
        (*statement)->bind(1, std::string(terminalId)).bind(2, std::int64_t{batchNumber});
        for (;;) {
            auto step = (*statement)->step();
            if (!step)
                return step.error();
            if (*step == SqliteStatement::Step::Done)
                return {};
            const auto count = static_cast<std::uint32_t>((*statement)->integer(1));
            const Money sum = (*statement)->integer(2);
            if ((*statement)->integer(0) != 0) {
                totals.reversalCount = count;
                totals.reversalAmount = -sum;
            } else {
                totals.debitCount = count;
                totals.debitAmount = sum;
            }
        }
    });
    if (!read)
        return read.error();
    return totals;
}

Result<Money> SqliteHostStore::ledgerSum()
{
    Money sum = 0;
    auto read = this->read([&](SqliteDatabase& db) -> Result<void> {
        auto statement = db.cached("SELECT COALESCE(SUM(amount), 0) FROM ledger_entries");
        if (!statement)
            return statement.error();
        auto step = (*statement)->step();
        if (!step)
            return step.error();
        sum = (*statement)->integer(0);
        return {};
    });
    if (!read)
        return read.error();
    return sum;
}

Result<std::vector<CommitStatus>> SqliteHostStore::commit(std::span<const CommitUnit> units)
{
    return m_writer->commit(units);
}

void SqliteHostStore::commitAsync(std::vector<CommitUnit> units,
                                  SqliteCommitWriter::Completion done)
{
    m_writer->submit(std::move(units), std::move(done));
}

Result<void> SqliteHostStore::read(const std::function<Result<void>(SqliteDatabase&)>& reader)
{
    auto lease = m_reads.acquire();
    if (!lease)
        return lease.error();
    if (auto ok = lease->db().exec("BEGIN"); !ok)
        return ok;
    auto result = reader(lease->db());
    lease->db().resetCached();
    (void)lease->db().exec("COMMIT");
    return result;
}

Result<void> SqliteHostStore::administer(const std::function<Result<void>(SqliteDatabase&)>& change)
{
    auto lease = m_reads.acquire();
    if (!lease)
        return lease.error();
    SqliteDatabase& db = lease->db();
    if (auto ok = db.exec("BEGIN IMMEDIATE"); !ok)
        return ok;
    auto result = change(db);
    db.resetCached();
    if (!result) {
        (void)db.exec("ROLLBACK");
        return result;
    }
    return db.exec("COMMIT");
}

} // namespace cardlink::host
