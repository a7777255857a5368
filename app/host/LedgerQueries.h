#pragma once

#include "host/Account.h"
#include "util/Result.h"

#include <optional>
#include <string>
#include <vector>

namespace cardlink::host {

class SqliteDatabase;

// One account as the reports show it: the balance the store keeps and what
// its ledger entries add up to (they must agree).
struct AccountLine
{
    Account account;
    Money entrySum = 0;
    long long entryCount = 0;
};

// Read-only ledger queries of the admin CLI (balance, report).
class LedgerQueries
{
public:
    static Result<std::vector<AccountLine>> accounts(SqliteDatabase& db,
                                                     const std::optional<std::string>& accountId);
    // The account of a card (lowest PSN) or of a merchant.
    static Result<std::optional<std::string>> cardAccount(SqliteDatabase& db,
                                                          const std::string& pan);
    static Result<std::optional<std::string>> merchantAccount(SqliteDatabase& db,
                                                              const std::string& merchantId);
    static Result<Money> ledgerSum(SqliteDatabase& db);
};

} // namespace cardlink::host
