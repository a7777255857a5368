#include "AdminRunner.h"

namespace cardlink::host {

int AdminRunner::run(const char* name, const char* usage, const std::vector<std::string>& arguments,
                     std::set<std::string> options, const std::set<std::string>& flags,
                     std::FILE* out, std::FILE* err, const Body& body)
{
    options.insert("--dir");
    options.insert("--config");
    CommandArguments args;
    if (auto problem = CommandArguments::parse(arguments, options, flags, args)) {
        std::fprintf(err, "cardlink-host %s: %s\n%s", name, problem->c_str(), usage);
        return 2;
    }
    if (args.wantsHelp()) {
        std::fputs(usage, out);
        return 0;
    }
    auto context = HostContext::open(args);
    if (!context) {
        std::fprintf(err, "cardlink-host %s: %s\n", name, context.error().describe().c_str());
        return context.error().code == ErrorCode::InvalidArgument ? 2 : 1;
    }
    auto result = body(*context, args);
    if (!result) {
        std::fprintf(err, "cardlink-host %s: %s\n", name, result.error().describe().c_str());
        return result.error().code == ErrorCode::InvalidArgument ? 2 : 1;
    }
    return *result;
}

} // namespace cardlink::host
