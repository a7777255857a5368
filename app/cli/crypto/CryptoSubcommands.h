#pragma once

#include "crypto/CryptoSubcommand.h"

#include <memory>
#include <vector>

namespace cardlink::cli {

// Every `cardlink-cli crypto` subcommand, in the order `crypto --help` lists
// them. The one place a new subcommand is registered.
std::vector<std::unique_ptr<CryptoSubcommand>> makeCryptoSubcommands();

} // namespace cardlink::cli
