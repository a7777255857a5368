// `cardlink-cli crypto` as a process: every subcommand against the vectors of
// tests/core/tst_crypto_*.cpp (published ISO/IEC 9797-1, RFC 4493 and SP
// 800-38B examples, and the independently computed EMV values documented
// there), plus bad hex, wrong lengths and missing arguments with their exit
// codes. No pcscd needed.
#include "IntegrationEnvironment.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace cardlink::integration;

namespace {
// tst_crypto_emv.cpp: IMK, ICC MK (PAN 4761739001010010, PSN 01), its AC
// session key for ATC 0001, the CDOL data and the ARQC over it.
const QString kImk = QStringLiteral("0123456789ABCDEFFEDCBA9876543210");
const QString kIccMk = QStringLiteral("2F02C8B0E9CBC7B05B5167F7A1CDE6E5");
const QString kSessionKey = QStringLiteral("DC43A16846233E20CB1ACD7A0D0BC485");
const QString kAesSessionKey = QStringLiteral("F9E7C33EA7915C2E52AE3A652CC777F0");
const QString kCdolData = QStringLiteral(
    "000000001000 000000000000 0840 0000000000 0978 240101 00 12345678 5800 0001 03A00000");
const QString kArqc = QStringLiteral("555093D6520E3085");
const QString kAesArqc = QStringLiteral("23F6EAE9092630C6");
// ISO/IEC 9797-1:1999, Annex B: "Now is the time for all ".
const QString kIsoMessage = QStringLiteral("4E6F77206973207468652074696D6520666F7220616C6C20");
const QString kRfc4493Key = QStringLiteral("2B7E151628AED2A6ABF7158809CF4F3C");
} // namespace

class TestCliCrypto : public QObject
{
    Q_OBJECT

private slots:
    // Each row: arguments, exit code, stdout (exact, "" when none), and a
    // pattern for stderr ("" = must be empty).
    void subcommands_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("out");
        QTest::addColumn<QString>("errPattern");

        // kcv (tst_crypto_blockcipher kcv rows)
        QTest::addRow("kcv-tdes") << QStringList{"kcv", kImk} << 0 << "08D7B4\n"
                                  << "";
        QTest::addRow("kcv-des") << QStringList{"kcv", "0123456789ABCDEF"} << 0 << "D5D44F\n"
                                 << "";
        QTest::addRow("kcv-tdes-2bytes")
            << QStringList{"kcv", "--length", "2", kImk} << 0 << "08D7\n"
            << "";
        QTest::addRow("kcv-tdes-cmac")
            << QStringList{"kcv", "--method", "cmac", kImk} << 0 << "0A82458664\n"
            << "";
        QTest::addRow("kcv-aes") << QStringList{"kcv", "--algorithm", "aes", kRfc4493Key} << 0
                                 << "7DF76B\n"
                                 << "";
        QTest::addRow("kcv-aes-cmac")
            << QStringList{"kcv", "--algorithm", "AES", "--method", "cmac", kRfc4493Key} << 0
            << "7AD386C376\n"
            << "";
        QTest::addRow("kcv-spaced-hex")
            << QStringList{"kcv", "01 23 45 67 89 AB CD EF"} << 0 << "D5D44F\n"
            << "";

        // icc-mk (tst_crypto_emv iccMasterKeyTdes / iccMasterKeyAes)
        QTest::addRow("icc-mk-a") << QStringList{"icc-mk",           "--imk", kImk, "--pan",
                                                 "4761739001010010", "--psn", "01"}
                                  << 0 << kIccMk + "\n"
                                  << "";
        QTest::addRow("icc-mk-no-psn")
            << QStringList{"icc-mk", "--imk", kImk, "--pan", "123456789012"} << 0
            << "FE890EC1B3FBF7EC32A880C8D6169461\n"
            << "";
        QTest::addRow("icc-mk-19-digits-b")
            << QStringList{"icc-mk", "--imk", kImk, "--pan", "6799998900000000013", "--psn", "02"}
            << 0 << "10546889BFCE1A6729CE9B1CE3405808\n"
            << "";
        QTest::addRow("icc-mk-pan-filler")
            << QStringList{"icc-mk", "--imk", kImk, "--pan", "4761739001010010F", "--psn", "01"}
            << 0 << kIccMk + "\n"
            << "";
        QTest::addRow("icc-mk-aes128") << QStringList{"icc-mk",
                                                      "--algorithm",
                                                      "aes",
                                                      "--imk",
                                                      "000102030405060708090A0B0C0D0E0F",
                                                      "--pan",
                                                      "4761739001010010",
                                                      "--psn",
                                                      "01"}
                                       << 0 << "33F5940C775BA6D7E3869592B02BAE8A\n"
                                       << "";

        // session-key (tst_crypto_emv sessionKey rows)
        QTest::addRow("session-key-0001")
            << QStringList{"session-key", "--mk", kIccMk, "--atc", "0001"} << 0
            << kSessionKey + "\n"
            << "";
        QTest::addRow("session-key-ffff")
            << QStringList{"session-key", "--mk", kIccMk, "--atc", "FFFF"} << 0
            << "BA0B64C8C78534E991AE4C19644A3DE0\n"
            << "";
        QTest::addRow("session-key-aes128") << QStringList{"session-key",
                                                           "--algorithm",
                                                           "aes",
                                                           "--mk",
                                                           "33F5940C775BA6D7E3869592B02BAE8A",
                                                           "--atc",
                                                           "0001"}
                                            << 0 << kAesSessionKey + "\n"
                                            << "";

        // mac (tst_crypto_mac: ISO/IEC 9797-1 Annex B, RFC 4493, SP 800-38B)
        QTest::addRow("mac-alg3-pad1")
            << QStringList{"mac", "--key", kImk, "--padding", "1", kIsoMessage} << 0
            << "A1C72E74EA3FA9B6\n"
            << "";
        QTest::addRow("mac-alg3-pad2")
            << QStringList{"mac", "--key", kImk, kIsoMessage} << 0 << "E9086230CA3BE796\n"
            << "";
        QTest::addRow("mac-alg3-4bytes")
            << QStringList{"mac", "--key", kImk, "--padding", "1", "--length", "4", kIsoMessage}
            << 0 << "A1C72E74\n"
            << "";
        QTest::addRow("mac-aes-cmac-empty")
            << QStringList{"mac", "--method", "aes-cmac", "--key", kRfc4493Key, ""} << 0
            << "BB1D6929E95937287FA37D129B756746\n"
            << "";
        QTest::addRow("mac-aes-cmac-16")
            << QStringList{"mac",   "--method",  "aes-cmac",
                           "--key", kRfc4493Key, "6BC1BEE22E409F96E93D7E117393172A"}
            << 0 << "070A16B46B4D4144F79BDD9DD04A287C\n"
            << "";
        QTest::addRow("mac-aes-cmac-emv8")
            << QStringList{"mac", "--method", "aes-cmac",  "--length",
                           "8",   "--key",    kRfc4493Key, "6BC1BEE22E409F96E93D7E117393172A"}
            << 0 << "070A16B46B4D4144\n"
            << "";
        QTest::addRow("mac-tdes-cmac") << QStringList{"mac",
                                                      "--method",
                                                      "tdes-cmac",
                                                      "--key",
                                                      "4CF15134A2850DD58A3D10BA80570D38",
                                                      "6BC1BEE22E409F96"}
                                       << 0 << "4FF2AB813C53CE83\n"
                                       << "";

        // arqc (tst_crypto_emv applicationCryptogram, chainFromIssuerMasterKey)
        QTest::addRow("arqc-sk") << QStringList{"arqc", "--sk", kSessionKey, kCdolData} << 0
                                 << kArqc + "\n"
                                 << "";
        QTest::addRow("arqc-sk-pad1")
            << QStringList{"arqc", "--sk", kSessionKey, "--padding", "1", kCdolData} << 0
            << "AF97273F883017ED\n"
            << "";
        QTest::addRow("arqc-mk") << QStringList{"arqc", "--mk", kIccMk, "--atc", "0001", kCdolData}
                                 << 0 << kArqc + "\n"
                                 << "";
        QTest::addRow("arqc-imk")
            << QStringList{"arqc",  "--imk", kImk,    "--pan", "4761739001010010",
                           "--psn", "01",    "--atc", "0001",  kCdolData}
            << 0 << kArqc + "\n"
            << "";
        QTest::addRow("arqc-aes") << QStringList{"arqc", "--algorithm",  "aes",
                                                 "--sk", kAesSessionKey, kCdolData}
                                  << 0 << kAesArqc + "\n"
                                  << "";

        // arpc (tst_crypto_emv arpc rows: ARC 3030, CSU 00820000, prop. data 0102)
        QTest::addRow("arpc-1") << QStringList{"arpc", "--sk",  kSessionKey, "--arqc",
                                               kArqc,  "--arc", "3030"}
                                << 0 << "DB844EC69CF2CFCF\n"
                                << "";
        QTest::addRow("arpc-1-iad")
            << QStringList{"arpc", "--sk", kSessionKey, "--arqc", kArqc, "--arc", "3030", "--iad"}
            << 0 << "DB844EC69CF2CFCF3030\n"
            << "";
        QTest::addRow("arpc-2") << QStringList{"arpc", "--sk",  kSessionKey, "--arqc",
                                               kArqc,  "--csu", "00820000"}
                                << 0 << "DDE9ABD7\n"
                                << "";
        QTest::addRow("arpc-2-prop-iad")
            << QStringList{"arpc",  "--sk",     kSessionKey,   "--arqc", kArqc,
                           "--csu", "00820000", "--prop-data", "0102",   "--iad"}
            << 0 << "7BCE1CC4008200000102\n"
            << "";
        QTest::addRow("arpc-1-imk")
            << QStringList{"arpc",  "--imk", kImk,    "--pan", "4761739001010010",
                           "--psn", "01",    "--atc", "0001",  "--arqc",
                           kArqc,   "--arc", "3030"}
            << 0 << "DB844EC69CF2CFCF\n"
            << "";
        QTest::addRow("arpc-1-aes")
            << QStringList{"arpc",   "--algorithm", "aes",   "--sk", kAesSessionKey,
                           "--arqc", kAesArqc,      "--arc", "3030"}
            << 0 << "6EE4F6ED4939571B\n"
            << "";
        QTest::addRow("arpc-2-aes")
            << QStringList{"arpc",   "--algorithm", "aes",   "--sk",    kAesSessionKey,
                           "--arqc", kAesArqc,      "--csu", "00820000"}
            << 0 << "CBB3C4B8\n"
            << "";

        // Bad input: exit 3, one line naming the argument.
        QTest::addRow("kcv-not-hex") << QStringList{"kcv", "01234567ZZ"} << 3 << ""
                                     << "^cardlink-cli: crypto kcv: KEY: not hex.*\\n$";
        QTest::addRow("kcv-odd-digits") << QStringList{"kcv", "0123456789ABCDE"} << 3 << ""
                                        << "^cardlink-cli: crypto kcv: KEY: not hex.*\\n$";
        QTest::addRow("kcv-wrong-length") << QStringList{"kcv", "0123456789"} << 3 << ""
                                          << "^cardlink-cli: crypto kcv: KEY: expected 8, 16 or "
                                             "24 bytes, got 5\\n$";
        QTest::addRow("icc-mk-bad-pan")
            << QStringList{"icc-mk", "--imk", kImk, "--pan", "47617390A"} << 3 << ""
            << "^cardlink-cli: crypto icc-mk: --pan: expected decimal digits.*\\n$";
        QTest::addRow("icc-mk-pan-too-long")
            << QStringList{"icc-mk", "--imk", kImk, "--pan", "12345678901234567890"} << 3 << ""
            << "^cardlink-cli: crypto icc-mk: .*\\n$";
        QTest::addRow("icc-mk-psn-not-bcd")
            << QStringList{"icc-mk", "--imk", kImk, "--pan", "4761739001010010", "--psn", "0A"} << 3
            << ""
            << "^cardlink-cli: crypto icc-mk: .*\\n$";
        QTest::addRow("icc-mk-3des-24-byte-imk")
            << QStringList{"icc-mk", "--imk", kImk + "0123456789ABCDEF", "--pan",
                           "4761739001010010"}
            << 3 << ""
            << "^cardlink-cli: crypto icc-mk: --imk: expected 16 bytes, got 24\\n$";
        QTest::addRow("session-key-bad-atc")
            << QStringList{"session-key", "--mk", kIccMk, "--atc", "001"} << 3 << ""
            << "^cardlink-cli: crypto session-key: --atc: not hex.*\\n$";
        QTest::addRow("session-key-atc-3-bytes")
            << QStringList{"session-key", "--mk", kIccMk, "--atc", "000001"} << 3 << ""
            << "^cardlink-cli: crypto session-key: --atc: expected 2 bytes, got 3\\n$";
        QTest::addRow("mac-alg3-8-byte-key")
            << QStringList{"mac", "--key", "0123456789ABCDEF", "00"} << 3 << ""
            << "^cardlink-cli: crypto mac: --key: expected 16 "
               "bytes, got 8\\n$";
        QTest::addRow("mac-bad-padding")
            << QStringList{"mac", "--key", kImk, "--padding", "3", "00"} << 3 << ""
            << "^cardlink-cli: crypto mac: --padding: expected 1 or 2.*\\n$";
        QTest::addRow("arqc-bad-data")
            << QStringList{"arqc", "--sk", kSessionKey, "00G0"} << 3 << ""
            << "^cardlink-cli: crypto arqc: DATA: not hex.*\\n$";
        QTest::addRow("arpc-short-arqc")
            << QStringList{"arpc", "--sk", kSessionKey, "--arqc", "555093D6", "--arc", "3030"} << 3
            << ""
            << "^cardlink-cli: crypto arpc: --arqc: expected 8 bytes, got 4\\n$";
        QTest::addRow("arpc-long-arc")
            << QStringList{"arpc", "--sk", kSessionKey, "--arqc", kArqc, "--arc", "303030"} << 3
            << ""
            << "^cardlink-cli: crypto arpc: --arc: expected 2 bytes, got 3\\n$";
        QTest::addRow("arpc-long-prop-data")
            << QStringList{"arpc",     "--sk",        kSessionKey,         "--arqc", kArqc, "--csu",
                           "00820000", "--prop-data", "000102030405060708"}
            << 3 << ""
            << "^cardlink-cli: crypto arpc: --prop-data: expected 0..8 bytes, got 9\\n$";

        // Bad command lines: exit 2.
        QTest::addRow("no-subcommand") << QStringList{} << 2 << ""
                                       << "^cardlink-cli: crypto: no subcommand given.*\\n$";
        QTest::addRow("unknown-subcommand")
            << QStringList{"frobnicate"} << 2 << ""
            << "^cardlink-cli: crypto: unknown subcommand 'frobnicate'.*\\n$";
        QTest::addRow("kcv-no-key") << QStringList{"kcv"} << 2 << ""
                                    << "^cardlink-cli: crypto kcv: no KEY given.*\\n$";
        QTest::addRow("kcv-bad-method") << QStringList{"kcv", "--method", "xor", kImk} << 2 << ""
                                        << "^cardlink-cli: crypto kcv: --method.*\\n$";
        QTest::addRow("icc-mk-no-pan") << QStringList{"icc-mk", "--imk", kImk} << 2 << ""
                                       << "^cardlink-cli: crypto icc-mk: --imk and --pan.*\\n$";
        QTest::addRow("mac-cmac-with-padding")
            << QStringList{"mac",       "--method",  "aes-cmac", "--key",
                           kRfc4493Key, "--padding", "1",        "00"}
            << 2 << ""
            << "^cardlink-cli: crypto mac: --padding applies to alg3 only.*\\n$";
        QTest::addRow("arqc-no-key") << QStringList{"arqc", kCdolData} << 3 << ""
                                     << "^cardlink-cli: crypto arqc: give the key.*\\n$";
        QTest::addRow("arqc-mk-without-atc")
            << QStringList{"arqc", "--mk", kIccMk, kCdolData} << 3 << ""
            << "^cardlink-cli: crypto arqc: --atc is needed.*\\n$";
        QTest::addRow("arqc-two-keys")
            << QStringList{"arqc", "--sk", kSessionKey, "--mk", kIccMk, kCdolData} << 3 << ""
            << "^cardlink-cli: crypto arqc: give only one of.*\\n$";
        QTest::addRow("arpc-arc-and-csu")
            << QStringList{"arpc",  "--sk", kSessionKey, "--arqc",  kArqc,
                           "--arc", "3030", "--csu",     "00820000"}
            << 2 << ""
            << "^cardlink-cli: crypto arpc: give --arc \\(method 1\\) or --csu.*\\n$";
    }
    void subcommands()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, out);
        QFETCH(QString, errPattern);

        QProcess process;
        process.start(cliPath(), QStringList{QStringLiteral("crypto")} + arguments);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        const QString stdOut = QString::fromLocal8Bit(process.readAllStandardOutput());
        const QString stdErr = QString::fromLocal8Bit(process.readAllStandardError());
        QVERIFY2(
            process.exitCode() == exitCode,
            qPrintable(QStringLiteral("exit %1, stderr: %2").arg(process.exitCode()).arg(stdErr)));
        QCOMPARE(stdOut, out);
        if (errPattern.isEmpty())
            QCOMPARE(stdErr, QString());
        else
            QVERIFY2(QRegularExpression(errPattern).match(stdErr).hasMatch(), qPrintable(stdErr));
    }

    // Every subcommand documents its arguments in --help.
    void help_data()
    {
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QStringList>("mentions");
        QTest::addRow("kcv") << "kcv" << QStringList{"--algorithm", "--method", "--length", "KEY"};
        QTest::addRow("icc-mk") << "icc-mk"
                                << QStringList{"--imk", "--pan", "--psn", "--option", "A1.4"};
        QTest::addRow("session-key") << "session-key" << QStringList{"--mk", "--atc", "A1.3"};
        QTest::addRow("mac") << "mac" << QStringList{"--key",    "--method", "--padding",
                                                     "--length", "alg3",     "aes-cmac"};
        QTest::addRow("arqc") << "arqc"
                              << QStringList{"--sk", "--mk", "--imk", "--atc", "--padding", "DATA"};
        QTest::addRow("arpc") << "arpc"
                              << QStringList{"--arqc", "--arc",    "--csu",   "--prop-data",
                                             "--iad",  "method 1", "method 2"};
        // Keys come from a file or a descriptor; a key in argv is marked insecure.
        QTest::addRow("pinblock") << "pinblock"
                                  << QStringList{"--key-file", "--key-fd", "--key", "INSECURE",
                                                 "--pin-stdin"};
        QTest::addRow("dukpt") << "dukpt" << QStringList{"--key-file", "--key-fd", "--initial-key",
                                                         "--bdk",      "--ik",     "INSECURE"};
    }
    void help()
    {
        QFETCH(QString, verb);
        QFETCH(QStringList, mentions);
        QProcess process;
        process.start(cliPath(), {QStringLiteral("crypto"), verb, QStringLiteral("--help")});
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 0);
        const QString text = QString::fromLocal8Bit(process.readAllStandardOutput());
        QVERIFY2(text.startsWith(QStringLiteral("Usage: cardlink-cli crypto ") + verb + " "),
                 qPrintable(text));
        for (const auto& mention : mentions)
            QVERIFY2(text.contains(mention), qPrintable(mention + " missing in:\n" + text));

        // ... and the list in `crypto --help` names it.
        QProcess list;
        list.start(cliPath(), {QStringLiteral("crypto"), QStringLiteral("--help")});
        QVERIFY(list.waitForFinished(10000));
        QCOMPARE(list.exitCode(), 0);
        QVERIFY(QString::fromLocal8Bit(list.readAllStandardOutput())
                    .contains(QRegularExpression(QStringLiteral("\\n  ") + verb + " ")));
    }
};

QTEST_GUILESS_MAIN(TestCliCrypto)
#include "tst_cli_crypto.moc"
