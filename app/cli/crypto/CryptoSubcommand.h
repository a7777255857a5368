#pragma once

#include "Command.h"
#include "util/Bytes.h"
#include "util/Result.h"

namespace cardlink::cli {

// One `cardlink-cli crypto <verb>`: the operator's calculator (hex in, hex
// out). A subcommand is a Command whose name is "crypto <verb>", so its
// --help, usage errors and messages all say "crypto kcv" and so on.
//
// Adding one: a class derived from this in app/cli/crypto/<Verb>Command.{h,cpp},
// one line in makeCryptoSubcommands() (CryptoSubcommands.cpp) and its .cpp in
// app/cli/CMakeLists.txt. Helpers for hex, keys and algorithms: CryptoInput.h.
class CryptoSubcommand : public Command
{
public:
    // The word after `crypto`: "kcv", "icc-mk", ...
    virtual QString verb() const = 0;
    QString name() const final { return QStringLiteral("crypto ") + verb(); }

protected:
    // "cardlink-cli: crypto kcv: <message>" with exit code 3 (bad input).
    int badInput(const QString& message) const;
    // The same for an Error from the parsers or from core/crypto.
    int badInput(const Error& error) const;
    // The result: one line of upper-case hex on stdout; returns 0.
    int printHex(ByteView bytes) const;
};

} // namespace cardlink::cli
