#include "HostContext.h"

#include "HostFiles.h"

namespace cardlink::host {

Result<HostContext> HostContext::open(const CommandArguments& arguments)
{
    if (arguments.has("--config"))
        return open(std::filesystem::path(arguments.value("--config")));
    if (arguments.has("--dir"))
        return open(HostFiles(arguments.value("--dir")).config());
    return makeError(ErrorCode::InvalidArgument, "--dir DIR or --config FILE is required");
}

Result<HostContext> HostContext::open(const std::filesystem::path& configFile)
{
    auto config = HostConfig::load(configFile);
    if (!config)
        return config.error();
    SqliteHostStore::Options options;
    options.path = config->database.string();
    auto pvk = readKeyFile(config->pinVerificationKeyFile);
    if (!pvk)
        return pvk.error();
    options.pinVerificationKey = std::move(*pvk);
    for (const auto& [id, path] : config->baseDerivationKeyFiles) {
        auto bdk = readKeyFile(path);
        if (!bdk)
            return bdk.error();
        options.baseDerivationKeys[id] = std::move(*bdk);
    }
    auto store = SqliteHostStore::open(std::move(options));
    if (!store)
        return store.error();
    return HostContext{std::move(*config), std::move(*store)};
}

} // namespace cardlink::host
