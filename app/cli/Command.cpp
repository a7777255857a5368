#include "Command.h"

#include "CliOutput.h"

namespace cardlink::cli {

std::optional<int> Command::parse(QCommandLineParser& parser, const QStringList& arguments,
                                  const QString& usage, const QString& description) const
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    // QCommandLineParser expects the program name first.
    if (!parser.parse(QStringList{QStringLiteral("cardlink-cli")} + arguments))
        return usageError(parser.errorText());
    if (parser.isSet(help)) {
        // helpText() starts with its own "Usage:" line and an empty
        // description; ours replaces both.
        QString options = parser.helpText();
        const qsizetype at = options.indexOf(QStringLiteral("Options:"));
        options = at >= 0 ? options.mid(at) : QString();
        printText(QStringLiteral("Usage: cardlink-cli %1 %2\n\n%3\n\n%4")
                      .arg(name(), usage, description, options));
        return 0;
    }
    return std::nullopt;
}

int Command::usageError(const QString& message) const
{
    QString text = message.trimmed();
    if (text.endsWith(QLatin1Char('.')))
        text.chop(1);
    if (!text.isEmpty())
        text[0] = text[0].toLower();
    return fail(ExitCode::Usage,
                QStringLiteral("%1: %2 (see 'cardlink-cli %1 --help')").arg(name(), text));
}

} // namespace cardlink::cli
