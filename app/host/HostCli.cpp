#include "HostCli.h"

#include "AddMerchantCommand.h"
#include "AddTerminalCommand.h"
#include "BalanceCommand.h"
#include "BlockCardCommand.h"
#include "InitCommand.h"
#include "IssueCardCommand.h"
#include "ReportCommand.h"
#include "RevokeTerminalCommand.h"
#include "ServeCommand.h"

#include <map>

namespace cardlink::host {

namespace {
using Runner = int (*)(const std::vector<std::string>&, std::FILE*, std::FILE*);

const std::map<std::string, Runner>& commands()
{
    static const std::map<std::string, Runner> table{
        {"init", &InitCommand::run},
        {"add-merchant", &AddMerchantCommand::run},
        {"add-terminal", &AddTerminalCommand::run},
        {"revoke-terminal", &RevokeTerminalCommand::run},
        {"issue-card", &IssueCardCommand::run},
        {"block-card", &BlockCardCommand::run},
        {"balance", &BalanceCommand::run},
        {"report", &ReportCommand::run},
        {"serve", &ServeCommand::run},
    };
    return table;
}
} // namespace

const char* HostCli::usage()
{
    return "usage: cardlink-host COMMAND [options]   (COMMAND --help for its options)\n"
           "  init             new host directory: database, terminal CA, TLS and host keys\n"
           "  add-merchant     a merchant and its account\n"
           "  add-terminal     a terminal: client certificate, DUKPT key, terminal bundle\n"
           "  revoke-terminal  refuse a terminal from now on\n"
           "  issue-card       card profiles for cardlink-cardsim, registered with the host\n"
           "  block-card       block a card (and send it an issuer script)\n"
           "  balance          an account's balance\n"
           "  report           the ledger per account and its sum\n"
           "  serve            run the host: TLS listener and dial-in listener\n";
}

int HostCli::run(const std::vector<std::string>& arguments, std::FILE* out, std::FILE* err)
{
    if (arguments.empty()) {
        std::fputs(usage(), err);
        return 2;
    }
    if (arguments[0] == "--help" || arguments[0] == "-h" || arguments[0] == "help") {
        std::fputs(usage(), out);
        return 0;
    }
    auto it = commands().find(arguments[0]);
    if (it == commands().end()) {
        std::fprintf(err, "cardlink-host: unknown command %s\n%s", arguments[0].c_str(), usage());
        return 2;
    }
    return it->second(std::vector<std::string>(arguments.begin() + 1, arguments.end()), out, err);
}

} // namespace cardlink::host
