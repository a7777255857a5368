#pragma once

#include "emv/TerminalConfig.h"
#include "emv/oda/CaPublicKeyStore.h"
#include "util/Result.h"

#include <QString>

namespace cardlink::cli {

// The terminal configuration of `read` and `pay`: the file given with
// --terminal-config, else the built-in copy of
// resources/terminal/terminal-demo.json (docs/terminal-config.md).
struct TerminalSetup
{
    emv::TerminalConfig config;
    QString configPath; // empty for the built-in configuration

    static Result<TerminalSetup> load(const QString& path);

    // --ca-keys FILE, else the configuration's caKeyFile (relative to the
    // configuration file's folder, or to the current folder for the built-in
    // one). NotFound when neither gives a readable file.
    Result<emv::CaPublicKeyStore> loadCaKeys(const QString& caKeysOption) const;
};

} // namespace cardlink::cli
