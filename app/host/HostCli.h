#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace cardlink::host {

// cardlink-host's subcommands: init, add-merchant, add-terminal,
// revoke-terminal, issue-card, block-card, balance, report (admin) and serve.
class HostCli
{
public:
    static const char* usage();
    static int run(const std::vector<std::string>& arguments, std::FILE* out, std::FILE* err);
};

} // namespace cardlink::host
