// terminal_sale_driver: the terminal's real code path for one sale, headless,
// for the crash test (tst_e2e_terminal_crash). It builds the same Terminal
// composition root the `cardlink` window uses (PC/SC reader service,
// CheckoutController, KernelRunner, SaleRecorder, HostLinkAuthorizer, the
// SQLite journal) and presses the keys the window's keypads would; only the
// QML view is missing. A test program rather than a hidden option of
// `cardlink`, so that nothing in the shipped binary scripts a PIN.
//
//   terminal_sale_driver --bundle DIR --journal FILE --settings FILE
//                        [--amount 1234 --pin 1234 | --recover [--until-resolved]]
//
// With CARDLINK_JOURNAL_KILL_AT=N the journal SIGKILLs the process after its
// N-th write. Prints "RECOVERED <resolved> <failed>" after the start-up
// recovery and "RESULT <kind> STAN <stan>" after a sale; exit 0 when done.
// --until-resolved: while recovery could not reach the host, run the echo
// test every 0.5 s; when the host answers again, LinkStatus reports the link
// back and the Terminal recovers; exit once a recovery left nothing failed.
#include "Terminal.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QMetaEnum>
#include <QTimer>

#include <cstdio>

using namespace cardlink::terminal;
using State = CheckoutController::State;

namespace {
void say(const QString& line)
{
    std::printf("%s\n", qPrintable(line));
    std::fflush(stdout);
}
} // namespace

int main(int argc, char* argv[])
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption bundle(QStringLiteral("bundle"), QStringLiteral("bundle"),
                                    QStringLiteral("DIR"));
    const QCommandLineOption journal(QStringLiteral("journal"), QStringLiteral("journal"),
                                     QStringLiteral("FILE"));
    const QCommandLineOption settings(QStringLiteral("settings"), QStringLiteral("settings"),
                                      QStringLiteral("FILE"));
    const QCommandLineOption amount(QStringLiteral("amount"), QStringLiteral("minor units"),
                                    QStringLiteral("N"));
    const QCommandLineOption pin(QStringLiteral("pin"), QStringLiteral("PIN"),
                                 QStringLiteral("DIGITS"));
    const QCommandLineOption recover(QStringLiteral("recover"),
                                     QStringLiteral("start up, recover, quit"));
    const QCommandLineOption untilResolved(QStringLiteral("until-resolved"),
                                           QStringLiteral("echo until the host is back"));
    parser.addOptions({bundle, journal, settings, amount, pin, recover, untilResolved});
    parser.process(app);

    Terminal::Options options = Terminal::defaultOptions();
    options.bundlePath = parser.value(bundle);
    options.journalPath = parser.value(journal);
    options.settingsPath = parser.value(settings);
    options.startReaderService = !parser.isSet(recover);
    Terminal terminal(std::move(options));
    if (!terminal.journal() || !terminal.hostLink()) {
        say(QStringLiteral("ERROR no journal or no host link"));
        return 2;
    }
    QObject::connect(terminal.link()->log(), &LinkLogModel::rowsInserted, &app,
                     [&terminal](const QModelIndex&, int first, int last) {
                         for (int row = first; row <= last; ++row)
                             say(QStringLiteral("LOG ") + terminal.link()->log()->eventAt(row));
                     });

    CheckoutController* checkout = terminal.checkout();
    bool saleStarted = false;
    bool saleDone = parser.isSet(recover);
    auto startSale = [&] {
        if (saleStarted || saleDone || terminal.isRecovering() ||
            !terminal.readers()->isCardPresent())
            return;
        saleStarted = true;
        for (const QChar digit : parser.value(amount))
            checkout->amount()->press(QString(digit));
        checkout->startPayment();
    };
    QTimer echo;
    echo.setInterval(500);
    QObject::connect(&echo, &QTimer::timeout, terminal.link(), &LinkStatus::echoTest);
    QObject::connect(&terminal, &Terminal::recoveryFinished, &app, [&](int resolved, int failed) {
        say(QStringLiteral("RECOVERED %1 %2").arg(resolved).arg(failed));
        if (parser.isSet(untilResolved) && failed > 0) {
            echo.start();
            return;
        }
        if (saleDone && !terminal.isRecovering())
            QTimer::singleShot(0, &app, &QCoreApplication::quit);
        else
            startSale();
    });
    QObject::connect(terminal.readers(), &ReaderStatus::cardInserted, &app, startSale);
    QObject::connect(checkout, &CheckoutController::stateChanged, &app, [&] {
        if (checkout->state() == State::EnterPin && checkout->pinPad()->isActive()) {
            for (const QChar digit : parser.value(pin))
                checkout->pinPad()->pressDigit(digit.digitValue());
            checkout->pinPad()->submit();
        }
    });
    QObject::connect(checkout, &CheckoutController::transactionFinished, &app, [&] {
        saleDone = true;
        const auto record = terminal.recorder()->record();
        say(QStringLiteral("RESULT %1 STAN %2")
                .arg(QString::fromLatin1(QMetaEnum::fromType<CheckoutController::ResultKind>()
                                             .valueToKey(int(checkout->resultKind()))))
                .arg(record ? record->stan : 0));
        say(QStringLiteral("DETAIL ") + checkout->resultTitle() + QStringLiteral(": ") +
            checkout->resultDetail());
        // transactionFinished also starts the recovery of what the sale left;
        // recoveryFinished then quits.
    });
    QTimer::singleShot(60000, &app, [] {
        say(QStringLiteral("ERROR timed out"));
        QCoreApplication::exit(3);
    });
    return QGuiApplication::exec();
}
