#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace cardlink::host {

// cardlink-host issue-card: card profiles for cardlink-cardsim (core's CardPersonalizer),
// registered with their issuer keys, account and PIN verification value.
class IssueCardCommand
{
public:
    static const char* usage();
    static int run(const std::vector<std::string>& arguments, std::FILE* out, std::FILE* err);
};

} // namespace cardlink::host
