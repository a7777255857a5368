// Terminal request builders (core/online): 0100/0200 from the kernel's
// online request, 0220 advice, 0400/0401 reversal, 0800 and 0500; each
// checked field by field, through MessageCodec and MessageValidator, and
// against the host-side DUKPT functions (PIN and MAC).
#include "online/NetworkMessages.h"
#include "online/Reconciliation.h"
#include "online/RequestBuilder.h"
#include "online/ReversalBuilder.h"

#include "dukpt/DukptPin.h"
#include "host/BatchTotalsText.h"
#include "iso8583/MessageCodec.h"
#include "iso8583/MessageValidator.h"
#include "online/MessageMac.h"
#include "pin/PinVerificationValue.h"
#include "tlv/TlvParser.h"

#include "OnlineFixtures.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::online;
using namespace cardlink::test::online;
using cardlink::iso8583::Message;
using cardlink::test::hex;
namespace fx = cardlink::test::online;

Q_DECLARE_METATYPE(cardlink::iso8583::Message)

namespace {
QString textOf(const Message& m, int field)
{
    const std::string* text = m.text(field);
    return text ? QString::fromStdString(*text) : QStringLiteral("<absent>");
}

// Encode, decode, validate: what goes on the wire comes back identical.
bool roundTrips(const Message& m)
{
    iso8583::MessageCodec codec(iso8583::cardLinkProfile());
    auto wire = codec.encode(m);
    if (!wire)
        return false;
    auto back = codec.decode(*wire);
    return back && *back == m &&
           iso8583::MessageValidator::validate(*back, iso8583::cardLinkProfile()).ok();
}

MacCheck hostMacCheck(const Message& m)
{
    auto ksn = dukpt::KeySerialNumber::fromBytes(*m.bytes(53)).value();
    auto keys = dukpt::KeyDerivation::hostWorkingKeys(hex(kBdk), ksn).value();
    return MessageMac::verify(m, keys.macGeneration.view()).value();
}

Bytes pvvKey()
{
    return Bytes(32, 0x5C);
}
} // namespace

class TestOnlineRequests : public QObject
{
    Q_OBJECT

private slots:
    void purchaseFields();
    void iccDataHasTheCryptogramAndNoCardNumber();
    void panWhenNoTrack2();
    void authorizationType();
    void onlinePinVerifiesAtTheHost_data();
    void onlinePinVerifiesAtTheHost();
    void pinNeedsAKey();
    void macedRequest();
    void macNeedsAKey();
    void missingData_data();
    void missingData();
    void advice();
    void reversal_data();
    void reversal();
    void reversalOnlyOfCardRequests();
    void network_data();
    void network();
    void reconciliation();
    void reconciliationOverflow();
    void stamp();
};

void TestOnlineRequests::purchaseFields()
{
    auto m = RequestBuilder::onlineRequest(onlineRequest(), identity(), fx::stamp(), {}, {});
    QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
    QCOMPARE(QString::fromStdString(m->mti()), QString("0200"));
    QCOMPARE(textOf(*m, 3), QString("000000"));
    QCOMPARE(textOf(*m, 4), QString("000000001234"));
    QCOMPARE(textOf(*m, 7), QString("0612143005"));
    QCOMPARE(textOf(*m, 11), QString("000123"));
    QCOMPARE(textOf(*m, 12), QString("143005"));
    QCOMPARE(textOf(*m, 13), QString("0612"));
    QCOMPARE(textOf(*m, 14), QString("2512"));
    QCOMPARE(textOf(*m, 22), QString("052"));
    QCOMPARE(textOf(*m, 23), QString("001"));
    QCOMPARE(textOf(*m, 25), QString("00"));
    QCOMPARE(textOf(*m, 35), QString(kTrack2));
    QCOMPARE(textOf(*m, 41), QString("TERM0001"));
    QCOMPARE(textOf(*m, 42), QString("MERCHANT1      "));
    QCOMPARE(textOf(*m, 49), QString("978"));
    QVERIFY(!m->has(2));
    QVERIFY(!m->has(52));
    QVERIFY(!m->has(53));
    QVERIFY(!m->has(64));
    QVERIFY(roundTrips(*m));
}

void TestOnlineRequests::iccDataHasTheCryptogramAndNoCardNumber()
{
    auto m = RequestBuilder::onlineRequest(onlineRequest(), identity(), fx::stamp(), {}, {});
    QVERIFY(m.ok());
    auto objects = tlv::parse(*m->bytes(55));
    QVERIFY(objects.ok());
    QCOMPARE(objects->front().tag, tlv::Tag{0x9F26}); // cryptogram first
    QCOMPARE(objects->front().value, hex("A1B2C3D4E5F60708"));
    for (tlv::Tag tag : {0x9F27u, 0x9F10u, 0x9F37u, 0x9F36u, 0x95u, 0x9Au, 0x9Cu, 0x9F02u, 0x9F03u,
                         0x5F2Au, 0x82u, 0x9F1Au, 0x9F34u, 0x84u, 0x5F34u, 0x9F33u, 0x9F35u})
        QVERIFY2(tlv::findTag(*objects, tag) != nullptr, qPrintable(QString::number(tag, 16)));
    QVERIFY(tlv::findTag(*objects, 0x5A) == nullptr);
    QVERIFY(tlv::findTag(*objects, 0x57) == nullptr);
}

void TestOnlineRequests::panWhenNoTrack2()
{
    auto m = RequestBuilder::onlineRequest(onlineRequest(nullptr, false), identity(), fx::stamp(),
                                           {}, {});
    QVERIFY(m.ok());
    QCOMPARE(textOf(*m, 2), QString(kPan));
    QVERIFY(!m->has(35));
    QVERIFY(roundTrips(*m));
}

void TestOnlineRequests::authorizationType()
{
    RequestOptions options;
    options.type = RequestType::Authorization;
    options.posConditionCode = "08";
    auto request = onlineRequest();
    request.data.erase(0x5F2A);
    TerminalIdentity who = identity();
    who.currencyCode = "826";
    auto m = RequestBuilder::onlineRequest(request, who, fx::stamp(), options, {});
    QVERIFY(m.ok());
    QCOMPARE(QString::fromStdString(m->mti()), QString("0100"));
    QCOMPARE(textOf(*m, 25), QString("08"));
    QCOMPARE(textOf(*m, 49), QString("826"));
    QVERIFY(roundTrips(*m));
}

void TestOnlineRequests::onlinePinVerifiesAtTheHost_data()
{
    QTest::addColumn<QString>("cardPin");
    QTest::addColumn<bool>("match");
    QTest::addRow("right-pin") << "1234" << true;
    QTest::addRow("wrong-pin") << "9999" << false;
}

void TestOnlineRequests::onlinePinVerifiesAtTheHost()
{
    QFETCH(QString, cardPin);
    QFETCH(bool, match);
    const dukpt::TransactionKey key = transactionKey(5);
    RequestSecurity security{&key, false};
    auto m =
        RequestBuilder::onlineRequest(onlineRequest("1234"), identity(), fx::stamp(), {}, security);
    QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
    QCOMPARE(textOf(*m, 22), QString("051"));
    QCOMPARE(m->bytes(52)->size(), std::size_t{16});
    QCOMPARE(*m->bytes(53), key.ksn.toBytes());
    QVERIFY(roundTrips(*m));

    // The host: BDK + field 53 decipher field 52 and compare with the PVV.
    const QByteArray pinText = cardPin.toLatin1();
    const Bytes storedPvv =
        pin::PinVerificationValue::compute(
            pvvKey(), kPan, ByteView(reinterpret_cast<const std::uint8_t*>(pinText.constData()), 4))
            .value();
    auto ksn = dukpt::KeySerialNumber::fromBytes(*m->bytes(53));
    QVERIFY(ksn.ok());
    auto verified =
        dukpt::DukptPin::verify(hex(kBdk), *ksn, *m->bytes(52), kPan, pvvKey(), storedPvv);
    QVERIFY(verified.ok());
    QCOMPARE(*verified, match);
}

void TestOnlineRequests::pinNeedsAKey()
{
    auto m = RequestBuilder::onlineRequest(onlineRequest("1234"), identity(), fx::stamp(), {}, {});
    QVERIFY(!m.ok());
    QCOMPARE(m.error().code, ErrorCode::InvalidArgument);
}

void TestOnlineRequests::macedRequest()
{
    const dukpt::TransactionKey key = transactionKey(7);
    auto m = RequestBuilder::onlineRequest(onlineRequest("1234"), identity(), fx::stamp(), {},
                                           RequestSecurity{&key, true});
    QVERIFY(m.ok());
    QVERIFY(m->has(64));
    QVERIFY(!m->has(128));
    QVERIFY(roundTrips(*m));
    QCOMPARE(hostMacCheck(*m), MacCheck::Valid);
    Message tampered = *m;
    tampered.set(4, "000000001235");
    QCOMPARE(hostMacCheck(tampered), MacCheck::Invalid);
}

void TestOnlineRequests::macNeedsAKey()
{
    auto m = RequestBuilder::onlineRequest(onlineRequest(), identity(), fx::stamp(), {},
                                           RequestSecurity{nullptr, true});
    QVERIFY(!m.ok());
    QCOMPARE(m.error().code, ErrorCode::InvalidArgument);
}

void TestOnlineRequests::missingData_data()
{
    QTest::addColumn<int>("tag");
    QTest::addColumn<QByteArray>("value"); // empty: remove the tag
    QTest::addRow("no-cryptogram") << 0x9F26 << QByteArray();
    QTest::addRow("no-cid") << 0x9F27 << QByteArray();
    QTest::addRow("no-amount") << 0x9F02 << QByteArray();
    QTest::addRow("amount-not-bcd") << 0x9F02 << QByteArray::fromHex("00000000123A");
    QTest::addRow("expiry-not-yymmdd") << 0x5F24 << QByteArray::fromHex("2512");
    QTest::addRow("track2-no-separator") << 0x57 << QByteArray::fromHex("4761739001010010");
    QTest::addRow("psn-not-bcd") << 0x5F34 << QByteArray::fromHex("1A");
}

void TestOnlineRequests::missingData()
{
    QFETCH(int, tag);
    QFETCH(QByteArray, value);
    auto request = onlineRequest();
    if (value.isEmpty())
        request.data.erase(static_cast<tlv::Tag>(tag));
    else
        request.data.set(static_cast<tlv::Tag>(tag), Bytes(value.begin(), value.end()));
    auto m = RequestBuilder::onlineRequest(request, identity(), fx::stamp(), {}, {});
    QVERIFY(!m.ok());
}

void TestOnlineRequests::advice()
{
    emv::TransactionData data = transactionData();
    data.set(0x9F27, hex("40")); // TC
    auto m = RequestBuilder::offlineAdvice(data, identity(), fx::stamp(), {});
    QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
    QCOMPARE(QString::fromStdString(m->mti()), QString("0220"));
    QCOMPARE(textOf(*m, 38), QString("Y1    "));
    QVERIFY(!m->has(52));
    QVERIFY(roundTrips(*m));

    data.set(0x89, Bytes{'O', 'F', 'F', '0', '0', '1'});
    const dukpt::TransactionKey key = transactionKey(9);
    auto maced = RequestBuilder::offlineAdvice(data, identity(), fx::stamp(), {&key, true});
    QVERIFY2(maced.ok(), maced.ok() ? "" : maced.error().message.c_str());
    QCOMPARE(textOf(*maced, 38), QString("OFF001"));
    QCOMPARE(hostMacCheck(*maced), MacCheck::Valid);
    QVERIFY(roundTrips(*maced));
}

void TestOnlineRequests::reversal_data()
{
    QTest::addColumn<bool>("repeat");
    QTest::addColumn<bool>("mac");
    QTest::addRow("0400") << false << false;
    QTest::addRow("0401") << true << false;
    QTest::addRow("0400-maced") << false << true;
}

void TestOnlineRequests::reversal()
{
    QFETCH(bool, repeat);
    QFETCH(bool, mac);
    auto original =
        RequestBuilder::onlineRequest(onlineRequest(), identity(), fx::stamp(123), {}, {});
    QVERIFY(original.ok());
    const dukpt::TransactionKey key = transactionKey(11);
    auto reversal = ReversalBuilder::reversal(*original, fx::stamp(124), "68", repeat,
                                              RequestSecurity{&key, mac});
    QVERIFY2(reversal.ok(), reversal.ok() ? "" : reversal.error().message.c_str());
    QCOMPARE(QString::fromStdString(reversal->mti()), QString(repeat ? "0401" : "0400"));
    QCOMPARE(textOf(*reversal, 90), QString("0200") + "000123" + "0612143005" + QString(22, '0'));
    QCOMPARE(textOf(*reversal, 11), QString("000124"));
    QCOMPARE(textOf(*reversal, 39), QString("68"));
    for (int f : {3, 4, 22, 25, 35, 41, 42, 49})
        QCOMPARE(textOf(*reversal, f), textOf(*original, f));
    QVERIFY(!reversal->has(55));
    QVERIFY(!reversal->has(52));
    QCOMPARE(reversal->has(128), mac);
    if (mac)
        QCOMPARE(hostMacCheck(*reversal), MacCheck::Valid);
    QVERIFY(roundTrips(*reversal));
}

void TestOnlineRequests::reversalOnlyOfCardRequests()
{
    auto echo = NetworkMessages::echo(identity(), fx::stamp(), {});
    QVERIFY(echo.ok());
    QVERIFY(!ReversalBuilder::reversal(*echo, fx::stamp(2), "68", false, {}).ok());
    Message noStan("0200");
    QVERIFY(!ReversalBuilder::originalDataElements(noStan).ok());
}

void TestOnlineRequests::network_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("mac");
    QTest::addRow("echo") << "301" << false;
    QTest::addRow("sign-on") << "001" << false;
    QTest::addRow("echo-maced") << "301" << true;
}

void TestOnlineRequests::network()
{
    QFETCH(QString, code);
    QFETCH(bool, mac);
    const dukpt::TransactionKey key = transactionKey(3);
    const RequestSecurity security{&key, mac};
    auto m = code == "301" ? NetworkMessages::echo(identity(), fx::stamp(77), security)
                           : NetworkMessages::signOn(identity(), fx::stamp(77), security);
    QVERIFY(m.ok());
    QCOMPARE(QString::fromStdString(m->mti()), QString("0800"));
    QCOMPARE(textOf(*m, 70), code);
    QCOMPARE(textOf(*m, 11), QString("000077"));
    QCOMPARE(textOf(*m, 7), QString("0612143005"));
    QCOMPARE(m->has(128), mac);
    QCOMPARE(m->has(53), mac);
    if (mac)
        QCOMPARE(hostMacCheck(*m), MacCheck::Valid);
    QVERIFY(roundTrips(*m));
}

void TestOnlineRequests::reconciliation()
{
    host::BatchTotals totals{12, 45600, 1, 1200};
    const dukpt::TransactionKey key = transactionKey(13);
    auto m = Reconciliation::request(totals, identity(), fx::stamp(200), {&key, true});
    QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
    QCOMPARE(QString::fromStdString(m->mti()), QString("0500"));
    QCOMPARE(textOf(*m, 3), QString("920000"));
    QCOMPARE(textOf(*m, 48), QString("00120000000456000001000000001200"));
    auto parsed = host::BatchTotalsText::parse(*m->text(48));
    QVERIFY(parsed.has_value());
    QCOMPARE(*parsed, totals);
    QCOMPARE(hostMacCheck(*m), MacCheck::Valid);
    QVERIFY(m->has(64));
    QVERIFY(roundTrips(*m));
}

void TestOnlineRequests::reconciliationOverflow()
{
    QVERIFY(!Reconciliation::request({10000, 0, 0, 0}, identity(), fx::stamp(), {}).ok());
    QVERIFY(!Reconciliation::request({1, 1000000000000, 0, 0}, identity(), fx::stamp(), {}).ok());
    QVERIFY(!Reconciliation::request({1, -5, 0, 0}, identity(), fx::stamp(), {}).ok());
}

void TestOnlineRequests::stamp()
{
    const MessageStamp s = fx::stamp(5);
    QCOMPARE(QString::fromStdString(s.stanText()), QString("000005"));
    QCOMPARE(QString::fromStdString(s.transmissionDateTime()), QString("0612143005"));
    QCOMPARE(QString::fromStdString(s.timeText()), QString("143005"));
    QCOMPARE(QString::fromStdString(s.dateText()), QString("0612"));
    QCOMPARE(MessageStamp::nextStan(41), 42u);
    QCOMPARE(MessageStamp::nextStan(999999), 1u);
}

QTEST_GUILESS_MAIN(TestOnlineRequests)
#include "tst_online_requests.moc"
