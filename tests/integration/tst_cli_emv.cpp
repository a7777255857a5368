// cardlink-cli read and pay end to end through the fixture's real pcscd:
// cardlink-personalize makes a fresh test PKI and one card of every kind in
// a temporary folder; each row inserts one card with cardlink-cardsim
// (--verbose, so every command the card receives is logged), runs `read`
// (asserting the output and that no VERIFY, GENERATE AC, EXTERNAL/INTERNAL
// AUTHENTICATE, GET CHALLENGE or PIN CHANGE reached the card), then `pay
// 12.34` with the stub issuer and asserts the EMV outcome for that kind.
// Rows alternate between the two vpcd slots so a test does not wait for
// pcscd to notice the previous card leaving.
#include "CardSimProcess.h"
#include "IntegrationEnvironment.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <set>

using namespace cardlink::integration;

namespace {

constexpr int kBoundMs = 5000;

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs cardlink-cli with `input` on its stdin (then closed).
Run runCli(const QStringList& arguments, const QByteArray& input = {})
{
    QProcess process;
    process.start(cliPath(), arguments);
    process.write(input);
    process.closeWriteChannel();
    Run run;
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("[timed out]");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    run.err = QString::fromLocal8Bit(process.readAllStandardError());
    return run;
}

// The instruction bytes of the commands in a cardsim --verbose log
// ("cardsim: > 80 A8 00 00 ...").
std::multiset<int> instructions(const QString& log)
{
    static const QRegularExpression command(
        QStringLiteral("^cardsim: > ([0-9A-F]{2}) ([0-9A-F]{2})"),
        QRegularExpression::MultilineOption);
    std::multiset<int> found;
    auto it = command.globalMatch(log);
    while (it.hasNext())
        found.insert(it.next().captured(2).toInt(nullptr, 16));
    return found;
}

// Everything the card simulator logged so far: its pipe is read while
// waiting until it has been quiet for a moment.
QString logNow(CardSimProcess& card)
{
    card.waitForLine(QStringLiteral("(not a line cardsim prints)"), 1, 200);
    return card.output();
}

QString summary(const Run& run)
{
    return QStringLiteral("exit %1\n--- stdout\n%2--- stderr\n%3")
        .arg(run.exitCode)
        .arg(run.out, run.err);
}

} // namespace

class TestCliEmv : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_nextSlot = 0;

    QString cardFile(const QString& kind) const { return m_dir.filePath(kind + "-1.json"); }
    QStringList payArguments(const QString& online, const QString& config = {}) const
    {
        QStringList arguments{"pay",       "12.34",
                              "--reader",  vpcdReaderName(m_nextSlot),
                              "--ca-keys", m_dir.filePath("ca-keys.json"),
                              "--online",  online};
        arguments << "--terminal-config"
                  << m_dir.filePath(config.isEmpty() ? QStringLiteral("terminal-online.json")
                                                     : config);
        return arguments;
    }

    // Inserts the card in the next slot; the slot's previous card must be
    // gone first (pcscd polls vpcd about every 0.4 s).
    // The caller checks QTest::currentTestFailed() after it.
    void insert(const QString& kind, int& slot, std::unique_ptr<CardSimProcess>& card)
    {
        slot = m_nextSlot;
        QTRY_VERIFY_WITH_TIMEOUT(!cardPresent(slot), kBoundMs);
        card = std::make_unique<CardSimProcess>(cardFile(kind), slot);
        card->addArguments({QStringLiteral("--verbose")});
        QVERIFY2(card->start(), qPrintable(card->output()));
        QTRY_VERIFY_WITH_TIMEOUT(cardPresent(slot), kBoundMs);
    }
    void nextSlot() { m_nextSlot = 1 - m_nextSlot; }

private slots:
    void initTestCase()
    {
        QVERIFY2(vpcdPort() > 0, "run through with-pcscd.sh");
        QVERIFY(m_dir.isValid());
        QProcess personalize;
        personalize.start(QStringLiteral(CARDLINK_PERSONALIZE_PATH),
                          {"--out", m_dir.path(), "--ca-bits", "1024", "--issuer-bits", "896",
                           "--icc-bits", "768"});
        QVERIFY(personalize.waitForFinished(30000));
        QVERIFY2(personalize.exitCode() == 0, personalize.readAllStandardError().constData());
        for (const char* file : {"ca-keys.json", "issuer-keys.json", "pin-plaintext-1.json"})
            QVERIFY2(QFile::exists(m_dir.filePath(QLatin1String(file))), file);

        // The demo configuration without velocity checking and random
        // selection: a terminal where a known card under the floor limit is
        // approved offline (EMV 4.4 Book 3, 10.6).
        QFile demo(QStringLiteral(CARDLINK_SOURCE_DIR "/resources/terminal/terminal-demo.json"));
        QVERIFY(demo.open(QIODevice::ReadOnly));
        QJsonObject config = QJsonDocument::fromJson(demo.readAll()).object();
        QVERIFY(config.contains(QStringLiteral("velocity")));
        config.remove(QStringLiteral("velocity"));
        config.remove(QStringLiteral("randomSelection"));
        QFile offline(m_dir.filePath(QStringLiteral("terminal-no-velocity.json")));
        QVERIFY(offline.open(QIODevice::WriteOnly));
        offline.write(QJsonDocument(config).toJson());

        // ... and with a floor limit of 0: every sale exceeds it, so every
        // card goes online, whatever its ATC (Book 3, 10.6.1).
        config[QStringLiteral("floorLimit")] = 0;
        QFile online(m_dir.filePath(QStringLiteral("terminal-online.json")));
        QVERIFY(online.open(QIODevice::WriteOnly));
        online.write(QJsonDocument(config).toJson());
    }

    void cleanup() { nextSlot(); }

    // Expected outcomes for 12.34 on a fresh card with the demo terminal
    // made deterministic (no random selection, no velocity checking) and a
    // floor limit of 0: the sale exceeds the floor limit, and the terminal
    // action code online sends it online (Book 3, 10.6.1, 10.7). The stub
    // issuer approves a good ARQC, declines an expired card (54). The card
    // counts `read`'s GPO, so pay's ARQC carries ATC 2.
    void readAndPay_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("online");
        QTest::addColumn<QString>("config");
        QTest::addColumn<QByteArray>("pin");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("outcome");
        QTest::addColumn<QStringList>("mentions");

        const QString stub = QStringLiteral("stub:") + m_dir.filePath("issuer-keys.json");
        const QByteArray pin("1234\n");
        const QStringList online{"Issuer authentication: ok", "Cryptogram: TC", "ARC: 00 (3030)",
                                 "Issuer (stub): ARQC verified (3DES, ATC 0002); approved (00)",
                                 "transaction exceeds floor limit"};
        auto with = [&](QStringList extra) {
            return online + extra;
        };

        QTest::addRow("sda") << "sda" << stub << "" << pin << 0 << "approved online"
                             << with({"CVM results: 410302", "Message: PIN OK"});
        QTest::addRow("dda") << "dda" << stub << "" << pin << 0 << "approved online"
                             << with({"CVM results: 410302"});
        QTest::addRow("cda") << "cda" << stub << "" << pin << 0 << "approved online"
                             << QStringList{"Issuer authentication: ok", "Cryptogram: TC",
                                            "ARQC verified (AES, ATC 0002); approved (00)"};
        QTest::addRow("pin-plaintext")
            << "pin-plaintext" << stub << "" << pin << 0 << "approved online"
            << with({"CVM results: 410302", "Signature required: no"});
        QTest::addRow("pin-enciphered") << "pin-enciphered" << stub << "" << pin << 0
                                        << "approved online" << with({"CVM results: 440302"});
        QTest::addRow("pin-online")
            << "pin-online" << stub << "" << pin << 0 << "approved online"
            << QStringList{"CVM results: 420300", "online PIN entered", "online PIN correct",
                           "Issuer authentication: ok", "Cryptogram: TC"};
        QTest::addRow("signature")
            << "signature" << stub << "" << QByteArray() << 0 << "approved online"
            << with({"CVM results: 1E0300", "Signature required: yes"});
        QTest::addRow("no-cvm") << "no-cvm" << stub << "" << QByteArray() << 0 << "approved online"
                                << with({"CVM results: 1F0002"});
        // Book 3, 10.5.1: PIN try limit exceeded; the CVM list goes on to
        // signature; the TVR bit makes the issuer action code ask for online.
        QTest::addRow("pin-blocked")
            << "pin-blocked" << stub << "" << QByteArray() << 0 << "approved online"
            << with({"PIN try limit exceeded", "Signature required: yes"});
        // Book 3, 10.4.3: expired application in the TVR; the issuer declines.
        QTest::addRow("expired") << "expired" << stub << "" << pin << 10 << "declined online"
                                 << QStringList{"expired application",
                                                "card expired; declined (54)", "ARC: 54 (3534)",
                                                "Cryptogram: AAC", "Issuer authentication: ok"};
        // Book 1, 12.3.2: SELECT answers 6283, the application is not a candidate.
        QTest::addRow("app-blocked") << "app-blocked" << stub << "" << pin << 12 << "not accepted"
                                     << QStringList{"no application"};
        // The host declines without an ARPC: the card gives an AAC.
        QTest::addRow("pin-plaintext-host-declines")
            << "pin-plaintext"
            << "decline"
            << "" << pin << 10 << "declined online"
            << QStringList{"Issuer (decline)", "Cryptogram: AAC", "ARC: 05"};
        // Unable to go online: TAC default byte 4 has "transaction exceeds
        // floor limit", so the default action analysis declines (Book 3,
        // 10.7; 8A = Z3).
        QTest::addRow("pin-plaintext-unable-to-go-online")
            << "pin-plaintext"
            << "offline"
            << "" << pin << 10 << "declined (unable to go online)"
            << QStringList{"Issuer (offline)", "Cryptogram: AAC", "ARC: Z3"};
        // No velocity checking: a PIN-verified card under the floor limit
        // and its offline limit gets a TC at the first GENERATE AC.
        QTest::addRow("pin-plaintext-approved-offline")
            << "pin-plaintext" << stub << "terminal-no-velocity.json" << pin << 0
            << "approved offline" << QStringList{"Cryptogram: TC", "CVM results: 410302"};
        // No PIN on stdin: PIN entry is cancelled, so is the transaction.
        QTest::addRow("pin-plaintext-no-pin")
            << "pin-plaintext" << stub << "" << QByteArray() << 11 << "cancelled" << QStringList{};
    }
    void readAndPay()
    {
        QFETCH(QString, kind);
        QFETCH(QString, online);
        QFETCH(QString, config);
        QFETCH(QByteArray, pin);
        QFETCH(int, exitCode);
        QFETCH(QString, outcome);
        QFETCH(QStringList, mentions);

        int slot = 0;
        std::unique_ptr<CardSimProcess> card;
        insert(kind, slot, card);
        QVERIFY(card && !QTest::currentTestFailed());

        // read: the card's public data; nothing that spends a PIN try or a
        // cryptogram reaches the card.
        const Run read = runCli({"read", "--reader", vpcdReaderName(slot)});
        const QString readLog = logNow(*card);
        const auto readCommands = instructions(readLog);
        for (int forbidden : {0x20, 0xAE, 0x82, 0x88, 0x84, 0x24, 0x1E, 0x18, 0x16})
            QVERIFY2(
                readCommands.count(forbidden) == 0,
                qPrintable(
                    QStringLiteral("read sent INS %1:\n%2").arg(forbidden, 2, 16).arg(readLog)));
        QVERIFY2(readCommands.count(0xA4) > 0, qPrintable(readLog)); // SELECT
        if (kind == QLatin1String("app-blocked")) {
            QCOMPARE(read.exitCode, 12);
            QVERIFY2(read.err.contains(QStringLiteral("no application could be selected")),
                     qPrintable(summary(read)));
        } else {
            QVERIFY2(read.exitCode == 0, qPrintable(summary(read)));
            QVERIFY(readCommands.count(0xA8) == 1); // GET PROCESSING OPTIONS
            QVERIFY(readCommands.count(0xB2) >= 4); // PSE directory + records
            QVERIFY(readCommands.count(0xCA) == 2); // GET DATA 9F17, 9F36
            const QString oda = kind == QLatin1String("sda")   ? QStringLiteral("SDA")
                                : kind == QLatin1String("cda") ? QStringLiteral("CDA")
                                                               : QStringLiteral("DDA");
            const QString tries = kind == QLatin1String("pin-blocked") ? "0" : "3";
            const QString expiry = kind == QLatin1String("expired") ? "2023-01-31" : "2030-12-31";
            for (const QString& line :
                 {QStringLiteral("Applications (PSE):\n  A0000009991010  CARDLINK TEST"),
                  QStringLiteral("Selected: A0000009991010 CARDLINK TEST"),
                  QStringLiteral("Offline data authentication: ") + oda,
                  QStringLiteral("Expiry: ") + expiry, QStringLiteral("PIN tries left: ") + tries,
                  QStringLiteral("ATC: 1"), QStringLiteral("CVM list:\n  amount X 0")})
                QVERIFY2(read.out.contains(line), qPrintable(line + "\n" + summary(read)));
            // PAN: first 6 and last 4 digits only.
            QVERIFY2(QRegularExpression(QStringLiteral("\\nPAN: 999999\\D+\\d{4}\\n"))
                         .match(read.out)
                         .hasMatch(),
                     qPrintable(read.out));
        }

        // pay
        m_nextSlot = slot;
        const Run pay = runCli(payArguments(online, config), pin);
        const QString payLog = logNow(*card).mid(readLog.size());
        QVERIFY2(pay.exitCode == exitCode, qPrintable(summary(pay) + payLog));
        QVERIFY2(pay.out.contains(QStringLiteral("Outcome: ") + outcome + "\n"),
                 qPrintable(summary(pay)));
        for (const auto& mention : mentions)
            QVERIFY2(pay.out.contains(mention), qPrintable(mention + "\n" + summary(pay)));
        if (exitCode == 0 || exitCode == 10) {
            QVERIFY2(pay.out.contains(QStringLiteral("AID: A0000009991010\n")),
                     qPrintable(pay.out));
            QVERIFY2(pay.out.contains(QStringLiteral("Label: CARDLINK TEST\n")),
                     qPrintable(pay.out));
            QVERIFY2(QRegularExpression(QStringLiteral("\\nTVR: [0-9A-F]{10}"))
                         .match(pay.out)
                         .hasMatch(),
                     qPrintable(pay.out));
            QVERIFY2(QRegularExpression(QStringLiteral("\\nTSI: [0-9A-F]{4}\\n"))
                         .match(pay.out)
                         .hasMatch(),
                     qPrintable(pay.out));
            QVERIFY2(QRegularExpression(QStringLiteral("\\nPAN: 999999\\D+\\d{4}\\n"))
                         .match(pay.out)
                         .hasMatch(),
                     qPrintable(pay.out));
            QVERIFY(instructions(payLog).count(0xAE) >= 1); // GENERATE AC
        }
        // The PIN never shows: not on the command line, not in any output,
        // and the card's log masks the VERIFY data.
        for (const QString& text : {pay.out, pay.err})
            QVERIFY2(!text.contains(QStringLiteral("1234")), qPrintable(text));
        QVERIFY2(!payLog.contains(QStringLiteral("12 34 FF")), qPrintable(payLog));
        if (instructions(payLog).count(0x20) > 0)
            QVERIFY2(payLog.contains(QStringLiteral(" **")), qPrintable(payLog));
    }

    // A wrong PIN is counted by the card: the next `read` shows one try less.
    void wrongPinCounted()
    {
        int slot = 0;
        std::unique_ptr<CardSimProcess> card;
        insert(QStringLiteral("pin-plaintext"), slot, card);
        QVERIFY(card && !QTest::currentTestFailed());
        m_nextSlot = slot;
        const Run pay = runCli(
            payArguments(QStringLiteral("stub:") + m_dir.filePath("issuer-keys.json")), "0000\n");
        QVERIFY2(pay.exitCode == 11, qPrintable(summary(pay)));
        QVERIFY2(pay.out.contains(QStringLiteral("Message: incorrect PIN\n")), qPrintable(pay.out));
        QVERIFY2(pay.out.contains(QStringLiteral("Outcome: cancelled\n")), qPrintable(pay.out));
        QVERIFY(logNow(*card).contains(QStringLiteral("cardsim: > 00 20 00 80 08 **")));

        const Run read = runCli({"read", "--reader", vpcdReaderName(slot)});
        QVERIFY2(read.exitCode == 0, qPrintable(summary(read)));
        QVERIFY2(read.out.contains(QStringLiteral("PIN tries left: 2\n")), qPrintable(read.out));

        // The right PIN then approves, and the card resets its counter.
        const Run again = runCli(
            payArguments(QStringLiteral("stub:") + m_dir.filePath("issuer-keys.json")), "1234\n");
        QVERIFY2(again.exitCode == 0, qPrintable(summary(again)));
        QVERIFY2(again.out.contains(QStringLiteral("Message: PIN OK")), qPrintable(again.out));
        const Run after = runCli({"read", "--reader", vpcdReaderName(slot)});
        QVERIFY2(after.out.contains(QStringLiteral("PIN tries left: 3\n")), qPrintable(after.out));
    }

    // The card leaves the reader while the terminal waits for the PIN: the
    // VERIFY that follows fails, and pay says so with exit code 6.
    void cardRemovedMidFlow()
    {
        int slot = 0;
        std::unique_ptr<CardSimProcess> card;
        insert(QStringLiteral("pin-plaintext"), slot, card);
        QVERIFY(card && !QTest::currentTestFailed());
        m_nextSlot = slot;
        QProcess pay;
        pay.start(cliPath(),
                  payArguments(QStringLiteral("stub:") + m_dir.filePath("issuer-keys.json")));
        QVERIFY(pay.waitForStarted());
        // GET DATA 9F17 (PIN try counter) comes right before the PIN is asked for.
        QVERIFY2(card->waitForLine(QStringLiteral("cardsim: > 80 CA 9F 17 00"), 1, 10000),
                 qPrintable(card->output()));
        QVERIFY(card->remove());
        QTRY_VERIFY_WITH_TIMEOUT(!cardPresent(slot), kBoundMs);
        pay.write("1234\n");
        pay.closeWriteChannel();
        QVERIFY(pay.waitForFinished(20000));
        const QString err = QString::fromLocal8Bit(pay.readAllStandardError());
        QVERIFY2(pay.exitCode() == 6, qPrintable(err));
        QVERIFY2(
            err.startsWith(QStringLiteral("cardlink-cli: pay: card error: the card was removed")),
            qPrintable(err));
        QCOMPARE(err.count(QLatin1Char('\n')), 1);
    }
};

QTEST_GUILESS_MAIN(TestCliEmv)
#include "tst_cli_emv.moc"
