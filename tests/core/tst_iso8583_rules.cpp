#include "Iso8583Samples.h"
#include "iso8583/CardLinkProfile.h"
#include "iso8583/MessageValidator.h"
#include "iso8583/MtiRules.h"
#include "iso8583/ResponseCodes.h"

#include <QTest>

#include <functional>
#include <set>

using namespace cardlink;
using namespace cardlink::iso8583;

Q_DECLARE_METATYPE(cardlink::ErrorCode)
Q_DECLARE_METATYPE(cardlink::iso8583::Message)
Q_DECLARE_METATYPE(cardlink::iso8583::ResponseAction)

namespace {
Message edited(Message message, const std::function<void(Message&)>& edit)
{
    edit(message);
    return message;
}
} // namespace

class TestIso8583Rules : public QObject
{
    Q_OBJECT

private slots:
    // The MTI table only names fields the profile defines, never lists a field
    // as both mandatory and conditional, and every request's response exists.
    void tableIsConsistent()
    {
        QCOMPARE(mtiRules().size(), std::size_t(13));
        for (const MtiRule& rule : mtiRules()) {
            const std::string mti(rule.mti);
            std::set<int> seen;
            for (const auto* list : {&rule.mandatory, &rule.conditional}) {
                for (int number : *list) {
                    QVERIFY2(cardLinkProfile().field(number) != nullptr,
                             qPrintable(QString("%1 field %2").arg(mti.c_str()).arg(number)));
                    QVERIFY2(seen.insert(number).second,
                             qPrintable(QString("%1 field %2 twice").arg(mti.c_str()).arg(number)));
                }
            }
            if (!rule.responseMti.empty())
                QVERIFY2(findMtiRule(rule.responseMti) != nullptr, rule.mti.data());
        }
        QVERIFY(findMtiRule("0300") == nullptr);
    }

    void validate_data()
    {
        QTest::addColumn<Message>("message");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<ErrorCode>("code");
        const auto ok = ErrorCode::Internal; // unused when valid
        const auto bad = ErrorCode::Malformed;
        const Bytes pinBlock = samples::bytesOf(samples::kPinBlockHex);

        QTest::addRow("0100-valid") << samples::authorizationRequest() << true << ok;
        QTest::addRow("0100-track2-instead-of-pan") << edited(samples::authorizationRequest(),
                                                              [](Message& m) {
                                                                  m.remove(2);
                                                                  m.set(35, samples::kTrack2);
                                                              })
                                                    << true << ok;
        QTest::addRow("missing-mandatory-41")
            << edited(samples::authorizationRequest(), [](Message& m) { m.remove(41); }) << false
            << bad;
        QTest::addRow("field-not-allowed")
            << edited(samples::echoRequest(), [](Message& m) { m.set(4, "000000000100"); }) << false
            << bad;
        QTest::addRow("no-card-data")
            << edited(samples::authorizationRequest(), [](Message& m) { m.remove(2); }) << false
            << bad;
        QTest::addRow("pin-without-ksn")
            << edited(samples::authorizationRequest(), [](Message& m) { m.remove(53); }) << false
            << bad;
        QTest::addRow("pin-block-12-bytes")
            << edited(samples::authorizationRequest(),
                      [](Message& m) { m.set(52, Bytes(12, 0x11)); })
            << false << bad;
        QTest::addRow("pin-block-16-bytes-aes")
            << edited(samples::authorizationRequest(),
                      [](Message& m) { m.set(52, Bytes(16, 0x11)); })
            << true << ok;
        QTest::addRow("mac-64-with-secondary")
            << edited(samples::financialRequest(),
                      [](Message& m) {
                          m.remove(128);
                          m.set(64, samples::bytesOf(samples::kMacHex));
                      })
            << false << bad;
        QTest::addRow("mac-128-without-secondary")
            << edited(samples::authorizationRequest(),
                      [](Message& m) {
                          m.remove(64);
                          m.set(128, samples::bytesOf(samples::kMacHex));
                      })
            << false << bad;
        QTest::addRow("mac-64-and-128") << edited(samples::financialRequest(), [](Message& m) {
            m.set(64, samples::bytesOf(samples::kMacHex));
        }) << false << bad;
        QTest::addRow("approval-without-auth-code")
            << edited(samples::authorizationResponse(), [](Message& m) { m.remove(38); }) << false
            << bad;
        QTest::addRow("decline-without-auth-code") << edited(samples::authorizationResponse(),
                                                             [](Message& m) {
                                                                 m.remove(38);
                                                                 m.set(39, "51");
                                                             })
                                                   << true << ok;
        QTest::addRow("unknown-mti")
            << edited(samples::echoRequest(), [](Message& m) { m.setMti("0300"); }) << false
            << ErrorCode::Unsupported;
        QTest::addRow("bad-field-value")
            << edited(samples::authorizationRequest(), [](Message& m) { m.set(3, "12345"); })
            << false << bad;
        QTest::addRow("field-not-in-profile")
            << edited(samples::echoRequest(), [](Message& m) { m.set(5, "1"); }) << false << bad;
        QTest::addRow("pin-block-as-text")
            << edited(samples::authorizationRequest(),
                      [pinBlock](Message& m) {
                          m.set(52, std::string(pinBlock.begin(), pinBlock.end()));
                      })
            << false << ErrorCode::InvalidArgument;
    }
    void validate()
    {
        QFETCH(Message, message);
        QFETCH(bool, valid);
        QFETCH(ErrorCode, code);
        auto result = MessageValidator::validate(message, cardLinkProfile());
        QCOMPARE(result.ok(), valid);
        if (!valid)
            QCOMPARE(result.error().code, code);
    }

    void responseCodes_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<ResponseAction>("action");
        QTest::addColumn<QString>("meaning");
        using A = ResponseAction;
        QTest::addRow("00") << "00" << A::Approve << "Approved";
        QTest::addRow("01") << "01" << A::Refer << "Refer to card issuer";
        QTest::addRow("03") << "03" << A::Decline << "Invalid merchant";
        QTest::addRow("05") << "05" << A::Decline << "Do not honour";
        QTest::addRow("12") << "12" << A::Decline << "Invalid transaction";
        QTest::addRow("13") << "13" << A::Decline << "Invalid amount";
        QTest::addRow("14") << "14" << A::Decline << "Invalid card number";
        QTest::addRow("30") << "30" << A::Decline << "Format error";
        QTest::addRow("51") << "51" << A::Decline << "Not enough funds";
        QTest::addRow("54") << "54" << A::Decline << "Expired card";
        QTest::addRow("55") << "55" << A::Decline << "Wrong PIN";
        QTest::addRow("57") << "57" << A::Decline << "Transaction not allowed for this card";
        QTest::addRow("58") << "58" << A::Decline << "Transaction not allowed at this terminal";
        QTest::addRow("61") << "61" << A::Decline << "Amount above the withdrawal limit";
        QTest::addRow("63") << "63" << A::Decline << "Security violation";
        QTest::addRow("65") << "65" << A::Decline << "Too many withdrawals";
        QTest::addRow("75") << "75" << A::Decline << "Too many wrong PIN tries";
        QTest::addRow("76") << "76" << A::Decline
                            << "Original transaction not found for this reversal or advice";
        QTest::addRow("77") << "77" << A::Decline
                            << "Repeat or reversal does not match the original";
        QTest::addRow("78") << "78" << A::Decline << "Card not yet activated";
        QTest::addRow("79") << "79" << A::Decline << "Reversed before it reached the host";
        QTest::addRow("91") << "91" << A::Retry << "Issuer or switch not available";
        QTest::addRow("94") << "94" << A::Decline << "Duplicate transmission";
        QTest::addRow("95") << "95" << A::Decline << "Reconciliation error: totals do not match";
        QTest::addRow("96") << "96" << A::Retry << "System malfunction";
        QTest::addRow("04-pick-up") << "04" << A::PickUp << "Pick up card";
        QTest::addRow("unknown") << "Q7" << A::Decline << "Unknown response code";
        QTest::addRow("empty") << "" << A::Decline << "Unknown response code";
    }
    void responseCodes()
    {
        QFETCH(QString, code);
        QFETCH(ResponseAction, action);
        QFETCH(QString, meaning);
        const std::string key = code.toStdString();
        QCOMPARE(responseAction(key), action);
        QCOMPARE(QString::fromUtf8(describeResponseCode(key).data(),
                                   static_cast<qsizetype>(describeResponseCode(key).size())),
                 meaning);
    }

    void responseCodeTableIsWellFormed()
    {
        std::set<std::string_view> seen;
        for (const ResponseCode& entry : iso8583::responseCodes()) {
            QCOMPARE(entry.code.size(), std::size_t(2));
            QVERIFY(!entry.meaning.empty());
            QVERIFY2(seen.insert(entry.code).second, entry.code.data());
        }
        // Only 00, 08, 10 and 11 approve.
        std::size_t approvals = 0;
        for (const ResponseCode& entry : iso8583::responseCodes())
            approvals += entry.action == ResponseAction::Approve ? 1 : 0;
        QCOMPARE(approvals, std::size_t(4));
    }
};

QTEST_GUILESS_MAIN(TestIso8583Rules)
#include "tst_iso8583_rules.moc"
