#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace cardlink::cli {

// One `cardlink-cli <command>`. Each command parses its own arguments (the
// ones after the command name) and returns the process exit code.
class Command
{
public:
    virtual ~Command() = default;

    virtual QString name() const = 0;
    // One line for the global help.
    virtual QString summary() const = 0;
    virtual int run(const QStringList& arguments) = 0;

protected:
    // Parses `arguments` with the options already added to `parser` plus
    // --help. Returns an exit code when the command is done (help printed:
    // 0; bad arguments: 2 with a one-line error), nothing to carry on.
    // `usage` is the argument synopsis ("[--reader N] HEX...").
    std::optional<int> parse(QCommandLineParser& parser, const QStringList& arguments,
                             const QString& usage, const QString& description) const;

    // Fails with a usage error that points at this command's --help.
    int usageError(const QString& message) const;
};

} // namespace cardlink::cli
