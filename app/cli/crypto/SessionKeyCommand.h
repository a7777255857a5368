#pragma once

#include "crypto/CryptoSubcommand.h"

namespace cardlink::cli {

// `cardlink-cli crypto session-key --mk KEY --atc HHHH`: EMV 4.4 Book 2, A1.3.
class SessionKeyCommand final : public CryptoSubcommand
{
public:
    QString verb() const override { return QStringLiteral("session-key"); }
    QString summary() const override
    {
        return QStringLiteral(
            "EMV common session key from an ICC master key and the ATC (Book 2, A1.3)");
    }
    int run(const QStringList& arguments) override;
};

} // namespace cardlink::cli
