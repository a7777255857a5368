#pragma once

#include "crypto/CryptoSubcommand.h"

namespace cardlink::cli {

// `cardlink-cli crypto mac --key KEY [--method M] DATA`: a MAC over hex data.
class MacCommand final : public CryptoSubcommand
{
public:
    QString verb() const override { return QStringLiteral("mac"); }
    QString summary() const override
    {
        return QStringLiteral(
            "ISO/IEC 9797-1 MAC algorithm 3 (padding 1 or 2), AES-CMAC, TDES-CMAC");
    }
    int run(const QStringList& arguments) override;
};

} // namespace cardlink::cli
