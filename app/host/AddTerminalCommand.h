#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace cardlink::host {

// cardlink-host add-terminal: a terminal of a merchant with its TLS client certificate
// (signed by the terminal CA), its DUKPT initial key, and the bundle to hand to it.
class AddTerminalCommand
{
public:
    static const char* usage();
    static int run(const std::vector<std::string>& arguments, std::FILE* out, std::FILE* err);
};

} // namespace cardlink::host
