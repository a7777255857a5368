#pragma once

#include "util/Result.h"

#include <filesystem>
#include <string>

namespace cardlink::host {

// The files of a host directory (cardlink-host init --dir DIR).
struct HostFiles
{
    explicit HostFiles(std::filesystem::path dir) : dir(std::move(dir)) {}

    std::filesystem::path dir;
    std::filesystem::path config() const { return dir / "host.json"; }
    std::filesystem::path database() const { return dir / "host.db"; }
    std::filesystem::path caKey() const { return dir / "ca.key"; }
    std::filesystem::path caCertificate() const { return dir / "ca.crt"; }
    std::filesystem::path serverKey() const { return dir / "server.key"; }
    std::filesystem::path serverCertificate() const { return dir / "server.crt"; }
    // Host secrets, hex, 0600: PIN verification key and the DUKPT base derivation key.
    std::filesystem::path pinVerificationKey() const { return dir / "pvk.key"; }
    std::filesystem::path baseDerivationKey() const { return dir / "bdk.key"; }
    std::filesystem::path terminals() const { return dir / "terminals"; }
    std::filesystem::path cards() const { return dir / "cards"; }
};

Result<std::string> readTextFile(const std::filesystem::path& path);
// A key file (CA and TLS private keys, PVK, BDK): refused, with the fix in
// the message, when its group or others have any access to it (as ssh does
// with an unprotected private key), so a copied or unpacked host directory
// that exposed the keys is noticed at the first start instead of never.
Result<std::string> readSecretFile(const std::filesystem::path& path);
// Created or replaced with the given permission bits; secrets use 0600 and are
// never world-readable even for an instant (open with the mode, no chmod after).
Result<void> writeTextFile(const std::filesystem::path& path, const std::string& text,
                           unsigned mode = 0644);

} // namespace cardlink::host
