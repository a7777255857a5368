#include "AddMerchantCommand.h"

#include "AdminRunner.h"
#include "CommandArguments.h"

namespace cardlink::host {

namespace {
// ISO 8583 field 49: n 3.
bool validCurrency(const std::string& code)
{
    return code.size() == 3 && code.find_first_not_of("0123456789") == std::string::npos;
}
} // namespace

const char* AddMerchantCommand::usage()
{
    return "usage: cardlink-host add-merchant --dir DIR --id ID --name NAME [--currency 978]\n"
           "ID is field 42 (ans 15): 1 to 15 printable characters without spaces, a shorter\n"
           "ID is padded right with spaces to 15 (ISO 8583 fixed ans); add-terminal --merchant\n"
           "and balance --merchant take the same short form. The merchant's ledger account is\n"
           "merchant:ID (without the padding).\n";
}

int AddMerchantCommand::run(const std::vector<std::string>& arguments, std::FILE* out,
                            std::FILE* err)
{
    return AdminRunner::run(
        "add-merchant", usage(), arguments, {"--id", "--name", "--currency"}, {}, out, err,
        [out](HostContext& host, const CommandArguments& args) -> Result<int> {
            const std::string typed = args.value("--id");
            auto field = merchantIdField(typed, "--id");
            if (!field)
                return field.error();
            const std::string& id = *field;
            const std::string name = args.value("--name", typed);
            const std::string currency = args.value("--currency", "978");
            if (!validCurrency(currency))
                return makeError(ErrorCode::InvalidArgument, "--currency must be 3 digits");
            const std::string account = "merchant:" + typed;
            auto added = host.store->administer([&](SqliteDatabase& db) -> Result<void> {
                auto insertAccount = db.prepare(
                    "INSERT INTO accounts (id, kind, currency) VALUES (?, 'merchant', ?)");
                if (!insertAccount)
                    return insertAccount.error();
                if (auto ok = insertAccount->bind(1, account).bind(2, currency).run(); !ok)
                    return ok;
                auto insert =
                    db.prepare("INSERT INTO merchants (id, name, account_id) VALUES (?, ?, ?)");
                if (!insert)
                    return insert.error();
                return insert->bind(1, id).bind(2, name).bind(3, account).run();
            });
            if (!added)
                return added.error();
            std::fprintf(out, "merchant %s (%s), field 42 '%s', account %s\n", typed.c_str(),
                         name.c_str(), id.c_str(), account.c_str());
            return 0;
        });
}

} // namespace cardlink::host
