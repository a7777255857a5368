#pragma once

#include "Command.h"

namespace cardlink::cli {

// `cardlink-cli echo --host BUNDLE`: an ISO 8583 0800 echo test (field 70 =
// 301) to cardlink-host over the terminal's TLS link; prints the host's
// field 39 and the round-trip time.
class EchoCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("echo"); }
    QString summary() const override
    {
        return QStringLiteral(
            "send an ISO 8583 echo test (0800) to the host, print the round trip");
    }
    int run(const QStringList& arguments) override;
};

} // namespace cardlink::cli
