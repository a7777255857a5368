// Terminal, the composition root, wires what Diagnostics and the receipt
// read: the diagnostics bundle gets the journal (core Journal::all()), the
// settings and the kernel config; the receipt's Terminal line follows the
// terminal ID in use (the settings' without a terminal bundle).
#include "Terminal.h"
#include "terminal/ScriptedRunner.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cardlink;
using namespace cardlink::terminal;

namespace {
const QString kReader = QStringLiteral("Virtual PCD 00 00");
}

class TestTerminalWiring : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto options = Terminal::defaultOptions();
        options.settingsPath = m_dir.filePath(QStringLiteral("settings.ini"));
        options.journalPath = m_dir.filePath(QStringLiteral("journal.db"));
        options.startReaderService = false;
        options.runner = std::make_unique<test::ScriptedRunner>();
        m_terminal = std::make_unique<Terminal>(std::move(options));
        QVERIFY(m_terminal->journal());
    }
    void cleanup() { m_terminal.reset(); }

    void bundleReadsJournalSettingsAndConfig()
    {
        m_terminal->settings()->setTerminalId(QStringLiteral("SHOP0001"));
        QVERIFY(m_terminal->settings()->save());
        const QString text = m_terminal->diagnostics()->buildBundle().text();
        for (const char* expected :
             {"== Journal ==\n0 record(s)", "Terminal ID: SHOP0001",
              "Terminal ID [9F1C]: ", "Host link in use: none", "== Host link ==\nState: "})
            QVERIFY2(text.contains(QLatin1String(expected)), qPrintable(text));
        QVERIFY(!text.contains(QLatin1String("No journal connected")));
    }

    void receiptNamesTheSettingsTerminal()
    {
        m_terminal->settings()->setTerminalId(QStringLiteral("SHOP0001"));
        QVERIFY(m_terminal->settings()->save());
        CheckoutController* checkout = m_terminal->checkout();
        m_terminal->readers()->setReaders({kReader});
        for (const char* key : {"2", "5", "0"})
            checkout->amount()->press(QString::fromLatin1(key));
        QSignalSpy finished(checkout, &CheckoutController::transactionFinished);
        checkout->startPayment();
        m_terminal->readers()->setCardInserted(kReader, QByteArray::fromHex("3B00"));
        QVERIFY(finished.wait(5000));
        QVERIFY(checkout->receipt()->isAvailable());
        const QString receipt = checkout->receipt()->plainText(Receipt::Copy::Merchant);
        QVERIFY2(receipt.contains(QStringLiteral("Terminal: SHOP0001\n")), qPrintable(receipt));
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Terminal> m_terminal;
};

QTEST_MAIN(TestTerminalWiring)
#include "tst_terminal_wiring.moc"
