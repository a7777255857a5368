#include "EmvTestPki.h"
#include "ScriptedCard.h"
#include "crypto/RsaPrivateKey.h"
#include "emv/cvm/CardholderVerification.h"
#include "iso7816/ApduTrace.h"
#include "iso7816/TracingChannel.h"
#include "pin/PinBlock.h"

#include "support/TestBytes.h"
#include <QStringList>

#include <QTest>

#include <deque>
#include <functional>
#include <optional>

using namespace cardlink;
using cardlink::test::hex;
using namespace cardlink::emv;

namespace {

Bytes hex(const QString& text)
{
    return fromHex(text.toStdString()).value();
}

// The person at the PIN pad: answers PIN requests from a list ("1234",
// "bypass", "cancel", "timeout") and records what the kernel showed.
class FakeCardholder final : public Cardholder
{
public:
    explicit FakeCardholder(QStringList answers) : m_answers(std::move(answers)) {}

    std::optional<std::size_t> chooseApplication(std::span<const ApplicationChoice>) override
    {
        return std::nullopt;
    }
    bool confirmApplication(const ApplicationChoice&) override { return false; }
    bool confirmAmount(std::uint64_t, const std::string&) override { return false; }
    PinEntry enterPin(const PinRequest& request) override
    {
        requests.push_back(request);
        PinEntry entry;
        if (m_answers.isEmpty()) {
            unexpectedPrompt = true;
            entry.status = PinEntryStatus::Cancelled;
            return entry;
        }
        const QString answer = m_answers.takeFirst();
        if (answer == "bypass")
            entry.status = PinEntryStatus::Bypassed;
        else if (answer == "cancel")
            entry.status = PinEntryStatus::Cancelled;
        else if (answer == "timeout")
            entry.status = PinEntryStatus::TimedOut;
        else {
            entry.status = PinEntryStatus::Entered;
            const QByteArray digits = answer.toLatin1();
            entry.digits =
                pin::SecretBytes(ByteView(reinterpret_cast<const std::uint8_t*>(digits.constData()),
                                          static_cast<std::size_t>(digits.size())));
        }
        return entry;
    }
    void showMessage(CardholderMessage message) override { messages.push_back(message); }

    bool allAnswersUsed() const { return m_answers.isEmpty(); }

    std::vector<PinRequest> requests;
    std::vector<CardholderMessage> messages;
    bool unexpectedPrompt = false;

private:
    QStringList m_answers;
};

// A card that deciphers an enciphered PIN with its private key (Book 2,
// 7.2): GET DATA 9F17, GET CHALLENGE, VERIFY P2 = 88. ScriptedCard cannot
// do this, the challenge is fresh each time.
class EncipheringCard final : public iso7816::CardChannel
{
public:
    EncipheringCard(crypto::RsaPrivateKey key, std::string pin, int tries)
        : m_key(std::move(key)), m_pin(std::move(pin)), m_tries(tries)
    {}

    Result<iso7816::ResponseApdu> transmit(const iso7816::CommandApdu& command) override
    {
        received.push_back(command.encode().value());
        if (command.ins == 0xCA && command.p1 == 0x9F && command.p2 == 0x17)
            return iso7816::ResponseApdu{
                Bytes{0x9F, 0x17, 0x01, static_cast<std::uint8_t>(m_tries)}, 0x9000};
        if (command.ins == 0x84) {
            m_challenge = Bytes{0x10, 0x20, 0x30, 0x40,
                                0x50, 0x60, 0x70, static_cast<std::uint8_t>(received.size())};
            return iso7816::ResponseApdu{m_challenge, 0x9000};
        }
        if (command.ins == 0x20 && command.p2 == 0x88)
            return verify(command.data);
        return iso7816::ResponseApdu{{}, 0x6D00};
    }

    std::vector<Bytes> received;
    bool badFormat = false;

private:
    Result<iso7816::ResponseApdu> verify(ByteView data)
    {
        if (m_tries == 0)
            return iso7816::ResponseApdu{{}, 0x6983};
        auto plain = m_key.sign(data); // the private-key operation deciphers
        if (!plain || (*plain)[0] != 0x7F || m_challenge.empty() ||
            !std::equal(m_challenge.begin(), m_challenge.end(), plain->begin() + 9)) {
            badFormat = true;
            return iso7816::ResponseApdu{{}, 0x6A80};
        }
        m_challenge.clear(); // one challenge, one VERIFY
        auto pin =
            pin::PinBlock::decode(pin::PinBlockFormat::Iso2, ByteView(*plain).subspan(1, 8), {});
        secureWipe(*plain);
        if (!pin) {
            badFormat = true;
            return iso7816::ResponseApdu{{}, 0x6A80};
        }
        const bool right = pin->equals(
            ByteView(reinterpret_cast<const std::uint8_t*>(m_pin.data()), m_pin.size()));
        if (right)
            return iso7816::ResponseApdu{{}, 0x9000};
        --m_tries;
        return iso7816::ResponseApdu{{}, static_cast<std::uint16_t>(0x63C0 | m_tries)};
    }

    crypto::RsaPrivateKey m_key;
    std::string m_pin;
    int m_tries;
    Bytes m_challenge;
};

using DataChange = std::function<void(TransactionData&)>;

DataChange setTag(tlv::Tag tag, const char* value)
{
    return [tag, value](TransactionData& d) {
        d.set(tag, hex(value));
    };
}
DataChange both(DataChange a, DataChange b)
{
    return [a, b](TransactionData& d) {
        a(d);
        b(d);
    };
}
const DataChange kNoChange = [](TransactionData&) {
};

// Amount 10.00 EUR, purchase, attended terminal, card in EUR.
TransactionData baseData()
{
    TransactionData data;
    data.set(0x82, hex("5800"));
    data.set(0x9F02, hex("000000001000"));
    data.set(0x5F2A, hex("0978"));
    data.set(0x9F42, hex("0978"));
    data.set(0x9C, hex("00"));
    data.set(0x9F35, hex("22"));
    return data;
}

// Amount X = 15.00, Amount Y = 5.00.
QString cvmList(const char* rules)
{
    return QString("000005DC000001F4") + rules;
}

QString triesText(const std::vector<PinRequest>& requests)
{
    QStringList out;
    for (const auto& r : requests)
        out << (r.triesLeft ? QString::number(*r.triesLeft) : QString("-"));
    return out.join(',');
}

} // namespace

Q_DECLARE_METATYPE(DataChange)

class TestEmvCvm : public QObject
{
    Q_OBJECT

    std::optional<test::EmvTestPki> m_pki;

private slots:
    void initTestCase()
    {
        auto created = test::EmvTestPki::create();
        QVERIFY2(created.ok(), created ? "" : created.error().message.c_str());
        m_pki.emplace(std::move(created).value());
    }

    // Book 3, 10.5 and Annex C3; Book 4, 6.3 and Annex A4.
    void verification_data()
    {
        QTest::addColumn<QString>("list"); // "absent" for no 8E
        QTest::addColumn<DataChange>("change");
        QTest::addColumn<QString>("capabilities");
        QTest::addColumn<bool>("pinPad");
        QTest::addColumn<QStringList>("answers");
        QTest::addColumn<QStringList>("script"); // "command|response"
        QTest::addColumn<QString>("cvmResults");
        QTest::addColumn<QString>("tvr");
        QTest::addColumn<bool>("tsi");
        QTest::addColumn<QString>("flags"); // s = signature, o = online PIN, c = cancelled
        QTest::addColumn<QString>("tries"); // tries shown per PIN prompt

        const QString caps = "E0F8C8";
        const QString getData = "80CA9F1700";
        const QString verify1234 = "0020008008241234FFFFFFFFFF";
        const QString verify1111 = "0020008008241111FFFFFFFFFF";
        auto row = [&](const char* name, QString list, DataChange change, QString capabilities,
                       bool pinPad, QStringList answers, QStringList script, const char* results,
                       const char* tvr, bool tsi, const char* flags, const char* tries) {
            QTest::addRow("%s", name)
                << list << change << capabilities << pinPad << answers << script << QString(results)
                << QString(tvr) << tsi << QString(flags) << QString(tries);
        };
        // Missing or empty list, or no CV in the AIP.
        row("no-cvm-list", "absent", kNoChange, caps, true, {}, {}, "3F0000", "2000000000", false,
            "", "");
        row("aip-without-cv", cvmList("1E00"), setTag(0x82, "4000"), caps, true, {}, {}, "3F0000",
            "0000000000", false, "", "");
        row("list-without-rules", cvmList(""), kNoChange, caps, true, {}, {}, "3F0000",
            "0000000000", false, "", "");
        // CV Rule codes.
        row("signature", cvmList("1E00"), kNoChange, caps, true, {}, {}, "1E0000", "0000000000",
            true, "s", "");
        row("no-cvm-required", cvmList("1F00"), kNoChange, caps, true, {}, {}, "1F0002",
            "0000000000", true, "", "");
        row("fail-cvm", cvmList("0000"), kNoChange, caps, true, {}, {}, "000001", "0000800000",
            true, "", "");
        row("fail-cvm-apply-next", cvmList("40001F00"), kNoChange, caps, true, {}, {}, "1F0002",
            "0000000000", true, "", "");
        row("unrecognised-cvm", cvmList("0800"), kNoChange, caps, true, {}, {}, "080001",
            "0000C00000", true, "", "");
        row("unrecognised-then-signature", cvmList("48001E00"), kNoChange, caps, true, {}, {},
            "1E0000", "0000400000", true, "s", "");
        row("not-supported-by-terminal", cvmList("1E00"), kNoChange, "E008C8", true, {}, {},
            "1E0001", "0000800000", true, "", "");
        row("last-rule-fails-b7", cvmList("5E00"), kNoChange, "E008C8", true, {}, {}, "5E0001",
            "0000800000", true, "", "");
        // Condition codes (Annex C3, table 40).
        row("cond03-skips-unsupported", cvmList("1E031F03"), kNoChange, "E008C8", true, {}, {},
            "1F0302", "0000000000", true, "", "");
        row("cond01-unattended-cash", cvmList("1E011F00"),
            both(setTag(0x9C, "01"), setTag(0x9F35, "25")), caps, true, {}, {}, "1E0100",
            "0000000000", true, "s", "");
        row("cond01-attended-cash-skips", cvmList("1E011F00"), setTag(0x9C, "01"), caps, true, {},
            {}, "1F0002", "0000000000", true, "", "");
        row("cond02-purchase", cvmList("1E021F00"), kNoChange, caps, true, {}, {}, "1E0200",
            "0000000000", true, "s", "");
        row("cond02-cash-skips", cvmList("1E021F00"), setTag(0x9C, "01"), caps, true, {}, {},
            "1F0002", "0000000000", true, "", "");
        row("cond02-cashback-skips", cvmList("1E021F00"), setTag(0x9C, "09"), caps, true, {}, {},
            "1F0002", "0000000000", true, "", "");
        row("cond04-manual-cash", cvmList("1E041F00"), setTag(0x9C, "01"), caps, true, {}, {},
            "1E0400", "0000000000", true, "s", "");
        row("cond04-unattended-skips", cvmList("1E041F00"),
            both(setTag(0x9C, "01"), setTag(0x9F35, "14")), caps, true, {}, {}, "1F0002",
            "0000000000", true, "", "");
        row("cond05-cashback", cvmList("1E051F00"), setTag(0x9C, "09"), caps, true, {}, {},
            "1E0500", "0000000000", true, "s", "");
        row("cond05-purchase-skips", cvmList("1E051F00"), kNoChange, caps, true, {}, {}, "1F0002",
            "0000000000", true, "", "");
        row("cond06-under-x", cvmList("1E061F00"), kNoChange, caps, true, {}, {}, "1E0600",
            "0000000000", true, "s", "");
        row("cond07-over-x-skips", cvmList("1E071F00"), kNoChange, caps, true, {}, {}, "1F0002",
            "0000000000", true, "", "");
        row("cond07-over-x", cvmList("1E071F00"), setTag(0x9F02, "000000001501"), caps, true, {},
            {}, "1E0700", "0000000000", true, "s", "");
        row("cond06-equal-x-skips", cvmList("1E061F00"), setTag(0x9F02, "000000001500"), caps, true,
            {}, {}, "1F0002", "0000000000", true, "", "");
        row("cond08-under-y-skips", cvmList("1E081F00"), kNoChange, caps, true, {}, {}, "1F0002",
            "0000000000", true, "", "");
        row("cond09-over-y", cvmList("1E091F00"), kNoChange, caps, true, {}, {}, "1E0900",
            "0000000000", true, "s", "");
        row("cond06-other-currency-skips", cvmList("1E061F00"), setTag(0x9F42, "0840"), caps, true,
            {}, {}, "1F0002", "0000000000", true, "", "");
        row("cond-rfu-0A-skips", cvmList("1E0A1F00"), kNoChange, caps, true, {}, {}, "1F0002",
            "0000000000", true, "", "");
        row("all-conditions-unmet", cvmList("1E07"), kNoChange, caps, true, {}, {}, "3F0001",
            "0000800000", true, "", "");
        // Online PIN (Book 3, 10.5.2).
        row("online-pin", cvmList("4203"), kNoChange, caps, true, {"1234"}, {}, "420300",
            "0000040000", true, "o", "-");
        row("online-pin-bypassed", cvmList("42031E03"), kNoChange, caps, true, {"bypass"}, {},
            "1E0300", "0000080000", true, "s", "-");
        row("online-pin-timeout", cvmList("42031E03"), kNoChange, caps, true, {"timeout"}, {},
            "1E0300", "0000080000", true, "s", "-");
        row("online-pin-too-short", cvmList("42031E03"), kNoChange, caps, true, {"123"}, {},
            "1E0300", "0000080000", true, "s", "-");
        row("online-pin-pad-broken", cvmList("42031E03"), kNoChange, caps, false, {}, {}, "1E0300",
            "0000100000", true, "s", "");
        row("online-pin-cancelled", cvmList("42031E03"), kNoChange, caps, true, {"cancel"}, {},
            "420301", "0000000000", false, "c", "-");
        // Offline plaintext PIN (Book 4, 6.3.4; Book 3, 6.5.12).
        row("offline-pin-right", cvmList("41031E03"), kNoChange, caps, true, {"1234"},
            {getData + "|9F1701039000", verify1234 + "|9000"}, "410302", "0000000000", true, "",
            "3");
        row("offline-pin-wrong-then-right", cvmList("41031E03"), kNoChange, caps, true,
            {"1111", "1234"},
            {getData + "|9F1701039000", verify1111 + "|63C2", verify1234 + "|9000"}, "410302",
            "0000000000", true, "", "3,2");
        row("offline-pin-last-try-wrong", cvmList("41031E03"), kNoChange, caps, true, {"1111"},
            {getData + "|9F1701019000", verify1111 + "|63C0"}, "1E0300", "0000200000", true, "s",
            "1");
        row("offline-pin-counter-zero", cvmList("41031E03"), kNoChange, caps, true, {},
            {getData + "|9F1701009000"}, "1E0300", "0000200000", true, "s", "");
        row("offline-pin-blocked-6983", cvmList("0103"), kNoChange, caps, true, {"1234"},
            {getData + "|9F1701039000", verify1234 + "|6983"}, "010301", "0000A00000", true, "",
            "3");
        row("offline-pin-blocked-6984", cvmList("0103"), kNoChange, caps, true, {"1234"},
            {getData + "|6A88", verify1234 + "|6984"}, "010301", "0000A00000", true, "", "-");
        row("offline-pin-no-counter", cvmList("0103"), kNoChange, caps, true, {"1234"},
            {getData + "|6A88", verify1234 + "|9000"}, "010302", "0000000000", true, "", "-");
        row("offline-pin-other-error", cvmList("0103"), kNoChange, caps, true, {"1234"},
            {getData + "|9F1701039000", verify1234 + "|6A80"}, "010301", "0000800000", true, "",
            "3");
        row("offline-pin-bypass-covers-later-pin", cvmList("410342031E03"), kNoChange, caps, true,
            {"bypass"}, {getData + "|9F1701039000"}, "1E0300", "0000080000", true, "s", "3");
        row("offline-pin-too-short-then-online", cvmList("410342031E03"), kNoChange, caps, true,
            {"123", "1234"}, {getData + "|9F1701039000"}, "420300", "00000C0000", true, "o", "3,-");
        row("offline-pin-cancelled", cvmList("41031E03"), kNoChange, caps, true, {"cancel"},
            {getData + "|9F1701039000"}, "410301", "0000000000", false, "c", "3");
        row("offline-pin-pad-broken", cvmList("41031F03"), kNoChange, caps, false, {}, {}, "1F0302",
            "0000100000", true, "", "");
        row("offline-pin-and-signature", cvmList("0303"), kNoChange, caps, true, {"1234"},
            {getData + "|9F1701039000", verify1234 + "|9000"}, "030300", "0000000000", true, "s",
            "3");
        row("offline-pin-unsupported-terminal", cvmList("41031F03"), kNoChange, "E078C8", true, {},
            {}, "1F0302", "0000000000", true, "", "");
    }
    void verification()
    {
        QFETCH(QString, list);
        QFETCH(DataChange, change);
        QFETCH(QString, capabilities);
        QFETCH(bool, pinPad);
        QFETCH(QStringList, answers);
        QFETCH(QStringList, script);
        QFETCH(QString, cvmResults);
        QFETCH(QString, tvr);
        QFETCH(bool, tsi);
        QFETCH(QString, flags);
        QFETCH(QString, tries);

        TransactionData data = baseData();
        if (list != "absent")
            data.set(0x8E, hex(list));
        change(data);
        test::ScriptedCard card;
        for (const QString& step : script) {
            const QStringList parts = step.split('|');
            card.expect(parts[0].toStdString(), parts[1].toStdString(), "step");
        }
        iso7816::ApduTrace trace;
        iso7816::TracingChannel traced(card, trace);
        FakeCardholder person(answers);
        Tvr tvrBits;
        Tsi tsiBits;
        const Bytes caps = hex(capabilities);
        CvmSettings settings{caps, 1000, "EUR", pinPad};
        auto outcome = performCardholderVerification(traced, person, data, tvrBits, tsiBits,
                                                     settings, std::nullopt, m_pki->store());
        QVERIFY2(outcome.ok(), outcome ? "" : outcome.error().message.c_str());
        QVERIFY2(card.finished(), card.failure().c_str());
        QVERIFY(person.allAnswersUsed());
        QVERIFY(!person.unexpectedPrompt);
        QCOMPARE(toHex(outcome->cvmResults), cvmResults.toStdString());
        QCOMPARE(toHex(*data.get(0x9F34)), cvmResults.toStdString());
        QCOMPARE(toHex(tvrBits.toBytes()), tvr.toStdString());
        QCOMPARE(tsiBits.test(TsiBit::CardholderVerificationPerformed), tsi);
        QCOMPARE(outcome->signatureRequired, flags.contains('s'));
        QCOMPARE(outcome->onlinePin, flags.contains('o'));
        QCOMPARE(outcome->cancelled, flags.contains('c'));
        QCOMPARE(triesText(person.requests), tries);
        if (flags.contains('o'))
            QVERIFY(outcome->onlinePinDigits.equals(hex("31323334")));
        else
            QVERIFY(outcome->onlinePinDigits.empty());
        // The PIN never reaches the trace (ApduTraceEntry masks VERIFY).
        const std::string text = trace.exportText();
        QVERIFY2(text.find("41 12 34") == std::string::npos &&
                     text.find("24 12 34") == std::string::npos &&
                     text.find("24 11 11") == std::string::npos &&
                     text.find("241234") == std::string::npos,
                 text.c_str());
    }

    void messagesOnWrongPin()
    {
        TransactionData data = baseData();
        data.set(0x8E, hex(cvmList("0103")));
        test::ScriptedCard card{
            {"80CA9F1700", "9F1701039000", "tries"},
            {"0020008008241111FFFFFFFFFF", "63C1", "wrong"},
            {"0020008008241111FFFFFFFFFF", "63C0", "wrong again: blocked"},
        };
        FakeCardholder person({"1111", "1111"});
        Tvr tvr;
        Tsi tsi;
        const Bytes caps = hex("E0F8C8");
        auto outcome = performCardholderVerification(card, person, data, tvr, tsi,
                                                     CvmSettings{caps, 1000, "EUR", true},
                                                     std::nullopt, m_pki->store());
        QVERIFY(outcome.ok());
        QVERIFY2(card.finished(), card.failure().c_str());
        QCOMPARE(person.messages, (std::vector<CardholderMessage>{CardholderMessage::LastPinTry,
                                                                  CardholderMessage::PinBlocked}));
        QVERIFY(tvr.test(TvrBit::PinTryLimitExceeded));
        QCOMPARE(person.requests.size(), std::size_t{2});
        QCOMPARE(person.requests[0].amount, std::uint64_t{1000});
        QCOMPARE(person.requests[0].currency, std::string("EUR"));
        QCOMPARE(person.requests[0].kind, PinKind::OfflinePlaintext);
    }

    void malformedListIsAnError()
    {
        TransactionData data = baseData();
        data.set(0x8E, hex("000005DC000001F41E"));
        test::ScriptedCard card;
        FakeCardholder person({});
        Tvr tvr;
        Tsi tsi;
        const Bytes caps = hex("E0F8C8");
        auto outcome = performCardholderVerification(card, person, data, tvr, tsi,
                                                     CvmSettings{caps, 1000, "EUR", true},
                                                     std::nullopt, m_pki->store());
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().code, ErrorCode::Malformed);
    }

    void cardRemovedIsAnError()
    {
        TransactionData data = baseData();
        data.set(0x8E, hex(cvmList("0103")));
        test::ScriptedCard card;
        card.expect("80CA9F1700", "9F1701039000", "tries");
        card.expectError("0020008008241234FFFFFFFFFF", makeError(ErrorCode::CardRemoved, "gone"));
        FakeCardholder person({"1234"});
        Tvr tvr;
        Tsi tsi;
        const Bytes caps = hex("E0F8C8");
        auto outcome = performCardholderVerification(card, person, data, tvr, tsi,
                                                     CvmSettings{caps, 1000, "EUR", true},
                                                     std::nullopt, m_pki->store());
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().code, ErrorCode::CardRemoved);
    }

    // Book 2, 7.1-7.2 and Book 3, 6.5.12: offline enciphered PIN with the
    // ICC PIN Encipherment key (9F2D) or the ICC key.
    void encipheredPin_data()
    {
        QTest::addColumn<QString>("keySource"); // pin-key, icc-key, none, bad-pin-key
        QTest::addColumn<QStringList>("answers");
        QTest::addColumn<QString>("cvmResults");
        QTest::addColumn<int>("verifies");
        QTest::addRow("pin-encipherment-key") << "pin-key" << QStringList{"4827"} << "440302" << 1;
        QTest::addRow("icc-key") << "icc-key" << QStringList{"4827"} << "440302" << 1;
        QTest::addRow("wrong-then-right")
            << "pin-key" << QStringList{"1111", "4827"} << "440302" << 2;
        QTest::addRow("no-key-falls-through") << "none" << QStringList{} << "1E0300" << 0;
        QTest::addRow("bad-pin-key-certificate") << "bad-pin-key" << QStringList{} << "1E0300" << 0;
        QTest::addRow("with-signature") << "icc-key" << QStringList{"4827"} << "450300" << 1;
    }
    void encipheredPin()
    {
        QFETCH(QString, keySource);
        QFETCH(QStringList, answers);
        QFETCH(QString, cvmResults);
        QFETCH(int, verifies);
        const test::EmvTestPki& pki = *m_pki;

        TransactionData data = baseData();
        const bool withSignature = cvmResults.startsWith("45");
        data.set(0x8E, hex(cvmList(withSignature ? "4503" : "44031E03")));
        std::optional<IccPublicKey> iccKey;
        crypto::RsaPrivateKey cardKey = pki.icc();
        pki.putIssuerData(data);
        if (keySource == "pin-key" || keySource == "bad-pin-key") {
            QVERIFY(pki.putIccPinData(data).ok());
            cardKey = pki.iccPin();
            if (keySource == "bad-pin-key") {
                Bytes cert(data.get(0x9F2D)->begin(), data.get(0x9F2D)->end());
                cert[5] ^= 0x01;
                data.set(0x9F2D, cert);
            }
            // The ICC key is there too; 9F2D must win.
            iccKey =
                IccPublicKey{pki.icc().publicKey().modulus(), pki.icc().publicKey().exponent()};
        } else if (keySource == "icc-key") {
            iccKey =
                IccPublicKey{pki.icc().publicKey().modulus(), pki.icc().publicKey().exponent()};
        }
        EncipheringCard card(cardKey, "4827", 3);
        iso7816::ApduTrace trace;
        iso7816::TracingChannel traced(card, trace);
        FakeCardholder person(answers);
        Tvr tvr;
        Tsi tsi;
        const Bytes caps = hex("E0F8C8");
        auto outcome = performCardholderVerification(traced, person, data, tvr, tsi,
                                                     CvmSettings{caps, 1000, "EUR", true}, iccKey,
                                                     pki.store());
        QVERIFY2(outcome.ok(), outcome ? "" : outcome.error().message.c_str());
        QVERIFY(!card.badFormat);
        QVERIFY(person.allAnswersUsed());
        QCOMPARE(toHex(outcome->cvmResults), cvmResults.toStdString());
        int verifyCount = 0;
        for (const Bytes& command : card.received) {
            if (command.size() > 4 && command[1] == 0x20) {
                ++verifyCount;
                QCOMPARE(command[3], std::uint8_t{0x88});
                // Enciphered: the format 2 block 24 48 27 FF.. is not on the wire.
                QVERIFY(toHex(command).find("244827FF") == std::string::npos);
            }
        }
        QCOMPARE(verifyCount, verifies);
        QVERIFY(trace.exportText().find("48 27 FF") == std::string::npos);
        for (const auto& request : person.requests) {
            QCOMPARE(request.kind, PinKind::OfflineEnciphered);
            QVERIFY(request.triesLeft.has_value());
        }
    }
};

QTEST_GUILESS_MAIN(TestEmvCvm)
#include "tst_emv_cvm.moc"
