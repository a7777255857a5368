#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace cardlink::host {

// cardlink-host init --dir DIR: a new host directory (HostFiles): database
// with the schema, terminal CA, TLS server key and certificate, PIN
// verification key, DUKPT BDK and host.json.
class InitCommand
{
public:
    static const char* usage();
    static int run(const std::vector<std::string>& arguments, std::FILE* out, std::FILE* err);
};

} // namespace cardlink::host
