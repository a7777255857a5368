// The terminal's reading of host answers (core/online/ResponseParser).
#include "online/ResponseParser.h"

#include "iso8583/MessageCodec.h"
#include "online/MessageMac.h"
#include "online/NetworkMessages.h"
#include "online/RequestBuilder.h"

#include "OnlineFixtures.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::online;
using cardlink::iso8583::Message;
using cardlink::test::hex;
namespace fx = cardlink::test::online;

Q_DECLARE_METATYPE(cardlink::emv::OnlineDecision)

namespace {
Message purchase()
{
    return RequestBuilder::onlineRequest(fx::onlineRequest(), fx::identity(), fx::stamp(), {}, {})
        .value();
}

// 91 (ARPC + CSU), a 72 script and a 71 script, in that order.
const char* const kResponseIcc = "910A11223344556677880012720A9F180400000001860100"
                                 "710A9F1804000000028601AA";

// MAC a response as the host does: MAC verification key of the request's KSN.
void hostSign(Message& response, const dukpt::TransactionKey& key)
{
    auto keys = dukpt::KeyDerivation::hostWorkingKeys(hex(fx::kBdk), key.ksn).value();
    QVERIFY(MessageMac::apply(response, keys.macVerification.view()).ok());
}
} // namespace

class TestOnlineResponse : public QObject
{
    Q_OBJECT

private slots:
    void approvedWithIssuerData();
    void decision_data();
    void decision();
    void notAnAnswer_data();
    void notAnAnswer();
    void badIccData_data();
    void badIccData();
    void mac();
    void fromWire();
    void otherAnswers();
};

void TestOnlineResponse::approvedWithIssuerData()
{
    const Message request = purchase();
    Message response = fx::answer(request, "00");
    response.set(55, hex(kResponseIcc));
    auto parsed = ResponseParser::authorization(response, request);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
    QCOMPARE(parsed->decision, emv::OnlineDecision::Approved);
    QCOMPARE(parsed->authorisationResponseCode, (Bytes{'0', '0'}));
    QCOMPARE(parsed->authorisationCode, (Bytes{'A', '1', 'B', '2', 'C', '3'}));
    QCOMPARE(parsed->issuerAuthenticationData, hex("11223344556677880012"));
    QCOMPARE(parsed->issuerScripts, hex("720A9F180400000001860100 710A9F1804000000028601AA"));
}

void TestOnlineResponse::decision_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<emv::OnlineDecision>("decision");
    QTest::addRow("00-approved") << "00" << emv::OnlineDecision::Approved;
    QTest::addRow("05-do-not-honour") << "05" << emv::OnlineDecision::Declined;
    QTest::addRow("51-no-funds") << "51" << emv::OnlineDecision::Declined;
    QTest::addRow("55-wrong-pin") << "55" << emv::OnlineDecision::Declined;
    QTest::addRow("04-pick-up") << "04" << emv::OnlineDecision::Declined;
    QTest::addRow("01-refer") << "01" << emv::OnlineDecision::Declined;
    QTest::addRow("91-issuer-unavailable") << "91" << emv::OnlineDecision::UnableToGoOnline;
    QTest::addRow("96-malfunction") << "96" << emv::OnlineDecision::UnableToGoOnline;
    QTest::addRow("unknown-code") << "Q7" << emv::OnlineDecision::Declined;
}

void TestOnlineResponse::decision()
{
    QFETCH(QString, code);
    QFETCH(emv::OnlineDecision, decision);
    const Message request = purchase();
    const QByteArray c = code.toLatin1();
    auto parsed = ResponseParser::authorization(fx::answer(request, c.constData()), request);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
    QCOMPARE(parsed->decision, decision);
    QCOMPARE(parsed->authorisationResponseCode, Bytes(c.begin(), c.end()));
    QVERIFY(parsed->issuerScripts.empty());
}

void TestOnlineResponse::notAnAnswer_data()
{
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("value"); // "" with field 0: change the MTI
    QTest::addRow("wrong-mti") << 0 << "0110";
    QTest::addRow("other-stan") << 11 << "000999";
    QTest::addRow("other-terminal") << 41 << "TERM0002";
    QTest::addRow("other-time") << 7 << "0612143006";
    QTest::addRow("no-response-code") << 39 << "";
    QTest::addRow("approved-without-38") << 38 << "";
}

void TestOnlineResponse::notAnAnswer()
{
    QFETCH(int, field);
    QFETCH(QString, value);
    const Message request = purchase();
    Message response = fx::answer(request, "00");
    if (field == 0)
        response.setMti(value.toStdString());
    else if (value.isEmpty())
        response.remove(field);
    else
        response.set(field, value.toStdString());
    auto parsed = ResponseParser::authorization(response, request);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, ErrorCode::Malformed);
}

void TestOnlineResponse::badIccData_data()
{
    QTest::addColumn<QByteArray>("field55");
    QTest::addRow("not-tlv") << QByteArray::fromHex("9108112233");
    QTest::addRow("short-91") << QByteArray::fromHex("910411223344");
    QTest::addRow("long-91") << QByteArray::fromHex("9111" + QByteArray(34, '0'));
    QTest::addRow("two-91") << QByteArray::fromHex("9108112233445566778891081122334455667788");
}

void TestOnlineResponse::badIccData()
{
    QFETCH(QByteArray, field55);
    const Message request = purchase();
    Message response = fx::answer(request, "00");
    response.set(55, Bytes(field55.begin(), field55.end()));
    auto parsed = ResponseParser::authorization(response, request);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, ErrorCode::Malformed);
}

void TestOnlineResponse::mac()
{
    const dukpt::TransactionKey key = fx::transactionKey(21);
    const Message request = RequestBuilder::onlineRequest(fx::onlineRequest(), fx::identity(),
                                                          fx::stamp(), {}, {&key, true})
                                .value();
    Message response = fx::answer(request, "00");
    hostSign(response, key);
    auto ok = ResponseParser::authorization(response, request, &key);
    QVERIFY2(ok.ok(), ok.ok() ? "" : ok.error().message.c_str());
    QCOMPARE(ok->decision, emv::OnlineDecision::Approved);

    Message tampered = response;
    tampered.set(39, "05"); // a decline turned into... the MAC no longer fits
    tampered.remove(38);
    auto bad = ResponseParser::authorization(tampered, request, &key);
    QVERIFY(!bad.ok());
    QVERIFY(QString::fromStdString(bad.error().message).contains("MAC invalid"));

    Message unsigned_ = fx::answer(request, "00");
    auto missing = ResponseParser::authorization(unsigned_, request, &key);
    QVERIFY(!missing.ok());
    QVERIFY(QString::fromStdString(missing.error().message).contains("MAC missing"));

    // A response MACed with the request key (generation) is not accepted.
    Message wrongKey = fx::answer(request, "00");
    auto keys = dukpt::KeyDerivation::hostWorkingKeys(hex(fx::kBdk), key.ksn).value();
    QVERIFY(MessageMac::apply(wrongKey, keys.macGeneration.view()).ok());
    QVERIFY(!ResponseParser::authorization(wrongKey, request, &key).ok());
}

void TestOnlineResponse::fromWire()
{
    const Message request = purchase();
    Message response = fx::answer(request, "00");
    response.set(55, hex(kResponseIcc));
    const Bytes wire = iso8583::MessageCodec(iso8583::cardLinkProfile()).encode(response).value();
    auto parsed = ResponseParser::decodeAuthorization(wire, request);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->decision, emv::OnlineDecision::Approved);
    auto truncated =
        ResponseParser::decodeAuthorization(ByteView(wire).first(wire.size() - 3), request);
    QVERIFY(!truncated.ok());
    QCOMPARE(truncated.error().code, ErrorCode::Malformed);
    QVERIFY(!ResponseParser::decodeAuthorization({}, request).ok());
}

void TestOnlineResponse::otherAnswers()
{
    const Message echo = NetworkMessages::echo(fx::identity(), fx::stamp(9), {}).value();
    Message answer("0810");
    for (int f : {7, 11, 41, 70})
        answer.set(f, *echo.text(f));
    answer.set(39, "00");
    auto code = ResponseParser::responseCode(answer, echo);
    QVERIFY(code.ok());
    QCOMPARE(QString::fromStdString(*code), QString("00"));
    answer.set(11, "000010");
    QVERIFY(!ResponseParser::responseCode(answer, echo).ok());
    // An authorization parse of a network answer is a caller error.
    QCOMPARE(ResponseParser::authorization(answer, echo).error().code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestOnlineResponse)
#include "tst_online_response.moc"
