#pragma once

#include "CommandArguments.h"
#include "HostContext.h"

#include <cstdio>
#include <functional>
#include <set>
#include <string>
#include <vector>

namespace cardlink::host {

// The shared frame of the admin subcommands: parse the options (plus --dir
// and --config), answer --help, open the host, run the body, print an error
// as "cardlink-host NAME: ...". Exit codes: 0 done, 1 failed, 2 usage.
class AdminRunner
{
public:
    using Body = std::function<Result<int>(HostContext&, const CommandArguments&)>;

    static int run(const char* name, const char* usage, const std::vector<std::string>& arguments,
                   std::set<std::string> options, const std::set<std::string>& flags,
                   std::FILE* out, std::FILE* err, const Body& body);
};

} // namespace cardlink::host
