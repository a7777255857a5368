#pragma once

#include "Command.h"

namespace cardlink::cli {

// `cardlink-cli apdu HEX... [--reader N] [--trace]`: sends each command APDU
// through the transport rules (61xx GET RESPONSE, 6Cxx resend) and prints
// the response and the meaning of its status word.
class ApduCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("apdu"); }
    QString summary() const override
    {
        return QStringLiteral("send command APDUs to the card and show the responses");
    }
    int run(const QStringList& arguments) override;
};

} // namespace cardlink::cli
