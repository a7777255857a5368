#include "EchoCommand.h"

#include "CliOutput.h"
#include "ExitCode.h"
#include "HostAuthorizer.h"
#include "iso8583/ResponseCodes.h"

namespace cardlink::cli {

namespace {
QString describe(const std::string& code)
{
    const auto text = iso8583::describeResponseCode(code);
    return QString::fromLatin1(text.data(), static_cast<qsizetype>(text.size()));
}
} // namespace

int EchoCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption host(
        QStringLiteral("host"),
        QStringLiteral("The terminal bundle of 'cardlink-host add-terminal' (file, or the "
                       "directory holding just it)."),
        QStringLiteral("BUNDLE"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("Connect and answer time-out in ms "
                                                    "(default 5000)."),
                                     QStringLiteral("MS"), QStringLiteral("5000"));
    parser.addOptions({host, timeout});
    if (auto done = parse(
            parser, arguments, QStringLiteral("--host BUNDLE [--timeout MS]"),
            QStringLiteral("Sends an ISO 8583 0800 echo test (field 70 = 301) to cardlink-host\n"
                           "over TLS 1.3 with the terminal's client certificate, and prints the\n"
                           "host's response code and the round-trip time. Exit 0 when the host\n"
                           "answers 00.")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(host))
        return usageError(QStringLiteral("--host BUNDLE is required"));
    bool ok = false;
    const int ms = parser.value(timeout).toInt(&ok);
    if (!ok || ms < 1 || ms > 600000)
        return usageError(QStringLiteral("--timeout must be 1..600000 ms"));

    auto bundle = link::TerminalBundle::load(parser.value(host));
    if (!bundle)
        return fail(bundle.error());
    link::HostAuthorizer::Options options;
    options.link.connectTimeoutMs = ms;
    options.link.readTimeoutMs = ms;
    const QString where = QStringLiteral("%1:%2").arg(bundle->hostAddress).arg(bundle->tlsPort);
    link::HostAuthorizer authorizer(std::move(*bundle), options, {});
    auto echo = authorizer.echo();
    if (!echo)
        return fail(echo.error());
    printLine(
        QStringLiteral("Echo from %1: %2 (%3), round trip %4 ms")
            .arg(where, QString::fromStdString(echo->responseCode), describe(echo->responseCode))
            .arg(static_cast<double>(echo->roundTrip.count()) / 1000.0, 0, 'f', 2));
    return echo->responseCode == "00" ? 0 : static_cast<int>(ExitCode::Declined);
}

} // namespace cardlink::cli
