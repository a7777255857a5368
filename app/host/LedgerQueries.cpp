#include "LedgerQueries.h"

#include "HostRows.h"
#include "SqliteDatabase.h"

namespace cardlink::host {

namespace {
Result<std::optional<std::string>> firstText(SqliteDatabase& db, const std::string& sql,
                                             const std::string& key)
{
    auto statement = db.prepare(sql);
    if (!statement)
        return statement.error();
    statement->bind(1, key);
    auto step = statement->step();
    if (!step)
        return step.error();
    if (*step == SqliteStatement::Step::Done)
        return std::optional<std::string>{};
    return std::optional<std::string>(statement->text(0));
}
} // namespace

Result<std::vector<AccountLine>>
LedgerQueries::accounts(SqliteDatabase& db, const std::optional<std::string>& accountId)
{
    std::string sql = std::string("SELECT ") + rows::kAccountColumns +
                      ", (SELECT COALESCE(SUM(amount), 0) FROM ledger_entries e WHERE "
                      "e.account_id = accounts.id), (SELECT COUNT(*) FROM ledger_entries e "
                      "WHERE e.account_id = accounts.id) FROM accounts";
    sql += accountId ? " WHERE id = ?" : " ORDER BY kind DESC, id";
    auto statement = db.prepare(sql);
    if (!statement)
        return statement.error();
    if (accountId)
        statement->bind(1, *accountId);
    std::vector<AccountLine> lines;
    for (;;) {
        auto step = statement->step();
        if (!step)
            return step.error();
        if (*step == SqliteStatement::Step::Done)
            return lines;
        lines.push_back({rows::account(*statement), statement->integer(7), statement->integer(8)});
    }
}

Result<std::optional<std::string>> LedgerQueries::cardAccount(SqliteDatabase& db,
                                                              const std::string& pan)
{
    return firstText(db, "SELECT account_id FROM cards WHERE pan = ? ORDER BY psn LIMIT 1", pan);
}

Result<std::optional<std::string>> LedgerQueries::merchantAccount(SqliteDatabase& db,
                                                                  const std::string& merchantId)
{
    return firstText(db, "SELECT account_id FROM merchants WHERE id = ?", merchantId);
}

Result<Money> LedgerQueries::ledgerSum(SqliteDatabase& db)
{
    auto statement = db.prepare("SELECT COALESCE(SUM(amount), 0) FROM ledger_entries");
    if (!statement)
        return statement.error();
    if (auto step = statement->step(); !step)
        return step.error();
    return statement->integer(0);
}

} // namespace cardlink::host
