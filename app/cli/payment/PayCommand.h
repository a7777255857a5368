#pragma once

#include "Command.h"

namespace cardlink::cli {

// `cardlink-cli pay AMOUNT [--reader N] [--terminal-config FILE]
// [--ca-keys FILE] [--online SPEC] [--aid HEX] [--pin-fd N | --pin-file FILE]`:
// a whole EMV transaction with the card in a reader (PaymentRunner), the PIN
// from stdin or the given file/descriptor (PinReader), the online request
// answered by the --online backend (OnlineBackends). Prints the outcome and
// the data for a receipt; the exit code tells approved (0), declined (10),
// cancelled (11), not accepted (12), card error (13) and the usual failures.
class PayCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("pay"); }
    QString summary() const override
    {
        return QStringLiteral("run an EMV payment with the card in a reader");
    }
    int run(const QStringList& arguments) override;
};

} // namespace cardlink::cli
