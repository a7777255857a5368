#include "BlockCardCommand.h"

#include "AdminRunner.h"
#include "HostRows.h"
#include "util/PanMask.h"

namespace cardlink::host {

const char* BlockCardCommand::usage()
{
    return "usage: cardlink-host block-card --dir DIR --pan PAN [--psn N]\n"
           "                                [--status blocked|lost|stolen|active]\n"
           "                                [--script application-block|card-block|none]\n"
           "Sets the card's status (default blocked: declined with 62) and the issuer script\n"
           "it gets with its next online authorization (default application-block).\n";
}

int BlockCardCommand::run(const std::vector<std::string>& arguments, std::FILE* out, std::FILE* err)
{
    return AdminRunner::run(
        "block-card", usage(), arguments, {"--pan", "--psn", "--status", "--script"}, {}, out, err,
        [out](HostContext& host, const CommandArguments& args) -> Result<int> {
            const std::string pan = args.value("--pan");
            const auto status = rows::cardStatusFromName(args.value("--status", "blocked"));
            const auto script = rows::pendingScriptFromName(args.value(
                "--script", status == CardStatus::Active ? "none" : "application-block"));
            const auto psn = args.has("--psn") ? args.number("--psn") : std::optional<long long>(1);
            if (pan.empty() || !status || !script || status == CardStatus::Inactive || !psn)
                return makeError(ErrorCode::InvalidArgument, "--pan, --psn, --status or --script");
            int changed = 0;
            auto done = host.store->administer([&](SqliteDatabase& db) -> Result<void> {
                // The version moves so a request decided on the old state conflicts.
                auto update = db.prepare("UPDATE cards SET status = ?, pending_script = ?, "
                                         "version = version + 1 WHERE pan = ? AND psn = ?");
                if (!update)
                    return update.error();
                auto ok = update->bind(1, std::string(cardStatusName(*status)))
                              .bind(2, std::string(pendingScriptName(*script)))
                              .bind(3, pan)
                              .bind(4, std::int64_t{*psn})
                              .run();
                changed = db.changes();
                return ok;
            });
            if (!done)
                return done.error();
            if (changed == 0)
                return makeError(ErrorCode::NotFound, "no card " + maskPan(pan));
            std::fprintf(out, "card %s: %s, script %s\n", maskPan(pan).c_str(),
                         cardStatusName(*status), pendingScriptName(*script));
            return 0;
        });
}

} // namespace cardlink::host
