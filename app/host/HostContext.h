#pragma once

#include "CommandArguments.h"
#include "HostConfig.h"
#include "SqliteHostStore.h"

#include <memory>

namespace cardlink::host {

// An opened host: its configuration and its store with the key files
// loaded. Every admin command but init and the server start from here.
struct HostContext
{
    HostConfig config;
    std::unique_ptr<SqliteHostStore> store;

    // From --config FILE or --dir DIR (DIR/host.json).
    static Result<HostContext> open(const CommandArguments& arguments);
    static Result<HostContext> open(const std::filesystem::path& configFile);
};

} // namespace cardlink::host
