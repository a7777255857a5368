#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace cardlink::host {

// cardlink-host revoke-terminal: the terminal's certificate is refused from now on.
class RevokeTerminalCommand
{
public:
    static const char* usage();
    static int run(const std::vector<std::string>& arguments, std::FILE* out, std::FILE* err);
};

} // namespace cardlink::host
