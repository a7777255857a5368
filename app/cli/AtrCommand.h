#pragma once

#include "Command.h"

namespace cardlink::cli {

// `cardlink-cli atr [--reader N]`: the inserted card's ATR, decoded.
// `cardlink-cli atr HEX`: decodes the given ATR; exit 0 if well-formed,
// 3 with a one-line reason otherwise.
class AtrCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("atr"); }
    QString summary() const override
    {
        return QStringLiteral("show and decode the ATR of the inserted card, or of a given ATR");
    }
    int run(const QStringList& arguments) override;

private:
    int decodeGiven(const QString& hex);
    int readFromCard(const QString& readerSpec);
};

} // namespace cardlink::cli
