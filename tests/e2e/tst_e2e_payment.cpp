// Issue 4's end-to-end acceptance: cardlink-cardsim in a private pcscd ->
// `cardlink-cli pay 12.34 --host BUNDLE` -> cardlink-host serve over
// TLS 1.3 on loopback. Everything is real and separate processes: the host's
// admin CLI sets up the host, the terminal bundle and the cards (PIN through
// stdin), `serve` answers, the card checks the ARPC and runs the issuer's
// scripts. After every test the ledger (host.db, read-only) sums to zero, and
// the test PIN appears in no log, output or database file.
#include "CardSimProcess.h"
#include "E2eHost.h"
#include "IntegrationEnvironment.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cardlink::e2e;
using namespace cardlink::integration;

namespace {
constexpr int kBoundMs = 5000;
// Unlikely to appear by chance in a hex dump or a key file.
const QByteArray kPin = "73918246";
const QByteArray kWrongPin = "51627384";

// The card's PAN from the 5A of its profile's records.
QString panOf(const QString& profile)
{
    QFile file(profile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    static const QRegularExpression pan(QStringLiteral("5A 08 ((?:[0-9A-F]{2} ?){8})"));
    const auto match = pan.match(QString::fromLatin1(file.readAll()));
    return match.hasMatch() ? match.captured(1).remove(QLatin1Char(' ')) : QString();
}
} // namespace

class TestE2ePayment : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_temp;
    QString m_out;
    std::unique_ptr<E2eHost> m_host;
    std::unique_ptr<E2eHost> m_otherHost; // issues cards this host does not know
    int m_nextSlot = 0;
    int m_runs = 0;

    QString card(const QString& name) const { return m_host->cardsDir() + "/" + name + ".json"; }

    // Inserts `profile` in the next vpcd slot and pays there.
    Run pay(const QString& profile, const QByteArray& pin, std::unique_ptr<CardSimProcess>& sim)
    {
        const int slot = m_nextSlot;
        m_nextSlot = 1 - m_nextSlot;
        Run failed;
        if (!QTest::qWaitFor([&] { return !cardPresent(slot); }, kBoundMs)) {
            failed.err = QStringLiteral("slot %1 still holds a card").arg(slot);
            return failed;
        }
        sim = std::make_unique<CardSimProcess>(profile, slot);
        sim->addArguments({QStringLiteral("--verbose")});
        if (!sim->start() || !QTest::qWaitFor([&] { return cardPresent(slot); }, kBoundMs)) {
            failed.err = QStringLiteral("card not inserted: ") + sim->output();
            return failed;
        }
        return payIn(slot, pin, *sim);
    }

    // pay 12.34 against the card in `slot`, with `pin` on stdin; the output
    // is kept under m_out.
    Run payIn(int slot, const QByteArray& pin, CardSimProcess& sim)
    {
        Run run = runProgram(cliPath(),
                             {"pay", "12.34", "--reader", vpcdReaderName(slot), "--ca-keys",
                              m_host->cardsDir() + "/ca-keys.json", "--host", m_host->bundleDir(),
                              "--force-online"},
                             pin + "\n");
        // The card's pipe is read while waiting for a line that never comes.
        sim.waitForLine(QStringLiteral("(not a line cardsim prints)"), 1, 300);
        QFile log(QStringLiteral("%1/pay-%2-%3.txt")
                      .arg(m_out)
                      .arg(++m_runs)
                      .arg(QString::fromLatin1(QTest::currentTestFunction())));
        if (log.open(QIODevice::WriteOnly))
            // Only what the terminal printed: the simulated card's own
            // exchange log holds its records (PAN in tags 5A/57) in clear, as
            // the card's memory does, and is not terminal output.
            log.write(run.summary().toUtf8());
        return run;
    }

    static QString hostAnswer(const Run& run)
    {
        static const QRegularExpression answered(QStringLiteral("Host: answered (\\d\\d)"));
        const auto match = answered.match(run.out);
        return match.hasMatch() ? match.captured(1) : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(vpcdPort() > 0, "run through with-pcscd.sh");
        QVERIFY(m_temp.isValid());
        m_out = outputDir(QStringLiteral("tst_e2e_payment"), m_temp.path());
        m_host = std::make_unique<E2eHost>(m_temp.filePath(QStringLiteral("host")));
        const QString setUp = m_host->setUp();
        QVERIFY2(setUp.isEmpty(), qPrintable(setUp));
        // One card per test: a new cardsim process starts from the profile,
        // so a card used twice would send the same ATC (a replay to the
        // host). pin-online-1/-2 and expired-1 (limit 1000.00), pin-online-3
        // with a credit limit of 10.00, pin-online-4 to be blocked.
        const QList<QStringList> issues{
            {"issue-card", "--kind", "pin-online,expired", "--count", "2", "--currency", "826"},
            {"issue-card", "--kind", "pin-online", "--currency", "826", "--limit", "10.00"},
            {"issue-card", "--kind", "pin-online", "--currency", "826"},
        };
        for (const auto& issue : issues) {
            const Run run =
                m_host->admin(issue + QStringList{"--pin-stdin", "--test-keys"}, kPin + "\n");
            QVERIFY2(run.exitCode == 0, qPrintable(run.summary()));
        }
        // Another issuer's cards: pin-online-5 has a PAN our host never saw.
        m_otherHost = std::make_unique<E2eHost>(m_temp.filePath(QStringLiteral("other")));
        QCOMPARE(m_otherHost->setUp(), QString());
        const Run other = m_otherHost->admin({"issue-card", "--kind", "pin-online", "--count", "5",
                                              "--currency", "826", "--pin-stdin", "--test-keys"},
                                             kPin + "\n");
        QVERIFY2(other.exitCode == 0, qPrintable(other.summary()));

        const QString started = m_host->start(m_out + QStringLiteral("/host.log"));
        QVERIFY2(started.isEmpty(), qPrintable(started));
        const Run echo = runProgram(cliPath(), {"echo", "--host", m_host->bundleDir()});
        QVERIFY2(echo.exitCode == 0 && echo.out.contains(QStringLiteral(": 00 (")),
                 qPrintable(echo.summary()));
    }

    // Double entry: whatever happened, debits and credits cancel out.
    void cleanup()
    {
        QCOMPARE(m_host->ledgerSum(), qint64{0});
        const Run report = m_host->admin({"report"});
        QVERIFY2(report.exitCode == 0 && report.out.contains(QStringLiteral("ledger sum 0.00")),
                 qPrintable(report.summary()));
    }

    void cleanupTestCase()
    {
        if (m_host)
            m_host->stop();
    }

    void payment_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QByteArray>("pin");
        QTest::addColumn<QString>("account");
        QTest::addColumn<QString>("responseCode");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<qint64>("balanceChange");
        QTest::addColumn<QString>("cryptogram");

        QTest::addRow("approved") << "pin-online-1" << kPin << "card:pin-online-1"
                                  << "00" << 0 << qint64{-1234} << "TC";
        QTest::addRow("wrong-pin") << "pin-online-2" << kWrongPin << "card:pin-online-2"
                                   << "55" << 10 << qint64{0} << "AAC";
        QTest::addRow("insufficient-funds") << "pin-online-3" << kPin << "card:pin-online-3"
                                            << "51" << 10 << qint64{0} << "AAC";
        QTest::addRow("expired") << "expired-1" << kPin << "card:expired-1"
                                 << "54" << 10 << qint64{0} << "AAC";
        QTest::addRow("unknown-card")
            << "other:pin-online-5" << kPin << QString() << "14" << 10 << qint64{0} << "AAC";
    }
    void payment()
    {
        QFETCH(QString, profile);
        QFETCH(QByteArray, pin);
        QFETCH(QString, account);
        QFETCH(QString, responseCode);
        QFETCH(int, exitCode);
        QFETCH(qint64, balanceChange);
        QFETCH(QString, cryptogram);

        const QString file = profile.startsWith(QStringLiteral("other:"))
                                 ? m_otherHost->cardsDir() + "/" + profile.mid(6) + ".json"
                                 : card(profile);
        const qint64 before = account.isEmpty() ? 0 : m_host->ledgerSum(account);
        const qint64 triesBefore = m_host->queryNumber(
            QStringLiteral("SELECT pin_try_count FROM cards WHERE account_id = '%1'").arg(account));
        const qint64 entriesBefore =
            m_host->queryNumber(QStringLiteral("SELECT COUNT(*) FROM ledger_entries"));
        std::unique_ptr<CardSimProcess> sim;
        const Run run = pay(file, pin, sim);
        QVERIFY2(!QTest::currentTestFailed(), "");
        QCOMPARE(hostAnswer(run), responseCode);
        QVERIFY2(run.exitCode == exitCode, qPrintable(run.summary()));
        // The card's second GENERATE AC: TC when the host approved.
        QVERIFY2(run.out.contains(QStringLiteral("Cryptogram: ") + cryptogram),
                 qPrintable(run.summary()));
        QVERIFY2(run.out.contains(QStringLiteral("Issuer authentication: ok")) ||
                     responseCode == "14",
                 qPrintable(run.summary()));
        if (!account.isEmpty())
            QCOMPARE(m_host->ledgerSum(account) - before, balanceChange);
        const qint64 entriesAfter =
            m_host->queryNumber(QStringLiteral("SELECT COUNT(*) FROM ledger_entries"));
        QCOMPARE(entriesAfter - entriesBefore, balanceChange == 0 ? qint64{0} : qint64{2});
        if (responseCode == "55") {
            // The host counted the wrong PIN (the card never saw it: online PIN).
            QCOMPARE(m_host->queryNumber(QStringLiteral("SELECT pin_try_count FROM cards WHERE "
                                                        "account_id = '%1'")
                                             .arg(account)),
                     triesBefore + 1);
        }
        // A PAN is only ever shown masked.
        QVERIFY(!run.out.contains(panOf(file)));
    }

    // block-card marks the card; the next authorization is refused and the
    // answer carries an application block script that the card executes, so
    // the card itself refuses the next transaction.
    void blockedCard()
    {
        const QString file = card(QStringLiteral("pin-online-4"));
        const QString pan = panOf(file);
        QVERIFY(!pan.isEmpty());
        // The admin CLI writes host.db while serve runs (WAL: serve's writer
        // must see the change and keep committing).
        const Run block = m_host->admin({"block-card", "--pan", pan});
        QVERIFY2(block.exitCode == 0, qPrintable(block.summary()));
        QVERIFY(!block.out.contains(pan));

        std::unique_ptr<CardSimProcess> sim;
        const qint64 before = m_host->ledgerSum(QStringLiteral("card:pin-online-4"));
        const Run first = pay(file, kPin, sim);
        QVERIFY2(!QTest::currentTestFailed(), "");
        const QString code = hostAnswer(first);
        QVERIFY2(code == "62" || code == "57", qPrintable(first.summary()));
        QVERIFY2(first.out.contains(QStringLiteral("issuer script")), qPrintable(first.summary()));
        QCOMPARE(first.exitCode, 10);
        QCOMPARE(m_host->ledgerSum(QStringLiteral("card:pin-online-4")), before);
        // The script reached the card (APPLICATION BLOCK, CLA 84 INS 1E).
        QVERIFY2(sim->output().contains(QStringLiteral("> 84 1E")), qPrintable(sim->output()));

        // The same card again (the simulator keeps its state while it runs):
        // the card refuses its blocked application, nothing goes online.
        const qsizetype logged = sim->output().size();
        const Run second = payIn(1 - m_nextSlot, kPin, *sim);
        // SELECT of the blocked application answers its FCI with SW 6283
        // (EMV 4.4 Book 1, 12.3.2: application blocked).
        const QString secondLog = sim->output().mid(logged);
        QVERIFY2(secondLog.contains(QStringLiteral(" 62 83 (")), qPrintable(secondLog));
        QVERIFY2(second.exitCode == 12, qPrintable(second.summary()));
        QVERIFY2(second.out.contains(QStringLiteral("Outcome: not accepted")),
                 qPrintable(second.summary()));
        QCOMPARE(hostAnswer(second), QString());
    }

    // The PIN appears nowhere: host log, pay outputs, the database files.
    void pinNeverStored()
    {
        QStringList files;
        for (const QString& dir : {m_out, m_host->dir()}) {
            QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
        }
        QVERIFY(files.contains(m_out + QStringLiteral("/host.log")));
        QVERIFY(files.contains(m_host->database()));
        for (const QString& path : files) {
            QFile file(path);
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
            const QByteArray bytes = file.readAll();
            for (const QByteArray& pin : {kPin, kWrongPin}) {
                QVERIFY2(!bytes.contains(pin), qPrintable(path));
                QVERIFY2(!bytes.contains(pin.toHex()), qPrintable(path));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestE2ePayment)
#include "tst_e2e_payment.moc"
