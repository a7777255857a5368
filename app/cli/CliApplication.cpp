#include "CliApplication.h"

#include "ApduCommand.h"
#include "AtrCommand.h"
#include "CliOutput.h"
#include "EchoCommand.h"
#include "ExitCode.h"
#include "ReadersCommand.h"
#include "WatchCommand.h"
#include "crypto/CryptoCommand.h"
#include "payment/PayCommand.h"
#include "payment/ReadCommand.h"

namespace cardlink::cli {

CliApplication::CliApplication()
{
    m_commands.push_back(std::make_unique<ReadersCommand>());
    m_commands.push_back(std::make_unique<AtrCommand>());
    m_commands.push_back(std::make_unique<ApduCommand>());
    m_commands.push_back(std::make_unique<WatchCommand>());
    m_commands.push_back(std::make_unique<ReadCommand>());
    m_commands.push_back(std::make_unique<PayCommand>());
    m_commands.push_back(std::make_unique<CryptoCommand>());
    m_commands.push_back(std::make_unique<EchoCommand>());
}

CliApplication::~CliApplication() = default;

int CliApplication::run(const QStringList& arguments)
{
    if (arguments.isEmpty()) {
        printHelp();
        return static_cast<int>(ExitCode::Usage);
    }
    const QString& first = arguments.constFirst();
    if (first == QLatin1String("--help") || first == QLatin1String("-h") ||
        first == QLatin1String("help")) {
        printHelp();
        return 0;
    }
    if (first == QLatin1String("--version")) {
        printLine(QStringLiteral("cardlink-cli " CARDLINK_VERSION));
        return 0;
    }
    for (const auto& command : m_commands) {
        if (command->name() == first)
            return command->run(arguments.mid(1));
    }
    if (first.startsWith(QLatin1Char('-')))
        return fail(ExitCode::Usage,
                    QStringLiteral("unknown option '%1' (see 'cardlink-cli --help')").arg(first));
    return fail(ExitCode::Usage,
                QStringLiteral("unknown command '%1' (see 'cardlink-cli --help')").arg(first));
}

void CliApplication::printHelp() const
{
    QString text =
        QStringLiteral("Usage: cardlink-cli COMMAND [OPTIONS] [ARGUMENTS]\n"
                       "       cardlink-cli --help | --version\n\n"
                       "CardLink's tools without a GUI: PC/SC readers, ATRs, APDUs, crypto.\n\n"
                       "Commands:\n");
    for (const auto& command : m_commands)
        text += QStringLiteral("  %1  %2\n").arg(command->name(), -8).arg(command->summary());
    text +=
        QStringLiteral("\nRun 'cardlink-cli COMMAND --help' for a command's options.\n"
                       "Errors are one line on stderr: \"cardlink-cli: <what went wrong>\".\n\n");
    text += QString::fromLatin1(exitCodeHelp());
    printText(text);
}

} // namespace cardlink::cli
