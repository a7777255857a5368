// The CardLink message MAC: AES-CMAC over the encoded message up to the MAC
// field (docs/iso8583-profile.md, "Message MAC").
#include "online/MessageMac.h"

#include "iso8583/CardLinkProfile.h"
#include "iso8583/MessageCodec.h"
#include "iso8583/MessageValidator.h"

#include "Iso8583Samples.h"
#include "support/TestBytes.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::online;
using cardlink::iso8583::Message;
using cardlink::test::hex;

Q_DECLARE_METATYPE(cardlink::iso8583::Message)

namespace {
// The published MAC generation key of the X9.24-3 AES-128 example, KSN 1.
const char* const kMacKey = "A2DC23DE6FDE0824A2BC321E08E4B8B7";

Message withoutMac(Message m)
{
    m.remove(64);
    m.remove(128);
    return m;
}
} // namespace

class TestMessageMac : public QObject
{
    Q_OBJECT

private slots:
    void knownAnswer();
    void macInputIsTheWirePrefix_data();
    void macInputIsTheWirePrefix();
    void roundTrip_data();
    void roundTrip();
    void tamperedField();
    void tamperedWire();
    void wrongKey();
    void missingMac();
    void macInWrongField();
    void badKey();
};

void TestMessageMac::knownAnswer()
{
    // 0800 echo. The MAC input written out by hand from the profile:
    // MTI 0800, primary bitmap (1, 7, 11, 41), secondary bitmap (70, 128),
    // field 7 BCD, 11 BCD, 41 ASCII "TERM0001", 70 BCD "301" left-padded.
    // Expected MAC: Python `cryptography` CMAC(AES(key)) over those bytes,
    // first 8 bytes.
    const Message echo = iso8583::samples::echoRequest();
    auto input = MessageMac::macInput(echo);
    QVERIFY(input.ok());
    QCOMPARE(*input, hex("0800 8220000000800000 0400000000000001 0612143000 000122 "
                         "5445524D30303031 0301"));
    QCOMPARE(MessageMac::macField(echo), 128);
    auto mac = MessageMac::compute(echo, hex(kMacKey));
    QVERIFY(mac.ok());
    QCOMPARE(*mac, hex("4525B45DA05D5002"));
}

void TestMessageMac::macInputIsTheWirePrefix_data()
{
    QTest::addColumn<Message>("message");
    QTest::addColumn<int>("macField");
    namespace s = iso8583::samples;
    QTest::addRow("0100") << s::authorizationRequest() << 64;
    QTest::addRow("0110") << s::authorizationResponse() << 64;
    QTest::addRow("0200") << s::financialRequest() << 128;
    QTest::addRow("0210") << s::financialResponse() << 128;
    QTest::addRow("0220") << s::financialAdvice() << 64;
    QTest::addRow("0400") << s::reversal("0400") << 128;
    QTest::addRow("0500") << s::reconciliationRequest() << 64;
    QTest::addRow("0800") << s::echoRequest() << 128;
}

void TestMessageMac::macInputIsTheWirePrefix()
{
    QFETCH(Message, message);
    QFETCH(int, macField);
    QCOMPARE(MessageMac::macField(message), macField);
    Message macced = withoutMac(message);
    QVERIFY(MessageMac::apply(macced, hex(kMacKey)).ok());
    auto wire = iso8583::MessageCodec(iso8583::cardLinkProfile()).encode(macced);
    QVERIFY(wire.ok());
    auto input = MessageMac::macInput(macced);
    QVERIFY(input.ok());
    QCOMPARE(input->size() + MessageMac::kMacSize, wire->size());
    QVERIFY(std::equal(input->begin(), input->end(), wire->begin()));
    QCOMPARE(Bytes(wire->end() - 8, wire->end()), *macced.bytes(macField));
    // The input does not depend on the MAC value already in the message.
    auto again = MessageMac::macInput(message);
    QVERIFY(again.ok());
    QCOMPARE(*again, *input);
}

void TestMessageMac::roundTrip_data()
{
    macInputIsTheWirePrefix_data();
}

void TestMessageMac::roundTrip()
{
    QFETCH(Message, message);
    Message macced = withoutMac(message);
    QVERIFY(MessageMac::apply(macced, hex(kMacKey)).ok());
    const auto& profile = iso8583::cardLinkProfile();
    QVERIFY2(iso8583::MessageValidator::validate(macced, profile).ok(),
             iso8583::MessageValidator::validate(macced, profile).ok()
                 ? ""
                 : iso8583::MessageValidator::validate(macced, profile).error().message.c_str());
    iso8583::MessageCodec codec(profile);
    auto decoded = codec.decode(codec.encode(macced).value());
    QVERIFY(decoded.ok());
    QCOMPARE(*decoded, macced);
    QCOMPARE(MessageMac::verify(*decoded, hex(kMacKey)).value(), MacCheck::Valid);
}

void TestMessageMac::tamperedField()
{
    Message m = withoutMac(iso8583::samples::authorizationRequest());
    QVERIFY(MessageMac::apply(m, hex(kMacKey)).ok());
    m.set(4, "000000009999");
    QCOMPARE(MessageMac::verify(m, hex(kMacKey)).value(), MacCheck::Invalid);
    // Adding a field the MAC did not cover is also caught.
    Message added = withoutMac(iso8583::samples::authorizationRequest());
    QVERIFY(MessageMac::apply(added, hex(kMacKey)).ok());
    added.set(48, "EXTRA");
    QCOMPARE(MessageMac::verify(added, hex(kMacKey)).value(), MacCheck::Invalid);
}

void TestMessageMac::tamperedWire()
{
    iso8583::MessageCodec codec(iso8583::cardLinkProfile());
    Message m = withoutMac(iso8583::samples::financialRequest());
    QVERIFY(MessageMac::apply(m, hex(kMacKey)).ok());
    Bytes wire = codec.encode(m).value();
    int caught = 0;
    int decodable = 0;
    // Flip one bit in each byte: whatever still decodes must fail the MAC.
    for (std::size_t i = 0; i < wire.size(); ++i) {
        Bytes bad = wire;
        bad[i] ^= 0x01;
        auto decoded = codec.decode(bad);
        if (!decoded)
            continue;
        ++decodable;
        auto check = MessageMac::verify(*decoded, hex(kMacKey));
        if (!check.ok() || *check != MacCheck::Valid)
            ++caught;
    }
    QVERIFY(decodable > 0);
    QCOMPARE(caught, decodable);
}

void TestMessageMac::wrongKey()
{
    Message m = withoutMac(iso8583::samples::reconciliationRequest());
    QVERIFY(MessageMac::apply(m, hex(kMacKey)).ok());
    QCOMPARE(MessageMac::verify(m, hex("484C3B06E8562704528CD5B46FB12FB6")).value(),
             MacCheck::Invalid);
}

void TestMessageMac::missingMac()
{
    const Message m = withoutMac(iso8583::samples::authorizationRequest());
    QCOMPARE(MessageMac::verify(m, hex(kMacKey)).value(), MacCheck::Missing);
}

void TestMessageMac::macInWrongField()
{
    // The 0200 sample has secondary fields: a MAC in 64 is not CardLink's.
    Message m = withoutMac(iso8583::samples::financialRequest());
    auto mac = MessageMac::compute(m, hex(kMacKey));
    QVERIFY(mac.ok());
    m.set(64, *mac);
    QCOMPARE(MessageMac::verify(m, hex(kMacKey)).value(), MacCheck::Invalid);
    m.set(128, *mac);
    QCOMPARE(MessageMac::verify(m, hex(kMacKey)).value(), MacCheck::Invalid);
    // apply() moves it to the right field.
    QVERIFY(MessageMac::apply(m, hex(kMacKey)).ok());
    QVERIFY(!m.has(64));
    QCOMPARE(MessageMac::verify(m, hex(kMacKey)).value(), MacCheck::Valid);
}

void TestMessageMac::badKey()
{
    Message m = withoutMac(iso8583::samples::echoRequest());
    auto result = MessageMac::apply(m, hex("0011223344556677"));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!m.has(128));
    // A message that does not encode (field 52 too long) is an error, not a MAC.
    Message broken = withoutMac(iso8583::samples::authorizationRequest());
    broken.set(52, Bytes(17, 0));
    QVERIFY(!MessageMac::compute(broken, hex(kMacKey)).ok());
}

QTEST_GUILESS_MAIN(TestMessageMac)
#include "tst_messagemac.moc"
