// `cardlink-cli crypto pinblock` and `crypto dukpt` as a process, against
// the vectors of tests/core/tst_pinblock.cpp, tst_dukpt.cpp and
// tst_dukpt_pin.cpp (the X9.24-3-2017 supplement's AES-128 BDK example).
// The PIN goes in on stdin; a PIN on the command line is refused.
#include "IntegrationEnvironment.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace cardlink::integration;

namespace {
const QString kBdk = QStringLiteral("FEDCBA9876543210F1F1F1F1F1F1F1F1");
const QString kPinKey1 = QStringLiteral("AF8CB133A78F8DC2D1359F18527593FB");
const QString kBlock1 = QStringLiteral("A912150391AB65A67E52883D81CE2D15");
const QString kPan = QStringLiteral("4111111111111111");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList& arguments, const QByteArray& input = {})
{
    QProcess process;
    process.start(cliPath(), QStringList{QStringLiteral("crypto")} + arguments);
    process.write(input);
    process.closeWriteChannel();
    Run run;
    if (!process.waitForFinished(10000) || process.exitStatus() != QProcess::NormalExit)
        return run;
    run.exitCode = process.exitCode();
    run.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    run.err = QString::fromLocal8Bit(process.readAllStandardError());
    return run;
}
} // namespace

class TestCliCryptoPin : public QObject
{
    Q_OBJECT

private slots:
    void pinblock_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("outPattern");
        QTest::addColumn<QString>("errPattern");

        // Format 0: 041234FFFFFFFFFF XOR 0000111111111111.
        QTest::addRow("format0") << QStringList{"pinblock", "--format", "0", "--pan", kPan}
                                 << QByteArray("1234\n") << 0 << "^041225EEEEEEEEEE\\n$"
                                 << "";
        QTest::addRow("format0-pin-stdin-flag")
            << QStringList{"pinblock", "--format", "0", "--pan", kPan, "--pin-stdin"}
            << QByteArray("1234") << 0 << "^041225EEEEEEEEEE\\n$"
            << "";
        QTest::addRow("format2") << QStringList{"pinblock", "--format", "2"}
                                 << QByteArray("12345\n") << 0 << "^2512345FFFFFFFFF\\n$"
                                 << "";
        QTest::addRow("format1-random") << QStringList{"pinblock", "--format", "1"}
                                        << QByteArray("1234\n") << 0 << "^141234[0-9A-F]{10}\\n$"
                                        << "";
        QTest::addRow("format4-enciphered")
            << QStringList{"pinblock", "--format", "4", "--pan", kPan, "--key", kPinKey1}
            << QByteArray("1234\n") << 0 << "^[0-9A-F]{32}\\n$"
            << "";
        QTest::addRow("decode-format4-published")
            << QStringList{"pinblock", "--format", "4",        "--pan", kPan,
                           "--key",    kPinKey1,   "--decode", kBlock1}
            << QByteArray() << 0 << "^format 4, PIN length 4\\n$"
            << "";
        QTest::addRow("decode-format4-show-pin")
            << QStringList{"pinblock", "--format", "4",        "--pan", kPan,
                           "--key",    kPinKey1,   "--decode", kBlock1, "--show-pin"}
            << QByteArray() << 0 << "^format 4, PIN length 4\\nPIN 1234\\n$"
            << "";
        QTest::addRow("decode-format0")
            << QStringList{"pinblock", "--format",        "0", "--pan", kPan,
                           "--decode", "041225EEEEEEEEEE"}
            << QByteArray() << 0 << "^format 0, PIN length 4\\n$"
            << "";
        QTest::addRow("decode-wrong-key")
            << QStringList{"pinblock", "--format", "4",        "--pan", kPan,
                           "--key",    kBdk,       "--decode", kBlock1}
            << QByteArray() << 3 << "^$"
            << "^cardlink-cli: crypto pinblock: .*\\n$";

        QTest::addRow("pin-on-argv-refused")
            << QStringList{"pinblock", "--format", "0", "--pan", kPan, "--pin", "1234"}
            << QByteArray() << 2 << "^$"
            << "^cardlink-cli: crypto pinblock: --pin is refused.*\\n$";
        QTest::addRow("no-pin") << QStringList{"pinblock", "--format", "0", "--pan", kPan}
                                << QByteArray() << 3 << "^$"
                                << "^cardlink-cli: crypto pinblock: no PIN on standard input\\n$";
        QTest::addRow("short-pin") << QStringList{"pinblock", "--format", "0", "--pan", kPan}
                                   << QByteArray("123\n") << 3 << "^$"
                                   << "^cardlink-cli: crypto pinblock: .*\\n$";
        QTest::addRow("long-pin") << QStringList{"pinblock", "--format", "0", "--pan", kPan}
                                  << QByteArray("1234567890123\n") << 3 << "^$"
                                  << "^cardlink-cli: crypto pinblock: the PIN has more than 12.*$";
        QTest::addRow("format4-no-key")
            << QStringList{"pinblock", "--format", "4", "--pan", kPan} << QByteArray("1234\n") << 2
            << "^$"
            << "^cardlink-cli: crypto pinblock: --key is required for format 4.*\\n$";
        QTest::addRow("format0-no-pan")
            << QStringList{"pinblock", "--format", "0"} << QByteArray("1234\n") << 2 << "^$"
            << "^cardlink-cli: crypto pinblock: --pan is required.*$";
        QTest::addRow("bad-format")
            << QStringList{"pinblock", "--format", "5"} << QByteArray("1234\n") << 2 << "^$"
            << "^cardlink-cli: crypto pinblock: --format: expected.*$";
    }
    void pinblock()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QString, outPattern);
        QFETCH(QString, errPattern);
        const Run run = runCli(arguments, input);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QRegularExpression(outPattern).match(run.out).hasMatch(), qPrintable(run.out));
        if (errPattern.isEmpty())
            QCOMPARE(run.err, QString());
        else
            QVERIFY2(QRegularExpression(errPattern).match(run.err).hasMatch(), qPrintable(run.err));
        // The PIN never shows up in an error message.
        QVERIFY(!run.err.contains(QStringLiteral("1234")) || arguments.contains("--pin"));
    }

    void format4RoundTrip()
    {
        const Run built =
            runCli({"pinblock", "--format", "4", "--pan", kPan, "--key", kPinKey1}, "98765\n");
        QCOMPARE(built.exitCode, 0);
        const Run decoded = runCli({"pinblock", "--format", "4", "--pan", kPan, "--key", kPinKey1,
                                    "--decode", built.out.trimmed(), "--show-pin"});
        QCOMPARE(decoded.exitCode, 0);
        QCOMPARE(decoded.out, QStringLiteral("format 4, PIN length 5\nPIN 98765\n"));
    }

    void dukpt_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("outPattern");
        QTest::addColumn<QString>("errPattern");
        QTest::addRow("bdk-ksn1") << QStringList{"dukpt", "--bdk", kBdk, "--ksn",
                                                 "123456789012345600000001"}
                                  << 0
                                  << "^initial key ID +1234567890123456\\n"
                                     "counter +00000001 \\(1\\)\\n"
                                     "initial key +1273671EA26AC29AFA4D1084127652A1\\n"
                                     "transaction key +4F21B565BAD9835E112B6465635EAE44\\n"
                                     "PIN encryption +AF8CB133A78F8DC2D1359F18527593FB\\n"
                                     "MAC generation +A2DC23DE6FDE0824A2BC321E08E4B8B7\\n"
                                     "MAC verification +[0-9A-F]{32}\\n"
                                     "data encryption +A35C412EFD41FDB98B69797C02DCD08F\\n"
                                     "data decryption +[0-9A-F]{32}\\n$"
                                  << "";
        QTest::addRow("ik-rollover")
            << QStringList{"dukpt", "--ik", "1273671EA26AC29AFA4D1084127652A1", "--ksn",
                           "123456789012345600020000"}
            << 0 << "transaction key +F7AE9025468A25D37B7249CFFED224C8\\n"
            << "";
        QTest::addRow("aes256-bdk-last")
            << QStringList{"dukpt", "--bdk", kBdk + kBdk, "--ksn", "1234567890123456FFFF0000"} << 0
            << "transaction key "
               "+6D6DB7AAAE8B3EA90E57A39E4BBA71E173B21B446B30A78D64BFC6A8806C55EE\\n"
            << "";
        QTest::addRow("aes256-bdk-aes128-keys")
            << QStringList{"dukpt",      "--bdk", kBdk + kBdk, "--ksn", "123456789012345600000001",
                           "--key-type", "aes128"}
            << 0 << "PIN encryption +[0-9A-F]{32}\\n"
            << "";
        QTest::addRow("17-one-bits")
            << QStringList{"dukpt", "--bdk", kBdk, "--ksn", "12345678901234560001FFFF"} << 3 << "^$"
            << "^cardlink-cli: crypto dukpt: --ksn: transaction counter 131071.*\\n$";
        QTest::addRow("tdes-ksn") << QStringList{"dukpt", "--bdk", kBdk, "--ksn",
                                                 "FFFF9876543210E00001"}
                                  << 3 << "^$"
                                  << "^cardlink-cli: crypto dukpt: --ksn: expected 12 bytes.*$";
        QTest::addRow("both-keys") << QStringList{"dukpt",
                                                  "--bdk",
                                                  kBdk,
                                                  "--ik",
                                                  kBdk,
                                                  "--ksn",
                                                  "123456789012345600000001"}
                                   << 2 << "^$"
                                   << "^cardlink-cli: crypto dukpt: give either --bdk or --ik.*$";
        QTest::addRow("stronger-working-key")
            << QStringList{"dukpt",      "--bdk", kBdk, "--ksn", "123456789012345600000001",
                           "--key-type", "aes256"}
            << 3 << "^$"
            << "^cardlink-cli: crypto dukpt: .*cannot derive.*$";
    }
    void dukpt()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, outPattern);
        QFETCH(QString, errPattern);
        const Run run = runCli(arguments);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QRegularExpression(outPattern).match(run.out).hasMatch(), qPrintable(run.out));
        if (errPattern.isEmpty())
            QCOMPARE(run.err, QString());
        else
            QVERIFY2(QRegularExpression(errPattern).match(run.err).hasMatch(), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCliCryptoPin)
#include "tst_cli_crypto_pin.moc"
