// `cardlink-cli crypto pinblock` and `crypto dukpt` as a process, against
// the vectors of tests/core/tst_pinblock.cpp, tst_dukpt.cpp and
// tst_dukpt_pin.cpp (the X9.24-3-2017 supplement's AES-128 BDK example).
// The PIN goes in on stdin; a PIN on the command line is refused. Keys come
// from --key-file or --key-fd (the argv forms stay for test vectors).
#include "IntegrationEnvironment.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

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
// A key file in a directory of the test's own (0600, as a key file should be).
class KeyFiles
{
public:
    QString write(const QString& name, const QByteArray& text)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(path));
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        return path;
    }

private:
    QTemporaryDir m_dir;
};

// Runs `crypto ARGS` with `keyFile` open as file descriptor 3 of the child.
Run runCliWithFd3(const QStringList& arguments, const QString& keyFile, const QByteArray& input)
{
    const int fd = ::open(QFile::encodeName(keyFile).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        qFatal("cannot open %s", qPrintable(keyFile));
    QProcess process;
    // In the child, before exec: the key file as fd 3, without FD_CLOEXEC.
    process.setChildProcessModifier([fd] {
        if (fd == 3)
            ::fcntl(3, F_SETFD, 0);
        else
            ::dup2(fd, 3);
    });
    process.start(cliPath(), QStringList{QStringLiteral("crypto")} + arguments);
    process.write(input);
    process.closeWriteChannel();
    Run run;
    const bool finished = process.waitForFinished(10000);
    ::close(fd);
    if (!finished || process.exitStatus() != QProcess::NormalExit)
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
            << "^cardlink-cli: crypto pinblock: format 4 needs its key: --key-file.*\\n$";
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

    // The key from --key-file or --key-fd gives what --key gives; errors name
    // the option and never show the key.
    void keyFromFileOrFd_data()
    {
        QTest::addColumn<QString>("source"); // file, fd0, fd3
        QTest::addColumn<QByteArray>("keyText");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("outPattern");
        QTest::addColumn<QString>("errPattern");
        const QByteArray pinKey = kPinKey1.toLatin1() + "\n";
        const QByteArray bdk = kBdk.toLatin1() + "\n";
        const QStringList decode{"pinblock", "--format", "4",     "--pan",
                                 kPan,       "--decode", kBlock1, "--show-pin"};
        const QStringList derive{"dukpt", "--ksn", "123456789012345600000001"};
        const QString published = "PIN encryption +AF8CB133A78F8DC2D1359F18527593FB\\n";
        QTest::addRow("pinblock-key-file") << "file" << pinKey << decode << QByteArray() << 0
                                           << "^format 4, PIN length 4\\nPIN 1234\\n$"
                                           << "";
        QTest::addRow("pinblock-key-file-spaced")
            << "file" << QByteArray("AF 8C B1 33 A7 8F 8D C2 D1 35 9F 18 52 75 93 FB\r\n") << decode
            << QByteArray() << 0 << "^format 4, PIN length 4\\nPIN 1234\\n$"
            << "";
        QTest::addRow("pinblock-key-fd3") << "fd3" << pinKey << decode << QByteArray() << 0
                                          << "^format 4, PIN length 4\\nPIN 1234\\n$"
                                          << "";
        // Key and PIN both on stdin: the key is the first line, the PIN the second.
        QTest::addRow("pinblock-key-fd0-then-pin")
            << "fd0" << QByteArray() << QStringList{"pinblock", "--format", "4", "--pan", kPan}
            << pinKey + "1234\n"
            << 0 << "^[0-9A-F]{32}\\n$"
            << "";
        QTest::addRow("dukpt-bdk-file")
            << "file" << bdk << derive << QByteArray() << 0 << published << "";
        QTest::addRow("dukpt-bdk-fd0")
            << "fd0" << QByteArray() << derive << bdk << 0 << published << "";
        QTest::addRow("dukpt-initial-key-fd3")
            << "fd3" << QByteArray("1273671EA26AC29AFA4D1084127652A1\n")
            << QStringList{"dukpt", "--initial-key", "--ksn", "123456789012345600000001"}
            << QByteArray() << 0 << published << "";

        QTest::addRow("key-file-missing")
            << "missing" << QByteArray() << derive << QByteArray() << 3 << "^$"
            << "^cardlink-cli: crypto dukpt: --key-file .*nokey.hex: No such file.*\\n$";
        QTest::addRow("key-file-short")
            << "file" << QByteArray("FEDCBA9876543210\n") << derive << QByteArray() << 3 << "^$"
            << "^cardlink-cli: crypto dukpt: --key-file .*: expected 16, 24 or 32 bytes, got "
               "8\\n$";
        QTest::addRow("key-file-not-hex")
            << "file" << QByteArray("FEDCBA9876543210F1F1F1F1F1F1F1FX\n") << derive << QByteArray()
            << 3 << "^$"
            << "^cardlink-cli: crypto dukpt: --key-file .*: not hex \\(not a hex digit at offset "
               "31\\)\\n$";
        QTest::addRow("key-file-empty")
            << "file" << QByteArray() << derive << QByteArray() << 3 << "^$"
            << "^cardlink-cli: crypto dukpt: --key-file .*: no key.*$";
        QTest::addRow("key-fd-closed")
            << "fd1000" << QByteArray() << derive << QByteArray() << 3 << "^$"
            << "^cardlink-cli: crypto dukpt: --key-fd 1000: not an open file descriptor\\n$";
        QTest::addRow("two-key-sources")
            << "file" << bdk << derive + QStringList{"--bdk", kBdk} << QByteArray() << 2 << "^$"
            << "^cardlink-cli: crypto dukpt: give one key.*$";
        QTest::addRow("initial-key-with-argv-key")
            << "none" << QByteArray()
            << QStringList{"dukpt", "--initial-key", "--bdk",
                           kBdk,    "--ksn",         "123456789012345600000001"}
            << QByteArray() << 2 << "^$"
            << "^cardlink-cli: crypto dukpt: --initial-key goes with --key-file or --key-fd.*$";
        QTest::addRow("pinblock-two-key-sources")
            << "file" << pinKey << decode + QStringList{"--key", kPinKey1} << QByteArray() << 2
            << "^$"
            << "^cardlink-cli: crypto pinblock: give only one of --key-file, --key-fd, --key.*$";
    }
    void keyFromFileOrFd()
    {
        QFETCH(QString, source);
        QFETCH(QByteArray, keyText);
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QString, outPattern);
        QFETCH(QString, errPattern);
        KeyFiles files;
        const QString path = files.write(QStringLiteral("key.hex"), keyText);
        Run run;
        if (source == "file")
            run = runCli(arguments + QStringList{"--key-file", path}, input);
        else if (source == "missing")
            run = runCli(arguments + QStringList{"--key-file",
                                                 QFileInfo(path).absolutePath() + "/nokey.hex"},
                         input);
        else if (source == "fd0")
            run = runCli(arguments + QStringList{"--key-fd", "0"}, input);
        else if (source == "fd1000")
            run = runCli(arguments + QStringList{"--key-fd", "1000"}, input);
        else if (source == "fd3")
            run = runCliWithFd3(arguments + QStringList{"--key-fd", "3"}, path, input);
        else
            run = runCli(arguments, input);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(QRegularExpression(outPattern).match(run.out).hasMatch(), qPrintable(run.out));
        if (errPattern.isEmpty())
            QCOMPARE(run.err, QString());
        else
            QVERIFY2(QRegularExpression(errPattern).match(run.err).hasMatch(), qPrintable(run.err));
        // The key never shows up in a message.
        const QByteArray key = keyText.trimmed();
        if (!key.isEmpty())
            QVERIFY2(!run.err.contains(QString::fromLatin1(key)), qPrintable(run.err));
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
                                   << "^cardlink-cli: crypto dukpt: give one key: --key-file.*$";
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
