// The pieces of cardlink-cli read/pay in-process, without pcscd: the read
// allow list, amount and CVM list texts, the PIN reader on a pipe, the
// --online backends, and the stub issuer against the simulated EMV card
// (core/sim) run by the real kernel: approval with a verified ARQC and an
// ARPC the card accepts, a wrong key, an expired card, a wrong online PIN.
#include "IntegrationEnvironment.h"
#include "emv/EmvKernel.h"
#include "payment/EmvText.h"
#include "payment/PinReader.h"
#include "payment/ReadOnlyChannel.h"
#include "payment/online/OnlineBackends.h"
#include "payment/online/StubIssuer.h"
#include "sim/CardProfile.h"
#include "sim/SimulatedCard.h"
#include "sim/emv/CardPersonalizer.h"
#include "support/FixedRandom.h"
#include "support/PinCardholder.h"
#include "util/Clock.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <memory>
#include <unistd.h>

using namespace cardlink;
using namespace cardlink::cli;
namespace simemv = cardlink::sim::emv;

Q_DECLARE_METATYPE(cardlink::sim::emv::CardKind)

namespace {
Bytes unhex(const char* text)
{
    auto bytes = fromHex(text);
    return bytes ? *bytes : Bytes{};
}

// Counts what reaches the card.
class CountingCard final : public iso7816::CardChannel
{
public:
    int sent = 0;
    Result<iso7816::ResponseApdu> transmit(const iso7816::CommandApdu&) override
    {
        ++sent;
        return iso7816::ResponseApdu{{}, 0x9000};
    }
};

emv::TerminalConfig terminal()
{
    emv::TerminalConfig config;
    config.aids.push_back({unhex("A0000009991010"), true});
    config.capabilities = unhex("E0F8C8");
    config.floorLimit = 0; // every transaction online (Book 3, 10.6.1)
    config.tac.online = unhex("0000008000");
    return config;
}
} // namespace

class TestCliPayment : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<simemv::CardPersonalizer> m_personalizer;
    emv::CaPublicKeyStore m_keys;
    QTemporaryDir m_dir;

    QString writeIssuerKeys(const std::string& json)
    {
        const QString path = m_dir.filePath(
            QStringLiteral("issuer-keys-%1.json").arg(qHash(QByteArray::fromStdString(json))));
        QFile file(path);
        if (file.open(QIODevice::WriteOnly))
            file.write(QByteArray::fromStdString(json));
        return path;
    }

private slots:
    void initTestCase()
    {
        auto personalizer = simemv::CardPersonalizer::create({1024, 896, 768});
        QVERIFY(personalizer.ok());
        m_personalizer = std::make_unique<simemv::CardPersonalizer>(std::move(*personalizer));
        auto caJson = m_personalizer->caKeysJson();
        QVERIFY(caJson.ok());
        auto keys = emv::CaPublicKeyStore::fromJson(*caJson);
        QVERIFY(keys.ok());
        m_keys = std::move(*keys);
        QVERIFY(m_dir.isValid());
    }

    // read and pay document their arguments; bad command lines fail with
    // exit 2 (or 3) and one line, before any reader is touched.
    void commandLines_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("mentions");
        QTest::addRow("read-help")
            << QStringList{"read", "--help"} << 0 << QStringList{"--reader",
                                                                 "--aid",
                                                                 "--terminal-config",
                                                                 "Safe with a real bank card",
                                                                 "VERIFY, GENERATE AC",
                                                                 "(ATC)"};
        QTest::addRow("pay-help") << QStringList{"pay", "--help"} << 0
                                  << QStringList{"AMOUNT",
                                                 "--online",
                                                 "stub:ISSUER_KEYS_FILE",
                                                 "decline",
                                                 "offline",
                                                 "--pin-fd",
                                                 "--pin-file",
                                                 "never from the command line",
                                                 "10 declined",
                                                 "--ca-keys"};
        QTest::addRow("global-help") << QStringList{"--help"} << 0
                                     << QStringList{"read", "pay", "crypto", "10  pay: declined",
                                                    "13  pay/read: card error"};
        QTest::addRow("pay-no-amount")
            << QStringList{"pay"} << 2 << QStringList{"cardlink-cli: pay: no AMOUNT given"};
        QTest::addRow("pay-bad-amount")
            << QStringList{"pay", "12.345"} << 2
            << QStringList{"cardlink-cli: pay: the amount '12.345' is not an amount"};
        QTest::addRow("pay-unknown-online")
            << QStringList{"pay", "1", "--online", "bogus"} << 2
            << QStringList{"cardlink-cli: pay: --online: unknown 'bogus'"};
        QTest::addRow("pay-two-pin-sources")
            << QStringList{"pay", "1", "--pin-fd", "0", "--pin-file", "x"} << 2
            << QStringList{"give --pin-fd or --pin-file, not both"};
        QTest::addRow("pay-missing-ca-keys")
            << QStringList{"pay", "1", "--ca-keys", "/nonexistent/ca-keys.json"} << 3
            << QStringList{"cardlink-cli: pay: CA public key file /nonexistent/ca-keys.json does "
                           "not exist"};
        QTest::addRow("read-bad-aid")
            << QStringList{"read", "--aid", "XY"} << 3 << QStringList{"cardlink-cli: read: --aid"};
    }
    void commandLines()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QStringList, mentions);
        QProcess process;
        process.start(cardlink::integration::cliPath(), arguments);
        QVERIFY(process.waitForFinished(10000));
        const QString out = QString::fromLocal8Bit(process.readAllStandardOutput());
        const QString err = QString::fromLocal8Bit(process.readAllStandardError());
        QVERIFY2(process.exitCode() == exitCode, qPrintable(out + err));
        const QString text = exitCode == 0 ? out : err;
        for (const auto& mention : mentions)
            QVERIFY2(text.contains(mention), qPrintable(mention + " missing in:\n" + text));
        if (exitCode != 0) {
            QCOMPARE(err.count(QLatin1Char('\n')), 1);
            QVERIFY(out.isEmpty());
        }
    }

    void readOnlyChannel_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<bool>("allowed");
        QTest::addRow("select") << "00A404000E315041592E5359532E444446303100" << true;
        QTest::addRow("read-record") << "00B2010C00" << true;
        QTest::addRow("gpo") << "80A80000028300" << true;
        QTest::addRow("get-data-9f17") << "80CA9F1700" << true;
        QTest::addRow("get-response") << "00C0000010" << true;
        QTest::addRow("verify") << "0020008008241234FFFFFFFFFF" << false;
        QTest::addRow("generate-ac") << "80AE80000211 2200" << false;
        QTest::addRow("external-authenticate") << "008200000A00112233445566773030" << false;
        QTest::addRow("internal-authenticate") << "008800000411223344" << false;
        QTest::addRow("get-challenge") << "0084000008" << false;
        QTest::addRow("pin-change-script") << "84240002080011223344556677" << false;
        QTest::addRow("application-block") << "841E000008AABBCCDDEEFF0011" << false;
        QTest::addRow("select-with-sm") << "0CA4040000" << false;
    }
    void readOnlyChannel()
    {
        QFETCH(QString, command);
        QFETCH(bool, allowed);
        auto apdu = iso7816::CommandApdu::parse(unhex(command.toLatin1().constData()));
        QVERIFY(apdu.ok());
        CountingCard card;
        ReadOnlyChannel guard(card);
        auto response = guard.transmit(*apdu);
        QCOMPARE(response.ok(), allowed);
        QCOMPARE(card.sent, allowed ? 1 : 0);
        if (!allowed)
            QCOMPARE(response.error().code, ErrorCode::Unsupported);
    }

    void amounts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("exponent");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qulonglong>("minor");
        QTest::addRow("cents") << "12.34" << 2 << true << 1234ull;
        QTest::addRow("one-decimal") << "12.3" << 2 << true << 1230ull;
        QTest::addRow("whole") << "12" << 2 << true << 1200ull;
        QTest::addRow("zero-exponent") << "500" << 0 << true << 500ull;
        QTest::addRow("three-decimals") << "1.234" << 3 << true << 1234ull;
        QTest::addRow("too-many-decimals") << "12.345" << 2 << false << 0ull;
        QTest::addRow("negative") << "-1" << 2 << false << 0ull;
        QTest::addRow("comma") << "12,34" << 2 << false << 0ull;
        QTest::addRow("empty") << "" << 2 << false << 0ull;
        QTest::addRow("too-long") << "1234567890123" << 2 << false << 0ull;
    }
    void amounts()
    {
        QFETCH(QString, text);
        QFETCH(int, exponent);
        QFETCH(bool, ok);
        QFETCH(qulonglong, minor);
        std::uint64_t parsed = 0;
        QCOMPARE(parseAmount(text, exponent, parsed), ok);
        if (ok) {
            QCOMPARE(qulonglong(parsed), minor);
            QCOMPARE(parseAmount(amountText(parsed, exponent), exponent, parsed), true);
            QCOMPARE(qulonglong(parsed), minor);
        }
    }

    void cardTexts()
    {
        QCOMPARE(amountText(5, 2), QStringLiteral("0.05"));
        QCOMPARE(expiryText(unhex("301231")), QStringLiteral("2030-12-31"));
        QCOMPARE(expiryText(unhex("991231")), QStringLiteral("1999-12-31"));
        QCOMPARE(expiryText(unhex("30123F")), QStringLiteral("30123F"));
        QCOMPARE(odaSupportText(unhex("3D00")),
                 QStringLiteral("CDA (AIP 3D00: card supports DDA, CDA)"));
        QCOMPARE(odaSupportText(unhex("1800")), QStringLiteral("none (AIP 1800)"));

        const QStringList lines = cvmListLines(unhex("000003E800000000"
                                                     "4103"
                                                     "0206"
                                                     "1E03"
                                                     "1F00"));
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines[0], QStringLiteral("amount X 1000, amount Y 0 (application currency, minor "
                                          "units)"));
        QCOMPARE(lines[1], QStringLiteral("1. offline plaintext PIN, if the terminal supports the "
                                          "CVM; if it fails, the next rule"));
        QCOMPARE(lines[2],
                 QStringLiteral("2. online enciphered PIN, if in the application currency "
                                "and under X; if it fails, verification fails"));
        QCOMPARE(lines[4],
                 QStringLiteral("4. no CVM required, always; if it fails, verification fails"));
        QVERIFY(cvmListLines(unhex("0000")).constFirst().startsWith(QStringLiteral("malformed")));
    }

    // PINs come one per line; bad lines and the end of input give none.
    void pinReader()
    {
        int fds[2];
        QVERIFY(::pipe(fds) == 0);
        const char input[] = "1234\n12a4\n1234567890123\n987654321098\r\n";
        QVERIFY(::write(fds[1], input, sizeof input - 1) == ssize_t(sizeof input - 1));
        ::close(fds[1]);
        auto reader = PinReader::open({}, fds[0]);
        QVERIFY(reader.ok());
        const emv::PinRequest request;
        auto first = reader->next(request);
        QVERIFY(first && first->equals(ByteView(reinterpret_cast<const std::uint8_t*>("1234"), 4)));
        QVERIFY(!reader->next(request)); // not digits
        QVERIFY(!reader->next(request)); // 13 digits
        auto last = reader->next(request);
        QVERIFY(last && last->size() == 12);
        QVERIFY(!reader->next(request)); // end of input
        ::close(fds[0]);
        QVERIFY(!PinReader::open({}, 1000).ok());
        QVERIFY(!PinReader::open(m_dir.filePath(QStringLiteral("missing")), -1).ok());
    }

    void onlineSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<bool>("ok");
        QTest::addRow("decline") << "decline" << true;
        QTest::addRow("offline") << "offline" << true;
        QTest::addRow("unknown") << "host" << false;
        QTest::addRow("stub-without-file") << "stub" << false;
        QTest::addRow("stub-missing-file") << "stub:/nonexistent/issuer-keys.json" << false;
        QTest::addRow("decline-with-argument") << "decline:x" << false;
    }
    void onlineSpecs()
    {
        QFETCH(QString, spec);
        QFETCH(bool, ok);
        auto authorizer = makeOnlineAuthorizer(spec);
        QCOMPARE(authorizer.ok(), ok);
        if (ok) {
            const auto response = (*authorizer)(emv::OnlineRequest{});
            QCOMPARE(response.decision, spec == QLatin1String("decline")
                                            ? emv::OnlineDecision::Declined
                                            : emv::OnlineDecision::UnableToGoOnline);
            QVERIFY(response.issuerAuthenticationData.empty());
        }
    }

    // The stub issuer behind the real kernel and the simulated card.
    void stubIssuer_data()
    {
        QTest::addColumn<simemv::CardKind>("kind");
        QTest::addColumn<bool>("rightKeys");
        QTest::addColumn<QString>("pin");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QByteArray>("arc");
        QTest::addColumn<QString>("reason");
        using K = simemv::CardKind;
        const int approved = int(emv::OutcomeKind::ApprovedOnline);
        const int declined = int(emv::OutcomeKind::Declined);
        QTest::addRow("3des-approved") << K::PinPlaintext << true << "1234" << approved
                                       << QByteArray("00") << "ARQC verified (3DES, ATC 0001)";
        QTest::addRow("aes-approved") << K::Cda << true << "1234" << approved << QByteArray("00")
                                      << "ARQC verified (AES, ATC 0001)";
        QTest::addRow("wrong-issuer-key") << K::PinPlaintext << false << "1234" << declined
                                          << QByteArray("05") << "ARQC does not verify";
        QTest::addRow("expired") << K::Expired << true << "1234" << declined << QByteArray("54")
                                 << "card expired";
        QTest::addRow("online-pin-right") << K::PinOnline << true << "1234" << approved
                                          << QByteArray("00") << "online PIN correct";
        QTest::addRow("online-pin-wrong")
            << K::PinOnline << true << "4321" << declined << QByteArray("55") << "online PIN wrong";
    }
    void stubIssuer()
    {
        QFETCH(simemv::CardKind, kind);
        QFETCH(bool, rightKeys);
        QFETCH(QString, pin);
        QFETCH(int, outcome);
        QFETCH(QByteArray, arc);
        QFETCH(QString, reason);

        std::string keysJson = m_personalizer->issuerKeysJson();
        if (!rightKeys)
            keysJson = R"({"3DES": "0123456789ABCDEFFEDCBA9876543210", "AES": )"
                       R"("000102030405060708090A0B0C0D0E0F"})";
        auto issuer = StubIssuer::load(writeIssuerKeys(keysJson));
        QVERIFY2(issuer.ok(), issuer.ok() ? "" : issuer.error().describe().c_str());

        auto json = m_personalizer->profileJson(kind, 1);
        QVERIFY(json.ok());
        auto profile = sim::CardProfile::parse(*json);
        QVERIFY(profile.ok());
        sim::SimulatedCard card(std::move(*profile));
        card.powerOn();
        test::PinCardholder cardholder(pin.toStdString());
        test::FixedRandom random(Bytes{0x5A});
        std::string decided;
        auto online = [&](const emv::OnlineRequest& request) {
            auto decision = issuer->decide(request);
            decided = decision.reason;
            return decision.response;
        };
        emv::EmvKernel kernel(card, cardholder, terminal(), m_keys, online, SystemClock::instance(),
                              random);
        emv::TransactionRequest request;
        request.amount = 1234;
        request.dateTime = std::chrono::sys_days{std::chrono::year{2026} / 1 / 15};
        auto result = kernel.run(request);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().describe().c_str());
        QVERIFY2(int(result->kind) == outcome, (std::string(emv::outcomeKindName(result->kind)) +
                                                ": " + result->reason + " / " + decided)
                                                   .c_str());
        QVERIFY2(QString::fromStdString(decided).contains(reason), decided.c_str());
        const auto code = result->data.get(0x8A);
        QVERIFY(code);
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(code->data()), int(code->size())), arc);
        // A verified ARQC is answered with an ARPC the card accepts (issuer
        // authentication by EXTERNAL AUTHENTICATE, Book 3, 10.9); a bad one
        // with no ARPC at all.
        QCOMPARE(result->tsi.test(emv::TsiBit::IssuerAuthenticationPerformed), rightKeys);
        QVERIFY(!result->tvr.test(emv::TvrBit::IssuerAuthenticationFailed));
    }

    void stubIssuerRejectsKeyFiles_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addRow("not-json") << QByteArray("3DES=0123");
        QTest::addRow("no-aes") << QByteArray(R"({"3DES": "0123456789ABCDEFFEDCBA9876543210"})");
        QTest::addRow("short-3des") << QByteArray(
            R"({"3DES": "0123456789ABCDEF", "AES": "000102030405060708090A0B0C0D0E0F"})");
        QTest::addRow("not-hex") << QByteArray(
            R"({"3DES": "0123456789ABCDEFFEDCBA987654321G", "AES": "00"})");
    }
    void stubIssuerRejectsKeyFiles()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!StubIssuer::load(writeIssuerKeys(json.toStdString())).ok());
    }
};

QTEST_GUILESS_MAIN(TestCliPayment)
#include "tst_cli_payment.moc"
