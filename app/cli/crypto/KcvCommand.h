#pragma once

#include "crypto/CryptoSubcommand.h"

namespace cardlink::cli {

// `cardlink-cli crypto kcv KEY`: the key check value (legacy zero-block
// or CMAC, ANSI X9.24-1) of a key.
class KcvCommand final : public CryptoSubcommand
{
public:
    QString verb() const override { return QStringLiteral("kcv"); }
    QString summary() const override
    {
        return QStringLiteral("key check value of a DES, TDES or AES key");
    }
    int run(const QStringList& arguments) override;
};

} // namespace cardlink::cli
