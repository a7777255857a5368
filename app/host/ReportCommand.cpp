#include "ReportCommand.h"

#include "AdminRunner.h"
#include "HostRows.h"
#include "LedgerQueries.h"

namespace cardlink::host {

const char* ReportCommand::usage()
{
    return "usage: cardlink-host report --dir DIR\n"
           "The ledger per account (balance, number and sum of entries) and the sum of all\n"
           "entries, which double entry keeps at zero. Exit status 1 when the sum is not zero\n"
           "or an account's balance differs from the sum of its entries.\n";
}

int ReportCommand::run(const std::vector<std::string>& arguments, std::FILE* out, std::FILE* err)
{
    return AdminRunner::run(
        "report", usage(), arguments, {}, {}, out, err,
        [out](HostContext& host, const CommandArguments&) -> Result<int> {
            std::vector<AccountLine> lines;
            Money total = 0;
            auto read = host.store->read([&](SqliteDatabase& db) -> Result<void> {
                auto found = LedgerQueries::accounts(db, std::nullopt);
                if (!found)
                    return found.error();
                lines = std::move(*found);
                auto sum = LedgerQueries::ledgerSum(db);
                if (!sum)
                    return sum.error();
                total = *sum;
                return {};
            });
            if (!read)
                return read.error();
            int problems = 0;
            std::fprintf(out, "%-28s %-10s %-4s %14s %8s %14s\n", "account", "kind", "cur",
                         "balance", "entries", "entry sum");
            for (const auto& line : lines) {
                const Account& a = line.account;
                const bool agrees = a.balance == line.entrySum;
                problems += agrees ? 0 : 1;
                std::fprintf(out, "%-28s %-10s %-4s %14s %8lld %14s%s\n", a.id.c_str(),
                             rows::accountKindName(a.kind), a.currency.c_str(),
                             formatAmount(a.balance).c_str(), line.entryCount,
                             formatAmount(line.entrySum).c_str(), agrees ? "" : "  MISMATCH");
            }
            std::fprintf(out, "ledger sum %s (%s)\n", formatAmount(total).c_str(),
                         total == 0 ? "balanced" : "NOT BALANCED");
            return total == 0 && problems == 0 ? 0 : 1;
        });
}

} // namespace cardlink::host
