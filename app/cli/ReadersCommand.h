#pragma once

#include "Command.h"

namespace cardlink::cli {

// `cardlink-cli readers`: one line per reader, numbered as --reader takes
// them: "0: Virtual PCD 00 00 (card: 3B 8F ...)" or "1: ... (no card)".
class ReadersCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("readers"); }
    QString summary() const override
    {
        return QStringLiteral("list the PC/SC readers and the ATR of the card in each");
    }
    int run(const QStringList& arguments) override;
};

} // namespace cardlink::cli
