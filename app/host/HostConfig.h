#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <filesystem>
#include <map>
#include <string>

namespace cardlink::host {

// cardlink-host's configuration file (host.json, written by `init`). Paths
// in the file are relative to its directory; load() resolves them.
//   {"version": 1, "database": "host.db",
//    "tls": {"address": "127.0.0.1", "port": 8583, "certificate": "server.crt",
//            "key": "server.key", "clientCa": "ca.crt"},
//    "dialIn": {"address": "127.0.0.1", "port": 8584},   port 0 = no dial-in listener
//    "publicHost": "127.0.0.1",          what terminal bundles call the host
//    "pinVerificationKey": "pvk.key", "baseDerivationKeys": {"<bdk id>": "bdk.key"},
//    "idleTimeoutSeconds": 120, "readTimeoutSeconds": 10, "maxConnections": 2000}
struct HostConfig
{
    std::filesystem::path file;
    std::filesystem::path database;
    std::string tlsAddress = "127.0.0.1";
    int tlsPort = 8583;
    std::filesystem::path certificate;
    std::filesystem::path key;
    std::filesystem::path clientCa;
    std::string dialInAddress = "127.0.0.1";
    int dialInPort = 0;
    std::string publicHost = "127.0.0.1";
    std::filesystem::path pinVerificationKeyFile;
    std::map<std::string, std::filesystem::path> baseDerivationKeyFiles;
    int idleTimeoutSeconds = 120;
    int readTimeoutSeconds = 10;
    int maxConnections = 2000;

    static Result<HostConfig> load(const std::filesystem::path& file);
    // The JSON text of this config with paths relative to `dir`.
    std::string toJson(const std::filesystem::path& dir) const;
};

// A hex key file (0600): the key bytes.
Result<Bytes> readKeyFile(const std::filesystem::path& path);

} // namespace cardlink::host
