#include "RevokeTerminalCommand.h"

#include "AdminRunner.h"

namespace cardlink::host {

const char* RevokeTerminalCommand::usage()
{
    return "usage: cardlink-host revoke-terminal --dir DIR --id TID\n"
           "The terminal's certificate is refused at the next connection; a running server\n"
           "also closes the terminal's open connections at their next message.\n";
}

int RevokeTerminalCommand::run(const std::vector<std::string>& arguments, std::FILE* out,
                               std::FILE* err)
{
    return AdminRunner::run(
        "revoke-terminal", usage(), arguments, {"--id"}, {}, out, err,
        [out](HostContext& host, const CommandArguments& args) -> Result<int> {
            const std::string id = args.value("--id");
            int changed = 0;
            auto done = host.store->administer([&](SqliteDatabase& db) -> Result<void> {
                auto update = db.prepare("UPDATE terminals SET revoked = 1 WHERE id = ?");
                if (!update)
                    return update.error();
                auto ok = update->bind(1, id).run();
                changed = db.changes();
                return ok;
            });
            if (!done)
                return done.error();
            if (changed == 0)
                return makeError(ErrorCode::NotFound, "no terminal " + id);
            std::fprintf(out, "terminal %s revoked\n", id.c_str());
            return 0;
        });
}

} // namespace cardlink::host
