#pragma once

#include "crypto/CryptoSubcommand.h"

namespace cardlink::cli {

// `cardlink-cli crypto arqc KEY-OPTIONS DATA`: the application cryptogram
// over the data the card MACs (CDOL values and its own data).
class ArqcCommand final : public CryptoSubcommand
{
public:
    QString verb() const override { return QStringLiteral("arqc"); }
    QString summary() const override
    {
        return QStringLiteral(
            "application cryptogram (ARQC/TC/AAC) over CDOL data (Book 2, 8.1.2)");
    }
    int run(const QStringList& arguments) override;
};

} // namespace cardlink::cli
