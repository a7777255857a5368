#pragma once

#include "crypto/CryptoSubcommand.h"

namespace cardlink::cli {

// `cardlink-cli crypto arpc KEY-OPTIONS --arqc AC (--arc XX | --csu XX)`: the
// issuer's answer to an ARQC.
class ArpcCommand final : public CryptoSubcommand
{
public:
    QString verb() const override { return QStringLiteral("arpc"); }
    QString summary() const override
    {
        return QStringLiteral("ARPC method 1 (ARC) or method 2 (CSU) from the ARQC (Book 2, 8.2)");
    }
    int run(const QStringList& arguments) override;
};

} // namespace cardlink::cli
