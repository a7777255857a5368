#pragma once

#include "crypto/CryptoSubcommand.h"

namespace cardlink::cli {

// `cardlink-cli crypto pinblock`: builds an ISO 9564-1 PIN block (formats
// 0-3 in clear, format 4 enciphered under an AES key) from a PIN read on
// stdin, or checks one with --decode.
class PinBlockCommand final : public CryptoSubcommand
{
public:
    QString verb() const override { return QStringLiteral("pinblock"); }
    QString summary() const override
    {
        return QStringLiteral("build or decode an ISO 9564-1 PIN block (formats 0-4)");
    }
    int run(const QStringList& arguments) override;
};

} // namespace cardlink::cli
