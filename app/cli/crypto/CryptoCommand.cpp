#include "crypto/CryptoCommand.h"

#include "CliOutput.h"
#include "crypto/CryptoSubcommands.h"

namespace cardlink::cli {

CryptoCommand::CryptoCommand() : m_subcommands(makeCryptoSubcommands()) {}

CryptoCommand::~CryptoCommand() = default;

int CryptoCommand::run(const QStringList& arguments)
{
    if (arguments.isEmpty())
        return usageError(QStringLiteral("no subcommand given"));
    const QString& first = arguments.constFirst();
    if (first == QLatin1String("--help") || first == QLatin1String("-h")) {
        printHelp();
        return 0;
    }
    for (const auto& subcommand : m_subcommands) {
        if (subcommand->verb() == first)
            return subcommand->run(arguments.mid(1));
    }
    return usageError(QStringLiteral("unknown subcommand '%1'").arg(first));
}

void CryptoCommand::printHelp() const
{
    QString text =
        QStringLiteral("Usage: cardlink-cli crypto SUBCOMMAND [OPTIONS] [ARGUMENTS]\n\n"
                       "The operator's calculator for the moment a card and a host disagree:\n"
                       "hex in, hex out (one line of upper-case hex on stdout). Hex may have\n"
                       "spaces or colons between bytes. Keys given on the command line are\n"
                       "visible to other users of this machine (ps): use test keys only.\n\n"
                       "Subcommands:\n");
    for (const auto& subcommand : m_subcommands)
        text +=
            QStringLiteral("  %1  %2\n").arg(subcommand->verb(), -12).arg(subcommand->summary());
    text += QStringLiteral("\nRun 'cardlink-cli crypto SUBCOMMAND --help' for its arguments.\n"
                           "Exit codes: 0 done, 2 bad command line, 3 bad hex or a value of the "
                           "wrong length.\n");
    printText(text);
}

} // namespace cardlink::cli
