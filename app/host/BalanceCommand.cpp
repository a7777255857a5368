#include "BalanceCommand.h"

#include "AdminRunner.h"
#include "HostRows.h"
#include "LedgerQueries.h"
#include "util/PanMask.h"

namespace cardlink::host {

const char* BalanceCommand::usage()
{
    return "usage: cardlink-host balance --dir DIR (--pan PAN | --merchant MID | --account ID)\n"
           "Prints the account's balance, the sum and count of its ledger entries, its\n"
           "credit limit and what is available (balance + credit limit).\n";
}

int BalanceCommand::run(const std::vector<std::string>& arguments, std::FILE* out, std::FILE* err)
{
    return AdminRunner::run(
        "balance", usage(), arguments, {"--pan", "--merchant", "--account"}, {}, out, err,
        [out](HostContext& host, const CommandArguments& args) -> Result<int> {
            std::vector<AccountLine> lines;
            std::string what;
            auto read = host.store->read([&](SqliteDatabase& db) -> Result<void> {
                Result<std::optional<std::string>> account = std::optional<std::string>{};
                if (args.has("--pan")) {
                    what = "card " + maskPan(args.value("--pan"));
                    account = LedgerQueries::cardAccount(db, args.value("--pan"));
                } else if (args.has("--merchant")) {
                    what = "merchant " + args.value("--merchant");
                    auto merchant = merchantIdField(args.value("--merchant"), "--merchant");
                    if (!merchant)
                        return merchant.error();
                    account = LedgerQueries::merchantAccount(db, *merchant);
                } else if (args.has("--account")) {
                    what = "account " + args.value("--account");
                    account = std::optional<std::string>(args.value("--account"));
                } else {
                    return makeError(ErrorCode::InvalidArgument,
                                     "one of --pan, --merchant, --account is required");
                }
                if (!account)
                    return account.error();
                if (!*account)
                    return makeError(ErrorCode::NotFound, "no " + what);
                auto found = LedgerQueries::accounts(db, **account);
                if (!found)
                    return found.error();
                lines = std::move(*found);
                return {};
            });
            if (!read)
                return read.error();
            if (lines.empty())
                return makeError(ErrorCode::NotFound, "no " + what);
            const AccountLine& line = lines.front();
            const Account& a = line.account;
            std::fprintf(out,
                         "%s\naccount %s (%s, currency %s)\nbalance %s\nentries %lld, sum %s\n"
                         "credit limit %s, available %s\n",
                         what.c_str(), a.id.c_str(), rows::accountKindName(a.kind),
                         a.currency.c_str(), formatAmount(a.balance).c_str(), line.entryCount,
                         formatAmount(line.entrySum).c_str(), formatAmount(a.creditLimit).c_str(),
                         formatAmount(a.balance + a.creditLimit).c_str());
            return line.entrySum == a.balance ? 0 : 1;
        });
}

} // namespace cardlink::host
