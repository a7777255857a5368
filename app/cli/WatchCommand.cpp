#include "WatchCommand.h"

#include "CliOutput.h"
#include "PcscContext.h"
#include "PcscReaderService.h"
#include "util/Bytes.h"

#include <QEventLoop>
#include <QTimer>

namespace cardlink::cli {

namespace {

QString atrText(const QByteArray& atr)
{
    if (atr.isEmpty())
        return QStringLiteral("(mute card, no ATR)");
    return QString::fromLatin1(atr.toHex(' ').toUpper());
}

} // namespace

int WatchCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption count({QStringLiteral("n"), QStringLiteral("count")},
                                   QStringLiteral("Exit after N events."), QStringLiteral("N"));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"),
        QStringLiteral("Exit after SEC seconds (exit code 8 if --count events have not "
                       "arrived by then)."),
        QStringLiteral("SEC"));
    parser.addOptions({count, timeout});
    if (auto done = parse(parser, arguments, QStringLiteral("[--count N] [--timeout SEC]"),
                          QStringLiteral("Prints one line per event until interrupted:\n"
                                         "  reader added: NAME\n"
                                         "  reader removed: NAME\n"
                                         "  card inserted: NAME: ATR\n"
                                         "  card removed: NAME\n"
                                         "  service stopped: pcscd is not running\n"
                                         "  service started\n"
                                         "The readers and cards present at start are "
                                         "reported first, as added and inserted.")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()));

    int maxEvents = -1;
    if (parser.isSet(count)) {
        bool ok = false;
        maxEvents = parser.value(count).toInt(&ok);
        if (!ok || maxEvents < 1)
            return usageError(QStringLiteral("--count wants a positive number"));
    }
    double seconds = -1;
    if (parser.isSet(timeout)) {
        bool ok = false;
        seconds = parser.value(timeout).toDouble(&ok);
        if (!ok || seconds <= 0 || seconds > 24 * 3600.0)
            return usageError(QStringLiteral("--timeout wants seconds, more than 0"));
    }

    // Fail fast when pcscd is down at start; later outages are events.
    if (auto context = pcsc::PcscContext::establish(); !context)
        return fail(context.error());

    QEventLoop loop;
    pcsc::PcscReaderService service;
    int events = 0;
    int exitCode = 0;
    bool serviceSeen = false;
    auto report = [&](const QString& line) {
        printLine(line);
        if (maxEvents > 0 && ++events >= maxEvents)
            loop.exit(0);
    };

    QObject::connect(
        &service, &pcsc::PcscReaderService::readerAdded, &loop,
        [&](const QString& reader) { report(QStringLiteral("reader added: ") + reader); });
    QObject::connect(
        &service, &pcsc::PcscReaderService::readerRemoved, &loop,
        [&](const QString& reader) { report(QStringLiteral("reader removed: ") + reader); });
    QObject::connect(&service, &pcsc::PcscReaderService::cardInserted, &loop,
                     [&](const QString& reader, const QByteArray& atr) {
                         report(QStringLiteral("card inserted: %1: %2").arg(reader, atrText(atr)));
                     });
    QObject::connect(
        &service, &pcsc::PcscReaderService::cardRemoved, &loop,
        [&](const QString& reader) { report(QStringLiteral("card removed: ") + reader); });
    QObject::connect(
        &service, &pcsc::PcscReaderService::serviceAvailableChanged, &loop, [&](bool available) {
            if (available && !serviceSeen) {
                serviceSeen = true; // the start, not an event
                return;
            }
            serviceSeen = true;
            report(available ? QStringLiteral("service started")
                             : QStringLiteral("service stopped: pcscd is not running"));
        });

    QTimer timer;
    timer.setSingleShot(true);
    if (seconds > 0) {
        QObject::connect(&timer, &QTimer::timeout, &loop, [&] {
            exitCode = maxEvents > 0 ? fail(ExitCode::Timeout,
                                            QStringLiteral("watch: timed out after %1 s with %2 "
                                                           "of %3 events")
                                                .arg(seconds)
                                                .arg(events)
                                                .arg(maxEvents))
                                     : 0;
            loop.exit(0);
        });
        timer.start(static_cast<int>(seconds * 1000));
    }

    service.start();
    loop.exec();
    service.stop();
    return exitCode;
}

} // namespace cardlink::cli
