// cardlink-cli end to end, as a process, against the fixture's pcscd with a
// simulated T=1 card in slot 0 and slot 1 empty: help texts, readers, atr
// (from the card, and from hex, good and bad), apdu (with --trace), watch,
// bad arguments, and the exit code of each (documented in --help).
#include "CardSimProcess.h"
#include "DemoProfile.h"
#include "IntegrationEnvironment.h"
#include "util/Bytes.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <memory>

using namespace cardlink;
using namespace cardlink::integration;

namespace {

constexpr int kBoundMs = 3000;

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& arguments, int timeoutMs = 15000)
{
    QProcess process;
    process.start(cliPath(), arguments);
    Run run;
    if (!process.waitForFinished(timeoutMs)) {
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

QString spaced(const Bytes& bytes)
{
    return QString::fromStdString(toSpacedHex(bytes));
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<CardSimProcess> m_card;
    DemoProfile m_profile;
    QString m_atr; // spaced hex
    QString m_aid; // hex

private slots:
    void initTestCase()
    {
        QVERIFY2(vpcdPort() > 0, "run through with-pcscd.sh");
        QString why;
        const auto profile = DemoProfile::load(QStringLiteral("iso-demo-t1.json"), &why);
        QVERIFY2(profile, qPrintable(why));
        m_profile = *profile;
        m_atr = spaced(m_profile.atr);
        m_aid = QString::fromStdString(toHex(m_profile.aid));
        QVERIFY(!m_aid.isEmpty());
        QVERIFY(m_profile.hasPin);

        m_card = std::make_unique<CardSimProcess>(QStringLiteral("iso-demo-t1.json"));
        QVERIFY2(m_card->start(), qPrintable(m_card->output()));
        // Until pcscd has polled vpcd, `readers` shows slot 0 empty.
        QTRY_VERIFY_WITH_TIMEOUT(runCli({"readers"}).out.contains(QStringLiteral("(card:")),
                                 kBoundMs);
    }

    void cleanupTestCase() { m_card.reset(); }

    // Each row: arguments, exit code, a pattern stdout must match, one stderr
    // must match ("" = must be empty). %ATR% and %AID% are filled in.
    void commands_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stdoutPattern");
        QTest::addColumn<QString>("stderrPattern");

        // Help: global and per command.
        QTest::addRow("help") << QStringList{"--help"} << 0
                              << "Commands:[\\s\\S]*readers[\\s\\S]*atr[\\s\\S]*apdu[\\s\\S]*"
                                 "watch[\\s\\S]*Exit codes:[\\s\\S]*4  pcscd is not running"
                              << "";
        QTest::addRow("help-short") << QStringList{"-h"} << 0 << "^Usage: cardlink-cli"
                                    << "";
        QTest::addRow("help-readers")
            << QStringList{"readers", "--help"} << 0 << "^Usage: cardlink-cli readers"
            << "";
        QTest::addRow("help-atr") << QStringList{"atr", "--help"} << 0
                                  << "^Usage: cardlink-cli atr [\\s\\S]*--reader"
                                  << "";
        QTest::addRow("help-apdu")
            << QStringList{"apdu", "--help"} << 0 << "^Usage: cardlink-cli apdu [\\s\\S]*--trace"
            << "";
        QTest::addRow("help-watch")
            << QStringList{"watch", "--help"} << 0
            << "^Usage: cardlink-cli watch [\\s\\S]*--count[\\s\\S]*--timeout"
            << "";
        QTest::addRow("version") << QStringList{"--version"} << 0 << "^cardlink-cli \\d"
                                 << "";

        // Bad command lines: exit 2, one line on stderr, nothing on stdout.
        QTest::addRow("no-arguments") << QStringList{} << 2 << "^Usage:"
                                      << "";
        QTest::addRow("unknown-command") << QStringList{"frobnicate"} << 2 << "^$"
                                         << "^cardlink-cli: unknown command 'frobnicate'.*\\n$";
        QTest::addRow("unknown-global-option") << QStringList{"--frob"} << 2 << "^$"
                                               << "^cardlink-cli: unknown option '--frob'.*\\n$";
        QTest::addRow("unknown-option") << QStringList{"atr", "--bogus"} << 2 << "^$"
                                        << "^cardlink-cli: atr: unknown option 'bogus'.*\\n$";
        QTest::addRow("missing-value") << QStringList{"atr", "--reader"} << 2 << "^$"
                                       << "^cardlink-cli: atr: .*reader.*\\n$";
        QTest::addRow("readers-extra-argument") << QStringList{"readers", "x"} << 2 << "^$"
                                                << "^cardlink-cli: readers: unexpected.*\\n$";
        QTest::addRow("atr-reader-and-hex")
            << QStringList{"atr", "--reader", "0", "3B00"} << 2 << "^$"
            << "^cardlink-cli: atr: give either.*\\n$";
        QTest::addRow("apdu-nothing") << QStringList{"apdu"} << 2 << "^$"
                                      << "^cardlink-cli: apdu: no APDU given.*\\n$";
        QTest::addRow("watch-bad-count") << QStringList{"watch", "--count", "x"} << 2 << "^$"
                                         << "^cardlink-cli: watch: --count.*\\n$";
        QTest::addRow("watch-bad-timeout") << QStringList{"watch", "--timeout", "-1"} << 2 << "^$"
                                           << "^cardlink-cli: watch: --timeout.*\\n$";

        // readers
        QTest::addRow("readers") << QStringList{"readers"} << 0
                                 << "^0: Virtual PCD 00 00 \\(card: %ATR%\\)\\n"
                                    "1: Virtual PCD 00 01 \\(no card\\)\\n$"
                                 << "";

        // atr from the card
        QTest::addRow("atr") << QStringList{"atr"} << 0
                             << "^Reader: Virtual PCD 00 00\\nProtocol: T=1\\nATR: %ATR%\\n.+"
                             << "";
        QTest::addRow("atr-reader-index")
            << QStringList{"atr", "--reader", "0"} << 0 << "ATR: %ATR%\\n"
            << "";
        QTest::addRow("atr-reader-name")
            << QStringList{"atr", "--reader", "Virtual PCD 00 00"} << 0 << "ATR: %ATR%\\n"
            << "";
        QTest::addRow("atr-empty-reader") << QStringList{"atr", "--reader", "1"} << 6 << "^$"
                                          << "^cardlink-cli: card removed: .*\\n$";
        QTest::addRow("atr-no-such-index") << QStringList{"atr", "--reader", "7"} << 5 << "^$"
                                           << "^cardlink-cli: not found: no reader 7 .*\\n$";
        QTest::addRow("atr-no-such-name")
            << QStringList{"atr", "-r", "Nope"} << 5 << "^$"
            << "^cardlink-cli: not found: no reader named 'Nope'.*\\n$";

        // atr HEX: ISO/IEC 7816-3:2006 examples and broken ones.
        QTest::addRow("atr-hex-t0")
            << QStringList{"atr", "3B021450"} << 0 << "^ATR: 3B 02 14 50\\n.+"
            << "";
        QTest::addRow("atr-hex-spaced")
            << QStringList{"atr", "3b", "02", "14", "50"} << 0 << "^ATR: 3B 02 14 50\\n"
            << "";
        QTest::addRow("atr-hex-profile") << QStringList{"atr", "%ATR%"} << 0 << "^ATR: %ATR%\\n.+"
                                         << "";
        QTest::addRow("atr-hex-truncated") << QStringList{"atr", "3B8F80"} << 3 << "^$"
                                           << "^cardlink-cli: atr: not a valid ATR .*\\n$";
        QTest::addRow("atr-hex-bad-ts") << QStringList{"atr", "3C00"} << 3 << "^$"
                                        << "^cardlink-cli: atr: not a valid ATR .*\\n$";
        QTest::addRow("atr-hex-empty") << QStringList{"atr", ""} << 3 << "^$"
                                       << "^cardlink-cli: atr: not a valid ATR.*\\n$";
        QTest::addRow("atr-not-hex") << QStringList{"atr", "3BZZ"} << 3 << "^$"
                                     << "^cardlink-cli: atr: '3BZZ' is not hex.*\\n$";

        // apdu: SELECT by AID (case 4, T=1), one for nothing (6A82), bad input.
        QTest::addRow("apdu-select") << QStringList{"apdu", "00A40400%AIDLC%%AID%00"} << 0
                                     << "^< 6F [0-9A-F ]* 90 00\\n  9000: normal processing\\n$"
                                     << "";
        QTest::addRow("apdu-two") << QStringList{"apdu", "00A40400%AIDLC%%AID%00", "00A4000C"} << 0
                                  << "^(< [0-9A-F ]+\\n  9000: [^\\n]+\\n){2}$"
                                  << "";
        QTest::addRow("apdu-not-found")
            << QStringList{"apdu", "00A4040005FFFFFFFFFF00"} << 9
            << "^< 6A 82\\n  6A82: [^\\n]*not found[^\\n]*\\n$"
            << "^cardlink-cli: apdu: the card rejected 1 of 1 commands\\n$";
        QTest::addRow("apdu-reader-1-empty")
            << QStringList{"apdu", "-r", "1", "00A4000C"} << 6 << "^$"
            << "^cardlink-cli: card removed: .*\\n$";
        QTest::addRow("apdu-not-hex") << QStringList{"apdu", "00A4000X"} << 3 << "^$"
                                      << "^cardlink-cli: apdu: argument 1 is not hex.*\\n$";
        QTest::addRow("apdu-not-apdu") << QStringList{"apdu", "00A4000C", "00A4"} << 3 << "^$"
                                       << "^cardlink-cli: apdu: argument 2 is not a command.*\\n$";
        // VERIFY with the demo PIN and --trace: PIN data as **, no digits.
        QTest::addRow("apdu-verify-trace")
            << QStringList{"apdu", "--trace", "0020008008241234FFFFFFFFFF"} << 0
            << "^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} > 00 20 00 80 08 \\*\\* \\(VERIFY\\)\\n"
               " +< 90 00 \\([0-9.]+ ms\\) normal processing\\n< 90 00\\n  9000: normal "
               "processing\\n$"
            << "";
        QTest::addRow("apdu-wrong-pin")
            << QStringList{"apdu", "0020008008245678FFFFFFFFFF"} << 0
            << "^< 63 C%TRIES%\\n  63C%TRIES%: [^\\n]*%TRIES%[^\\n]*\\n$"
            << "";
        // T=1 SELECT answered in one exchange, so the trace has one entry.
        QTest::addRow("apdu-select-trace")
            << QStringList{"apdu", "-t", "00A40400%AIDLC%%AID%00"} << 0
            << "^\\S+ > 00 A4 04 00 [0-9A-F ]+ \\(SELECT\\)\\n +< 6F [0-9A-F ]+ 90 00 "
               "\\([0-9.]+ ms\\) normal processing\\n< 6F"
            << "";

        // watch: the state at start as events.
        QTest::addRow("watch-count")
            << QStringList{"watch", "--count", "3", "--timeout", "10"} << 0
            << "^reader added: Virtual PCD 00 00\\nreader added: Virtual PCD 00 01\\n"
               "card inserted: Virtual PCD 00 00: %ATR%\\n$"
            << "";
        QTest::addRow("watch-timeout")
            << QStringList{"watch", "--count", "10", "--timeout", "1"} << 8 << "^reader added: "
            << "^cardlink-cli: watch: timed out after 1 s with 3 of "
               "10 events\\n$";
        QTest::addRow("watch-timeout-no-count")
            << QStringList{"watch", "--timeout", "0.5"} << 0 << "card inserted: "
            << "";
    }
    void commands()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, stdoutPattern);
        QFETCH(QString, stderrPattern);

        const QString aidLc = QStringLiteral("%1").arg(m_aid.size() / 2, 2, 16, QLatin1Char('0'));
        auto fill = [&](QString text, bool escape) {
            text.replace(QStringLiteral("%ATR%"),
                         escape ? QRegularExpression::escape(m_atr) : m_atr);
            text.replace(QStringLiteral("%AIDLC%"), aidLc.toUpper());
            text.replace(QStringLiteral("%AID%"), m_aid);
            text.replace(QStringLiteral("%TRIES%"),
                         QString::number(m_profile.pinMaxTries - 1, 16).toUpper());
            return text;
        };
        for (auto& argument : arguments)
            argument = fill(argument, false);

        const Run run = runCli(arguments);
        const QString context = QStringLiteral("args: %1\nstdout:\n%2\nstderr:\n%3")
                                    .arg(arguments.join(QLatin1Char(' ')), run.out, run.err);
        QVERIFY2(run.exitCode == exitCode, qPrintable(context));
        const QRegularExpression outPattern(fill(stdoutPattern, true));
        QVERIFY2(outPattern.isValid(), qPrintable(outPattern.errorString()));
        QVERIFY2(outPattern.match(run.out).hasMatch(), qPrintable(context));
        if (stderrPattern.isEmpty()) {
            QVERIFY2(run.err.isEmpty(), qPrintable(context));
        } else {
            QVERIFY2(QRegularExpression(stderrPattern).match(run.err).hasMatch(),
                     qPrintable(context));
            QCOMPARE(run.err.count(QLatin1Char('\n')), 1); // one line
        }
    }

    // watch prints a removal while it runs, flushed line by line.
    void watchSeesRemoval()
    {
        QProcess watch;
        watch.start(cliPath(), {"watch", "--count", "4", "--timeout", "10"});
        QVERIFY(watch.waitForStarted());
        QString out;
        auto waitForLines = [&](int lines) {
            while (out.count(QLatin1Char('\n')) < lines) {
                if (!watch.waitForReadyRead(kBoundMs))
                    return false;
                out += QString::fromLocal8Bit(watch.readAllStandardOutput());
            }
            return true;
        };
        QVERIFY2(waitForLines(3), qPrintable(out));
        QVERIFY2(m_card->remove(), qPrintable(m_card->output()));
        QVERIFY(watch.waitForFinished(kBoundMs));
        out += QString::fromLocal8Bit(watch.readAllStandardOutput());
        QCOMPARE(watch.exitCode(), 0);
        QCOMPARE(out.split(QLatin1Char('\n')).value(3),
                 QStringLiteral("card removed: Virtual PCD 00 00"));

        QVERIFY2(m_card->reinsert(), qPrintable(m_card->output()));
        QTRY_VERIFY_WITH_TIMEOUT(runCli({"readers"}).out.contains(QStringLiteral("(card:")),
                                 kBoundMs);
    }

    // Real ATRs from pcsc-tools' list (one per 2000 lines, literal ones only:
    // the list also has patterns). The list holds a few malformed ones too, so
    // the expectation comes from the length ISO/IEC 7816-3 gives the ATR: a
    // well-formed one decodes with exit 0, any other is refused with exit 3.
    void atrsFromSmartcardList_data()
    {
        QTest::addColumn<QString>("atr");
        QTest::addColumn<bool>("wellFormed");
        QFile list(QStringLiteral("/usr/share/pcsc/smartcard_list.txt"));
        QVERIFY2(list.open(QIODevice::ReadOnly), "pcsc-tools' smartcard_list.txt is missing");
        const QRegularExpression literal(QStringLiteral("^3[BF]( [0-9A-F]{2})+$"));
        int lineNumber = 0;
        int nextPick = 0;
        int wellFormedRows = 0;
        while (!list.atEnd()) {
            const QString line = QString::fromUtf8(list.readLine()).trimmed();
            ++lineNumber;
            if (lineNumber >= nextPick && literal.match(line).hasMatch()) {
                const bool wellFormed = hasIsoLength(fromHex(line.toStdString()).value());
                wellFormedRows += wellFormed ? 1 : 0;
                QTest::addRow("line-%d", lineNumber) << line << wellFormed;
                nextPick = lineNumber + 2000;
            }
        }
        QVERIFY(wellFormedRows >= 3);
    }
    void atrsFromSmartcardList()
    {
        QFETCH(QString, atr);
        QFETCH(bool, wellFormed);
        const Run run = runCli({"atr", atr});
        if (wellFormed) {
            QVERIFY2(run.exitCode == 0, qPrintable(run.err));
            QVERIFY(run.out.startsWith(QStringLiteral("ATR: ") + atr + QLatin1Char('\n')));
            QVERIFY(run.out.count(QLatin1Char('\n')) > 2);
            QVERIFY(run.err.isEmpty());
        } else {
            QVERIFY2(run.exitCode == 3, qPrintable(run.out));
            QVERIFY(run.out.isEmpty());
            QVERIFY(run.err.startsWith(QStringLiteral("cardlink-cli: atr: not a valid ATR")));
            QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
        }
    }

private:
    // ISO/IEC 7816-3:2006, 8.2: TS, T0, the interface bytes announced by the
    // Y nibbles of T0 and each TDi, K historical bytes, and TCK unless only
    // T=0 is indicated; 33 bytes at most.
    static bool hasIsoLength(const Bytes& atr)
    {
        if (atr.size() < 2 || atr.size() > 33)
            return false;
        std::size_t length = 2 + (atr[1] & 0x0F);
        std::size_t pos = 1; // the byte holding the current Y nibble
        bool onlyT0 = true;
        for (;;) {
            const std::uint8_t y = atr[pos] >> 4;
            const int count =
                ((y & 1) ? 1 : 0) + ((y & 2) ? 1 : 0) + ((y & 4) ? 1 : 0) + ((y & 8) ? 1 : 0);
            length += static_cast<std::size_t>(count);
            if (!(y & 8))
                break;
            const std::size_t td = pos + static_cast<std::size_t>(count);
            if (td >= atr.size())
                return false;
            if ((atr[td] & 0x0F) != 0)
                onlyT0 = false;
            pos = td;
        }
        return atr.size() == length + (onlyT0 ? 0 : 1);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
