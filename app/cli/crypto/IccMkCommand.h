#pragma once

#include "crypto/CryptoSubcommand.h"

namespace cardlink::cli {

// `cardlink-cli crypto icc-mk --imk KEY --pan PAN [--psn NN]`: EMV 4.4 Book 2,
// A1.4 option A (or B) ICC master key derivation.
class IccMkCommand final : public CryptoSubcommand
{
public:
    QString verb() const override { return QStringLiteral("icc-mk"); }
    QString summary() const override
    {
        return QStringLiteral(
            "ICC master key from an issuer master key, PAN and PSN (EMV Book 2, A1.4)");
    }
    int run(const QStringList& arguments) override;
};

} // namespace cardlink::cli
