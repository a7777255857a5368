#include "HostConfig.h"

#include "HostFiles.h"

#include <nlohmann/json.hpp>

namespace cardlink::host {

namespace {
using Json = nlohmann::json;

std::filesystem::path resolve(const std::filesystem::path& dir, const std::string& name)
{
    const std::filesystem::path path(name);
    return path.is_absolute() ? path : dir / path;
}

std::string relativeTo(const std::filesystem::path& path, const std::filesystem::path& dir)
{
    return path.lexically_relative(dir).string();
}

bool validPort(int port)
{
    return port >= 0 && port <= 65535;
}
} // namespace

Result<HostConfig> HostConfig::load(const std::filesystem::path& file)
{
    auto text = readTextFile(file);
    if (!text)
        return text.error();
    const Json json = Json::parse(*text, nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return makeError(ErrorCode::Malformed, file.string() + ": not a JSON object");
    HostConfig config;
    config.file = file;
    const std::filesystem::path dir = file.parent_path();
    try {
        if (json.value("version", 0) != 1)
            return makeError(ErrorCode::Unsupported, file.string() + ": version must be 1");
        config.database = resolve(dir, json.at("database").get<std::string>());
        const Json& tls = json.at("tls");
        config.tlsAddress = tls.value("address", config.tlsAddress);
        config.tlsPort = tls.value("port", config.tlsPort);
        config.certificate = resolve(dir, tls.at("certificate").get<std::string>());
        config.key = resolve(dir, tls.at("key").get<std::string>());
        config.clientCa = resolve(dir, tls.at("clientCa").get<std::string>());
        if (json.contains("dialIn")) {
            config.dialInAddress = json["dialIn"].value("address", config.dialInAddress);
            config.dialInPort = json["dialIn"].value("port", 0);
        }
        config.publicHost = json.value("publicHost", config.publicHost);
        config.pinVerificationKeyFile =
            resolve(dir, json.at("pinVerificationKey").get<std::string>());
        for (const auto& [id, name] : json.at("baseDerivationKeys").items())
            config.baseDerivationKeyFiles[id] = resolve(dir, name.get<std::string>());
        config.idleTimeoutSeconds = json.value("idleTimeoutSeconds", config.idleTimeoutSeconds);
        config.readTimeoutSeconds = json.value("readTimeoutSeconds", config.readTimeoutSeconds);
        config.maxConnections = json.value("maxConnections", config.maxConnections);
    } catch (const Json::exception& e) {
        return makeError(ErrorCode::Malformed, file.string() + ": " + e.what());
    }
    if (!validPort(config.tlsPort) || !validPort(config.dialInPort) ||
        config.idleTimeoutSeconds < 1 || config.readTimeoutSeconds < 1 || config.maxConnections < 1)
        return makeError(ErrorCode::InvalidArgument, file.string() + ": value out of range");
    return config;
}

std::string HostConfig::toJson(const std::filesystem::path& dir) const
{
    Json json;
    json["version"] = 1;
    json["database"] = relativeTo(database, dir);
    json["tls"] = {{"address", tlsAddress},
                   {"port", tlsPort},
                   {"certificate", relativeTo(certificate, dir)},
                   {"key", relativeTo(key, dir)},
                   {"clientCa", relativeTo(clientCa, dir)}};
    json["dialIn"] = {{"address", dialInAddress}, {"port", dialInPort}};
    json["publicHost"] = publicHost;
    json["pinVerificationKey"] = relativeTo(pinVerificationKeyFile, dir);
    Json bdks = Json::object();
    for (const auto& [id, path] : baseDerivationKeyFiles)
        bdks[id] = relativeTo(path, dir);
    json["baseDerivationKeys"] = bdks;
    json["idleTimeoutSeconds"] = idleTimeoutSeconds;
    json["readTimeoutSeconds"] = readTimeoutSeconds;
    json["maxConnections"] = maxConnections;
    return json.dump(2) + "\n";
}

Result<Bytes> readKeyFile(const std::filesystem::path& path)
{
    auto text = readSecretFile(path);
    if (!text)
        return text.error();
    while (!text->empty() && (text->back() == '\n' || text->back() == '\r'))
        text->pop_back();
    auto key = fromHex(*text);
    secureWipe(text->data(), text->size());
    if (!key)
        return makeError(ErrorCode::Malformed, path.string() + ": not a hex key");
    return key;
}

} // namespace cardlink::host
