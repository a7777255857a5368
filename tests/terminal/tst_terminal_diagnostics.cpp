// DiagnosticsController's bundle: one text file with version, configuration,
// settings, readers and ATRs, the APDU trace, the link log and the journal.
// SECURITY: a trace with a PAN in a READ RECORD answer (BCD, track 2) and a
// VERIFY carrying PIN 1234, plus sources that leak a clear PAN, give a bundle
// with neither in clear; the bundle lands in $CARDLINK_TEST_OUTPUT_DIR for
// the suite's secret scan, and this test runs scripts/scan-secrets.sh on it.
#include "DiagnosticsController.h"
#include "LinkStatus.h"
#include "ReaderStatus.h"
#include "SettingsController.h"
#include "iso7816/ApduTrace.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cardlink;
using namespace cardlink::iso7816;
using namespace cardlink::terminal;

namespace {
const QString kPan = QStringLiteral("4761739001010010"); // Visa test PAN, Luhn-valid
const QString kReader = QStringLiteral("Virtual PCD 00 00");
const QByteArray kAtr = QByteArray::fromHex("3B6800000073C84013009000");

ApduTraceEntry exchange(const std::string& command, const std::string& response)
{
    ApduTraceEntry e;
    e.time = std::chrono::system_clock::now();
    e.duration = std::chrono::microseconds(420);
    e.setCommand(CommandApdu::parse(fromHex(command).value()).value());
    e.setResult(ResponseApdu::parse(fromHex(response).value()).value());
    return e;
}

journal::JournalRecord record(std::int64_t id, journal::JournalState state, std::string pan)
{
    journal::JournalRecord r;
    r.id = id;
    r.terminalId = "TERM0001";
    r.stan = static_cast<std::uint32_t>(id);
    r.transmissionDateTime = "1202041147";
    r.amount = 1234;
    r.currency = "978";
    r.maskedPan = std::move(pan);
    r.aid = "A0000000031010";
    r.state = state;
    r.cryptogram = journal::CryptogramKind::Tc;
    r.authCode = "A1B2C3";
    r.rrn = "633604000001";
    return r;
}

QString digitsOnly(const QString& text)
{
    QString out;
    for (const QChar c : text)
        if (c.isDigit())
            out += c;
    return out;
}
} // namespace

class TestDiagnostics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_scratch.isValid());
        const QString base = qEnvironmentVariable("CARDLINK_TEST_OUTPUT_DIR");
        m_outDir = base.isEmpty() ? m_scratch.path()
                                  : QDir(base).filePath(QStringLiteral("tst_terminal_diagnostics"));
        QVERIFY(QDir().mkpath(m_outDir));
    }

    void bundleHoldsNoPanAndNoPin()
    {
        ReaderStatus readers;
        readers.setServiceAvailable(true);
        readers.setReaders({kReader});
        readers.setCardInserted(kReader, kAtr);
        SettingsController settings(m_scratch.filePath(QStringLiteral("settings.ini")));
        // A leak the final filter must catch: the operator typed a PAN.
        settings.setReceiptHeader(QStringLiteral("Corner Shop card ") + kPan);
        settings.setTerminalId(QStringLiteral("TERM0001"));
        LinkStatus link;
        link.log()->append(QStringLiteral("0200 sent for ") + kPan);

        ApduTrace trace;
        DiagnosticsController diagnostics(readers);
        diagnostics.trace()->attach(trace);
        emv::TerminalConfig config;
        config.terminalId = "TERM0001";
        diagnostics.setBundleSources({config, &settings, &link, [] { return nullptr; }, {}});
        // The journal source hands a clear PAN by mistake in one record.
        diagnostics.setJournalSource([] {
            return Result<std::vector<journal::JournalRecord>>(std::vector<journal::JournalRecord>{
                record(1, journal::JournalState::Completed, "476173\u20260010"),
                record(2, journal::JournalState::Pending, "4761739001010010")});
        });

        trace.record(exchange("00A4040007A000000003101000", "6F00 9000"));
        // READ RECORD: the PAN (5A) and track 2 equivalent data (57).
        trace.record(exchange("00B2010C00", "7022 5A08 4761739001010010 5F2403251231"
                                            "5710 4761739001010010D25122010000000F 9000"));
        trace.record(exchange("0020008008 241234FFFFFFFFFF", "9000"));
        QTRY_COMPARE(diagnostics.trace()->rowCount(), 3);

        diagnostics.setBundleDirectory(m_outDir);
        QSignalSpy changed(&diagnostics, &DiagnosticsController::bundleChanged);
        const QString path = diagnostics.exportBundle();
        QVERIFY2(!path.isEmpty(), qPrintable(diagnostics.bundleMessage()));
        QVERIFY(path.startsWith(m_outDir));
        QVERIFY(changed.count() >= 1);
        QVERIFY(diagnostics.bundleMessage().contains(path));

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());

        // What an operator needs is there.
        for (const QString& expected :
             {QStringLiteral("== CardLink diagnostics bundle =="), QStringLiteral("Program: "),
              QStringLiteral("Terminal ID [9F1C]: TERM0001"),
              QStringLiteral("Receipt header: Corner Shop card 476173"),
              kReader + QStringLiteral(": card present"),
              QStringLiteral("ATR 3B 68 00 00 00 73 C8 40 13 00 90 00"), QStringLiteral("ATR: "),
              QStringLiteral("(READ RECORD)"), QStringLiteral("< 70 22 5A 08 ** 5F 24"),
              QStringLiteral("00 20 00 80 08 ** (VERIFY)"), QStringLiteral("0200 sent for 476173"),
              QStringLiteral("2 record(s): completed 1, pending 1"),
              QStringLiteral("#2, STAN 000002"), QStringLiteral("Host link in use: none")})
            QVERIFY2(text.contains(expected), qPrintable(expected + QStringLiteral("\n") + text));

        // The PAN in no form: decimal (plain or grouped), BCD hex (spaced or
        // not), ASCII as hex; the PIN neither as a PIN block nor as digits.
        const QString compact = QString(text).remove(QLatin1Char(' '));
        for (const QString& secret :
             {kPan, QStringLiteral("47617390010100"), QStringLiteral("3437363137333930"),
              QStringLiteral("241234FF"), QStringLiteral("1234FFFFFFFFFF")})
            QVERIFY2(!compact.contains(secret, Qt::CaseInsensitive), qPrintable(secret));
        QVERIFY(!digitsOnly(text).contains(kPan));
        QVERIFY(!text.contains(QStringLiteral("12 34 FF")));

        // The suite's scanner agrees (it runs over the whole output dir too).
        QProcess scan;
        scan.start(QStringLiteral(CARDLINK_SOURCE_DIR "/scripts/scan-secrets.sh"),
                   {QStringLiteral("--pin"), QStringLiteral("1234"), path});
        QVERIFY(scan.waitForFinished(60000));
        QVERIFY2(scan.exitStatus() == QProcess::NormalExit && scan.exitCode() == 0,
                 qPrintable(scan.readAllStandardOutput() + scan.readAllStandardError()));
    }

    void unwritableDirectory()
    {
        ReaderStatus readers;
        DiagnosticsController diagnostics(readers);
        // A regular file where the directory should be.
        const QString blocker = m_scratch.filePath(QStringLiteral("blocker"));
        QFile file(blocker);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        diagnostics.setBundleDirectory(blocker + QStringLiteral("/sub"));
        QCOMPARE(diagnostics.exportBundle(), QString());
        QVERIFY(diagnostics.bundleMessage().startsWith(QStringLiteral("Diagnostics not saved")));
    }

    void bundleWithoutSources()
    {
        ReaderStatus readers;
        DiagnosticsController diagnostics(readers);
        const QString text = diagnostics.buildBundle().text();
        for (const char* expected : {"No reader.", "No settings.", "No host link.",
                                     "No journal connected.", "No APDU trace."})
            QVERIFY2(text.contains(QLatin1String(expected)), qPrintable(text));
    }

private:
    QTemporaryDir m_scratch;
    QString m_outDir;
};

QTEST_GUILESS_MAIN(TestDiagnostics)
#include "tst_terminal_diagnostics.moc"
