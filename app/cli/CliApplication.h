#pragma once

#include "Command.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace cardlink::cli {

// Picks the command named by the first argument and runs it; prints the
// global help (commands and exit codes) for --help or no arguments.
class CliApplication
{
public:
    CliApplication();
    ~CliApplication();

    // `arguments` without the program name. Returns the exit code.
    int run(const QStringList& arguments);

private:
    void printHelp() const;

    std::vector<std::unique_ptr<Command>> m_commands;
};

} // namespace cardlink::cli
