#pragma once

#include <string>

namespace cardlink::host {

struct Merchant
{
    std::string id; // field 42, up to 15 characters
    std::string name;
    std::string accountId; // credited by purchases
};

} // namespace cardlink::host
