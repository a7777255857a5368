#include "AddMerchantCommand.h"

#include "AdminRunner.h"

namespace cardlink::host {

namespace {
// ISO 8583 field 42: ans 15, fixed (the engine compares it as sent); field 49: n 3.
bool validMerchantId(const std::string& id)
{
    if (id.size() != 15)
        return false;
    for (char c : id)
        if (c < 0x21 || c > 0x7E)
            return false;
    return true;
}

bool validCurrency(const std::string& code)
{
    return code.size() == 3 && code.find_first_not_of("0123456789") == std::string::npos;
}
} // namespace

const char* AddMerchantCommand::usage()
{
    return "usage: cardlink-host add-merchant --dir DIR --id ID --name NAME [--currency 978]\n"
           "ID is field 42 (exactly 15 printable characters, no spaces); the merchant's ledger\n"
           "account is merchant:ID.\n";
}

int AddMerchantCommand::run(const std::vector<std::string>& arguments, std::FILE* out,
                            std::FILE* err)
{
    return AdminRunner::run(
        "add-merchant", usage(), arguments, {"--id", "--name", "--currency"}, {}, out, err,
        [out](HostContext& host, const CommandArguments& args) -> Result<int> {
            const std::string id = args.value("--id");
            const std::string name = args.value("--name", id);
            const std::string currency = args.value("--currency", "978");
            if (!validMerchantId(id) || !validCurrency(currency))
                return makeError(ErrorCode::InvalidArgument,
                                 "--id must be 15 printable characters, --currency 3 digits");
            const std::string account = "merchant:" + id;
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
            std::fprintf(out, "merchant %s (%s), account %s\n", id.c_str(), name.c_str(),
                         account.c_str());
            return 0;
        });
}

} // namespace cardlink::host
