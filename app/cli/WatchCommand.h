#pragma once

#include "Command.h"

namespace cardlink::cli {

// `cardlink-cli watch [--count N] [--timeout SEC]`: one flushed line per
// reader or card event. The state at start comes first, as events.
class WatchCommand final : public Command
{
public:
    QString name() const override { return QStringLiteral("watch"); }
    QString summary() const override
    {
        return QStringLiteral("print reader and card events (insert, remove) as they happen");
    }
    int run(const QStringList& arguments) override;
};

} // namespace cardlink::cli
