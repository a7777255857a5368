#pragma once

#include "Command.h"

namespace cardlink::cli {

// `cardlink-cli read [--reader N] [--aid HEX] [--terminal-config FILE]`:
// the public data of an EMV card (applications, masked PAN, expiry, CVM list,
// ODA method, PIN tries left, ATC) through the kernel's own selection, GPO
// and READ RECORD code. It never sends VERIFY, GENERATE AC, EXTERNAL or
// INTERNAL AUTHENTICATE or a script command (ReadOnlyChannel refuses them),
// so it is safe with a real bank card.
class ReadCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("read"); }
    QString summary() const override
    {
        return QStringLiteral("show an EMV card's public data (safe with a real bank card)");
    }
    int run(const QStringList& arguments) override;
};

} // namespace cardlink::cli
