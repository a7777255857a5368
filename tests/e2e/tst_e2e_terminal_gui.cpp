// Issue 5's GUI acceptance: the real terminal window (Main.qml of the
// CardLink.Terminal module, offscreen) and its controllers take a sale of
// 12.34 against cardlink-cardsim in a private pcscd, online to
// cardlink-host serve over TLS 1.3 with the terminal bundle; the PIN goes in
// through the PIN pad's digit keys (the calls the keypad buttons make).
#include "CardSimProcess.h"
#include "E2eHost.h"
#include "IntegrationEnvironment.h"
#include "Terminal.h"

#include <QFile>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(CardLink_TerminalPlugin)

using namespace cardlink;
using namespace cardlink::e2e;
using namespace cardlink::integration;
using namespace cardlink::terminal;
using State = CheckoutController::State;

namespace {
constexpr int kBoundMs = 30000;

// The PAN (tag 5A) of a card profile's records, as digits.
QString panOf(const QString& profile)
{
    QFile file(profile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression tag(QStringLiteral("5A 08 ((?:[0-9A-F]{2} ?){8})"));
    const auto match = tag.match(QString::fromUtf8(file.readAll()));
    return match.hasMatch() ? match.captured(1).remove(QLatin1Char(' ')).remove(QLatin1Char('F'))
                            : QString();
}
} // namespace

class TestE2eTerminalGui : public QObject
{
    Q_OBJECT

    void writeOutput(const QString& name, const QString& text)
    {
        QFile file(m_out + QLatin1Char('/') + name);
        if (file.open(QIODevice::WriteOnly))
            file.write(text.toUtf8());
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(vpcdPort() > 0, "run through with-pcscd.sh");
        QVERIFY(m_temp.isValid());
        m_out = outputDir(QStringLiteral("tst_e2e_terminal_gui"), m_temp.path());
        m_host = std::make_unique<E2eHost>(m_temp.filePath(QStringLiteral("host")));
        const QString setUp = m_host->setUp();
        QVERIFY2(setUp.isEmpty(), qPrintable(setUp));
        const Run issued =
            m_host->admin({"issue-card", "--kind", "pin-online", "--currency", "826"});
        QVERIFY2(issued.exitCode == 0, qPrintable(issued.summary()));
        QVERIFY2(m_host->start(m_out + QStringLiteral("/host.log")).isEmpty(), "host serve");

        // The demo terminal config with the cards' CA key next to it.
        const QString configDir = m_temp.filePath(QStringLiteral("config"));
        QVERIFY(QDir().mkpath(configDir));
        QVERIFY(QFile::copy(QStringLiteral(":/terminal/terminal-demo.json"),
                            configDir + QStringLiteral("/terminal.json")));
        QVERIFY(QFile::copy(m_host->cardsDir() + QStringLiteral("/ca-keys.json"),
                            configDir + QStringLiteral("/ca-keys.json")));
        qputenv("CARDLINK_TERMINAL_CONFIG",
                (configDir + QStringLiteral("/terminal.json")).toUtf8());
    }

    void cleanupTestCase() { m_host.reset(); }

    void saleThroughTheWindow()
    {
        const QString profile = m_host->cardsDir() + QStringLiteral("/pin-online-1.json");
        const QString pan = panOf(profile);
        QVERIFY2(pan.size() >= 13, qPrintable(pan));
        CardSimProcess sim(profile, 0);
        QVERIFY2(sim.start(), qPrintable(sim.output()));
        const qint64 before = m_host->ledgerSum(QStringLiteral("card:pin-online-1"));

        Terminal::Options options = Terminal::defaultOptions();
        options.bundlePath = m_host->bundleDir();
        options.settingsPath = m_temp.filePath(QStringLiteral("cardlink.ini"));
        options.journalPath = m_temp.filePath(QStringLiteral("journal.db"));
        Terminal terminal(std::move(options));
        QVERIFY(terminal.hostLink());
        Terminal::provide(&terminal);

        QQmlApplicationEngine engine;
        engine.addImportPath(QStringLiteral("qrc:/"));
        engine.load(QUrl(QStringLiteral("qrc:/CardLink/Terminal/Main.qml")));
        QCOMPARE(engine.rootObjects().size(), 1);
        auto* window = qobject_cast<QQuickWindow*>(engine.rootObjects().constFirst());
        QVERIFY(window);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));

        // The echo at start puts the link online.
        QTRY_COMPARE_WITH_TIMEOUT(terminal.link()->state(), LinkStatus::State::Online, kBoundMs);
        QTRY_VERIFY_WITH_TIMEOUT(terminal.readers()->isCardPresent(), kBoundMs);

        CheckoutController* checkout = terminal.checkout();
        for (const char* key : {"1", "2", "3", "4"})
            checkout->amount()->press(QString::fromLatin1(key));
        checkout->startPayment();
        QTRY_VERIFY_WITH_TIMEOUT(
            checkout->state() == State::EnterPin && checkout->pinPad()->isActive(), kBoundMs);
        for (int digit : {1, 2, 3, 4})
            checkout->pinPad()->pressDigit(digit);
        checkout->pinPad()->submit();
        QTRY_COMPARE_WITH_TIMEOUT(checkout->state(), State::Result, kBoundMs);
        writeOutput(QStringLiteral("link-log.txt"), terminal.link()->log()->text());
        QVERIFY2(checkout->resultKind() == CheckoutController::ResultKind::Approved,
                 qPrintable(checkout->resultDetail() + QLatin1Char('\n') +
                            terminal.link()->log()->text()));

        QVERIFY(checkout->receipt()->isAvailable());
        const QString receipt = checkout->receipt()->plainText(Receipt::Copy::Merchant);
        writeOutput(QStringLiteral("receipt.txt"), receipt);
        // Masked: the first 6 and last 4 digits, nothing between them.
        const QRegularExpression cardLine(
            QStringLiteral("Card: %1[^0-9\\n]+%2\\n").arg(pan.left(6), pan.right(4)));
        QVERIFY2(cardLine.match(receipt).hasMatch(), qPrintable(receipt));
        QVERIFY2(!receipt.contains(pan), qPrintable(receipt));
        QVERIFY2(receipt.contains(QStringLiteral("A0000009991010")), qPrintable(receipt));
        QVERIFY2(receipt.contains(QStringLiteral("Cryptogram: TC\n")), qPrintable(receipt));

        auto records = terminal.journal()->all();
        QVERIFY(records && records->size() == 1);
        const journal::JournalRecord& record = records->back();
        QCOMPARE(record.state, journal::JournalState::Completed);
        QCOMPARE(record.cryptogram, journal::CryptogramKind::Tc);
        QCOMPARE(record.amount, std::int64_t{1234});
        const QString masked = QString::fromStdString(record.maskedPan);
        QVERIFY2(masked.startsWith(pan.left(6)) && masked.endsWith(pan.right(4)) &&
                     masked.count(QRegularExpression(QStringLiteral("[0-9]"))) == 10,
                 qPrintable(masked));
        QVERIFY(!record.authCode.empty());
        QVERIFY2(receipt.contains(QString::fromStdString(record.authCode)), qPrintable(receipt));
        // The receipt's STAN is the one the host saw (field 11 of the 0200).
        static const QRegularExpression stanLine(QStringLiteral("STAN: *(\\d+)"));
        const auto stan = stanLine.match(receipt);
        QVERIFY2(stan.hasMatch(), qPrintable(receipt));
        QCOMPARE(stan.captured(1).toUInt(), record.stan);
        const QString hostStan =
            QStringLiteral("STAN %1").arg(record.stan, 6, 10, QLatin1Char('0'));
        QVERIFY2(terminal.link()->log()->text().contains(hostStan),
                 qPrintable(terminal.link()->log()->text()));

        QCOMPARE(m_host->ledgerSum(QStringLiteral("card:pin-online-1")) - before, qint64{-1234});
        const QString log = terminal.link()->log()->text();
        QVERIFY2(log.contains(QStringLiteral("answered")), qPrintable(log));
        QVERIFY2(!log.contains(pan), qPrintable(log));

        // Batch close as the operator does it (Settings -> Close batch...,
        // Enter): the journal's sale and the host's ledger agree, 00.
        QCOMPARE(record.batch, 1);
        window->setProperty("mode", QStringLiteral("batch"));
        BatchController* batch = terminal.batch();
        QTRY_COMPARE_WITH_TIMEOUT(batch->state(), BatchController::State::Ready, kBoundMs);
        QCOMPARE(batch->terminalTotals(), QStringLiteral("1 sale 12.34 GBP, 0 reversals 0.00 GBP"));
        QSignalSpy finished(batch, &BatchController::finished);
        QTest::keyClick(window, Qt::Key_Return);
        QVERIFY(finished.wait(kBoundMs));
        QVERIFY2(batch->state() == BatchController::State::Closed,
                 qPrintable(batch->title() + QLatin1Char('\n') + batch->detail()));
        QCOMPARE(batch->hostTotals(), batch->terminalTotals());
        QCOMPARE(batch->title(), QStringLiteral("Batch 1 closed"));
        Terminal::provide(nullptr);
    }

    // No journal, no online sale: a journal file that does not open keeps
    // the bundle's host link from being set up (nothing could be written
    // Pending before the request left).
    void noJournalNoHostLink()
    {
        const QString broken = m_temp.filePath(QStringLiteral("broken-journal.db"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(4096, 'x'));
        file.close();
        Terminal::Options options = Terminal::defaultOptions();
        options.bundlePath = m_host->bundleDir();
        options.settingsPath = m_temp.filePath(QStringLiteral("cardlink-broken.ini"));
        options.journalPath = broken;
        options.startReaderService = false;
        Terminal terminal(std::move(options));
        QVERIFY(!terminal.journal());
        QVERIFY(!terminal.hostLink());
        QCOMPARE(terminal.link()->state(), LinkStatus::State::Offline);
        QVERIFY2(terminal.link()->lastError().contains(QStringLiteral("journal")),
                 qPrintable(terminal.link()->lastError()));
    }

private:
    QTemporaryDir m_temp;
    QString m_out;
    std::unique_ptr<E2eHost> m_host;
};

QTEST_MAIN(TestE2eTerminalGui)
#include "tst_e2e_terminal_gui.moc"
