// bench_terminal: the terminal GUI's cold start and memory. Prints figures
// and the machine; asserts nothing.
//   bench_terminal [--runs N]    (default 20)
// Cold start: this program starts itself N times as a fresh process
// (--child-start); each loads the CardLink.Terminal module's Main.qml
// offscreen and prints as soon as its window's first frame is swapped
// (QQuickWindow::frameSwapped). Measured from QProcess::start to that line:
// exec, dynamic loading, QML compilation and the first frame. The journal,
// settings and PC/SC service are real (pcscd need not run).
// Memory (--child-sale): the window loaded, one sale of 25.00 taken by the
// real kernel on its worker thread against the simulated card in-process
// (offline PIN 1234 through the PIN pad), then VmRSS from /proc/self/status.
#include "KernelRunner.h"
#include "StubHostAuthorizer.h"
#include "Terminal.h"
#include "emv/SystemRandom.h"
#include "sim/CardProfile.h"
#include "sim/SimulatedCard.h"
#include "sim/emv/CardPersonalizer.h"
#include "util/Clock.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QtQml/qqmlextensionplugin.h>

#include <algorithm>
#include <cstdio>
#include <vector>

Q_IMPORT_QML_PLUGIN(CardLink_TerminalPlugin)

using namespace cardlink;
using namespace cardlink::terminal;

namespace {

QString cpuModel()
{
    QFile file(QStringLiteral("/proc/cpuinfo"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown CPU");
    const auto match = QRegularExpression(QStringLiteral("model name\\s*:\\s*(.*)"))
                           .match(QString::fromUtf8(file.readAll()));
    return match.hasMatch() ? match.captured(1).trimmed() : QStringLiteral("unknown CPU");
}

long vmRssKb()
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const auto match = QRegularExpression(QStringLiteral("VmRSS:\\s*(\\d+) kB"))
                           .match(QString::fromUtf8(file.readAll()));
    return match.hasMatch() ? match.captured(1).toLong() : -1;
}

// The runner owns its channel; this one forwards to the bench's card.
class ForwardingChannel final : public iso7816::CardChannel
{
public:
    explicit ForwardingChannel(iso7816::CardChannel& inner) : m_inner(inner) {}
    Result<iso7816::ResponseApdu> transmit(const iso7816::CommandApdu& command) override
    {
        return m_inner.transmit(command);
    }

private:
    iso7816::CardChannel& m_inner;
};

QQuickWindow* loadWindow(QQmlApplicationEngine& engine)
{
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/CardLink/Terminal/Main.qml")));
    return engine.rootObjects().isEmpty()
               ? nullptr
               : qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
}

int childStart(const QString& dir)
{
    Terminal::Options options = Terminal::defaultOptions();
    options.settingsPath = dir + QStringLiteral("/cardlink.ini");
    options.journalPath = dir + QStringLiteral("/journal.db");
    Terminal terminal(std::move(options));
    Terminal::provide(&terminal);
    QQmlApplicationEngine engine;
    QQuickWindow* window = loadWindow(engine);
    if (!window)
        return 1;
    QObject::connect(window, &QQuickWindow::frameSwapped, qApp, [] {
        std::printf("frame\n");
        std::fflush(stdout);
        QCoreApplication::exit(0);
    });
    QTimer::singleShot(30000, qApp, [] { QCoreApplication::exit(2); });
    window->show();
    return QGuiApplication::exec();
}

int childSale(const QString& dir)
{
    auto personalizer = sim::emv::CardPersonalizer::create({1024, 896, 768});
    if (!personalizer)
        return 1;
    auto keys = emv::CaPublicKeyStore::fromJson(*personalizer->caKeysJson());
    auto json = personalizer->profileJson(sim::emv::CardKind::PinPlaintext, 7);
    if (!keys || !json)
        return 1;
    auto profile = sim::CardProfile::parse(*json);
    if (!profile)
        return 1;
    sim::SimulatedCard card(std::move(*profile));
    card.powerOn();

    StubHostAuthorizer host(StubHostAuthorizer::Mode::Approve);
    emv::SystemRandom random;
    iso7816::ApduTrace trace;
    Terminal::Options options = Terminal::defaultOptions();
    options.settingsPath = dir + QStringLiteral("/cardlink.ini");
    options.journalPath = dir + QStringLiteral("/journal.db");
    options.startReaderService = false;
    options.runner = std::make_unique<KernelRunner>(
        [&card](const std::string&) -> Result<std::unique_ptr<iso7816::CardChannel>> {
            return std::unique_ptr<iso7816::CardChannel>(new ForwardingChannel(card));
        },
        options.config, std::move(*keys), host, trace, SystemClock::instance(), random);
    Terminal terminal(std::move(options));
    Terminal::provide(&terminal);
    QQmlApplicationEngine engine;
    QQuickWindow* window = loadWindow(engine);
    if (!window)
        return 1;
    window->show();

    const QString reader = QStringLiteral("Virtual PCD 00 00");
    terminal.readers()->setReaders({reader});
    terminal.readers()->setCardInserted(reader, QByteArray::fromHex("3B00"));
    CheckoutController* checkout = terminal.checkout();
    for (const char* key : {"2", "5", "0", "0"})
        checkout->amount()->press(QString::fromLatin1(key));
    checkout->startPayment();
    QElapsedTimer bound;
    bound.start();
    bool pinEntered = false;
    while (checkout->state() != CheckoutController::State::Result && bound.elapsed() < 30000) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        if (!pinEntered && checkout->state() == CheckoutController::State::EnterPin &&
            checkout->pinPad()->isActive()) {
            for (int digit : {1, 2, 3, 4})
                checkout->pinPad()->pressDigit(digit);
            checkout->pinPad()->submit();
            pinEntered = true;
        }
    }
    if (checkout->state() != CheckoutController::State::Result)
        return 3;
    // Let the result screen render before measuring.
    QElapsedTimer settle;
    settle.start();
    while (settle.elapsed() < 500)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    std::printf("sale %s rss_kb %ld\n",
                checkout->resultKind() == CheckoutController::ResultKind::Approved ? "approved"
                                                                                   : "not-approved",
                vmRssKb());
    return 0;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

} // namespace

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        qputenv("QT_QUICK_CONTROLS_STYLE", "Basic");
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("CardLink"));
    QGuiApplication::setApplicationName(QStringLiteral("cardlink-bench"));
    QStringList args = QCoreApplication::arguments();
    if (args.size() >= 3 && args.at(1) == QLatin1String("--child-start"))
        return childStart(args.at(2));
    if (args.size() >= 3 && args.at(1) == QLatin1String("--child-sale"))
        return childSale(args.at(2));

    int runs = 20;
    if (const qsizetype at = args.indexOf(QStringLiteral("--runs")); at > 0 && at + 1 < args.size())
        runs = std::max(1, args.at(at + 1).toInt());
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;

    std::vector<double> startMs;
    for (int i = 0; i < runs; ++i) {
        QProcess child;
        child.setProcessChannelMode(QProcess::SeparateChannels);
        QElapsedTimer timer;
        timer.start();
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--child-start"), dir.path()});
        while (!child.canReadLine() && child.state() != QProcess::NotRunning)
            child.waitForReadyRead(30000);
        const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        const QByteArray line = child.readLine().trimmed();
        child.waitForFinished(30000);
        if (line != "frame") {
            std::fprintf(stderr, "bench_terminal: run %d: no frame (%s)\n", i,
                         child.readAllStandardError().constData());
            return 1;
        }
        startMs.push_back(ms);
    }

    QProcess sale;
    sale.start(QCoreApplication::applicationFilePath(),
               {QStringLiteral("--child-sale"), dir.path()});
    sale.waitForFinished(120000);
    const QString saleLine = QString::fromUtf8(sale.readAllStandardOutput()).trimmed();
    const auto rss =
        QRegularExpression(QStringLiteral("sale (\\S+) rss_kb (\\d+)")).match(saleLine);
    if (sale.exitCode() != 0 || !rss.hasMatch()) {
        std::fprintf(stderr, "bench_terminal: sale failed (%d): %s\n", sale.exitCode(),
                     sale.readAllStandardError().constData());
        return 1;
    }

    std::printf("bench_terminal: machine %s, %d CPUs, %s %s\n", qPrintable(cpuModel()),
                QThread::idealThreadCount(), qPrintable(QSysInfo::kernelType()),
                qPrintable(QSysInfo::kernelVersion()));
    std::printf("bench_terminal: cold start to first frame (offscreen, %d fresh processes): "
                "median %.1f ms, p99 %.1f ms\n",
                runs, percentile(startMs, 0.5), percentile(startMs, 0.99));
    std::printf("bench_terminal: resident memory after one sale (%s, window loaded): %.1f MiB\n",
                qPrintable(rss.captured(1)), rss.captured(2).toDouble() / 1024.0);
    return rss.captured(1) == QLatin1String("approved") ? 0 : 1;
}
