#pragma once

#include "crypto/CryptoSubcommand.h"

namespace cardlink::cli {

// `cardlink-cli crypto dukpt`: the AES DUKPT keys (ANSI X9.24-3-2017) of a
// key serial number, from the BDK (host view) or the initial key.
class DukptCommand final : public CryptoSubcommand
{
public:
    QString verb() const override { return QStringLiteral("dukpt"); }
    QString summary() const override
    {
        return QStringLiteral("AES DUKPT keys of a key serial number (X9.24-3)");
    }
    int run(const QStringList& arguments) override;
};

} // namespace cardlink::cli
