#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace cardlink::host {

// cardlink-host serve --config FILE | --dir DIR: the listeners until SIGTERM
// or SIGINT, then stop accepting, finish the requests whose commits are in
// flight, close the links and exit 0. Logs go to stderr (systemd).
class ServeCommand
{
public:
    static const char* usage();
    static int run(const std::vector<std::string>& arguments, std::FILE* out, std::FILE* err);
};

} // namespace cardlink::host
