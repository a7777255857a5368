#pragma once

#include <cstdio>
#include <string>
#include <vector>

namespace cardlink::host {

// cardlink-host block-card: the card is declined from now on, and an issuer script
// (APPLICATION BLOCK by default) goes to the card with its next online request.
class BlockCardCommand
{
public:
    static const char* usage();
    static int run(const std::vector<std::string>& arguments, std::FILE* out, std::FILE* err);
};

} // namespace cardlink::host
