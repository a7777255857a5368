#include "EmvFixtures.h"
#include "FailingChannel.h"
#include "ManualClock.h"
#include "emv/EmvKernel.h"
#include "emv/KernelSupport.h"

#include <QTest>

#include <chrono>

using namespace cardlink;
using namespace cardlink::emv;
using namespace cardlink::test;
using namespace std::chrono;

using Script = std::vector<ScriptedExchange>;
Q_DECLARE_METATYPE(Script)

namespace {
constexpr const char* kMc = "A0000000041010";
constexpr const char* kVisa = "A0000000031010";
constexpr const char* kCdol1 = "9F02069F03069F1A0295055F2A029A039C019F3704";
constexpr const char* kCdol2 = "8A0295059F3704";
constexpr const char* kCdol2WithArpc = "8A02910A95059F3704";
constexpr const char* kZero = "0000000000";
constexpr const char* kUn = "11223344";
constexpr const char* kArpc = "01020304050607083030";

struct CardSetup
{
    std::string aip = "0800"; // terminal risk management only: no ODA, no CVM
    std::string iacDenial = kZero;
    std::string iacOnline = kZero;
    std::string iacDefault = kZero;
    std::string cdol2 = kCdol2;
    bool dropCdol2 = false;
    bool truncateRecord1 = false;
};

std::string record1(const CardSetup& card)
{
    if (card.truncateRecord1)
        return "7020 5A0854133300896000109000";
    return record({prim(0x5A, "5413330089600010"), prim(0x5F24, "301231"), prim(0x5F25, "200101"),
                   prim(0x5F34, "01")}) +
           "9000";
}

std::string record2(const CardSetup& card)
{
    std::vector<tlv::TlvObject> objects{prim(0x8C, kCdol1), prim(0x9F0E, card.iacDenial),
                                        prim(0x9F0F, card.iacOnline),
                                        prim(0x9F0D, card.iacDefault)};
    if (!card.dropCdol2)
        objects.push_back(prim(0x8D, card.cdol2));
    return record(objects) + "9000";
}

// Selection (AID list), GPO with an empty PDOL, two records.
Script upToRecords(const CardSetup& card)
{
    Script script{{kPseSelect, "6A82", "no PSE"},
                  {selectAid(kMc), fci(kMc, "MASTERCARD") + "9000", "aid list"},
                  {selectAid(kVisa), "6A82", "no visa"},
                  {selectAid(kMc), fci(kMc, "MASTERCARD") + "9000", "final select"},
                  {"80A8000002830000", "8006" + card.aip + "08010200" + "9000", "GPO"},
                  {"00B2010C00", record1(card), "record 1"}};
    if (!card.truncateRecord1)
        script.emplace_back("00B2020C00", record2(card), "record 2");
    return script;
}

// CDOL1 data for 12.34 GBP on 25 Nov 2025 with the fixed unpredictable number.
std::string cdol1Data(const std::string& tvr)
{
    return std::string("000000001234") + "000000000000" + "0826" + tvr + "0826" + "251125" + "00" +
           kUn;
}

std::string genAc(const std::string& p1, const std::string& data)
{
    char lc[3];
    std::snprintf(lc, sizeof lc, "%02X", static_cast<unsigned>(unhex(data).size()));
    return "80AE" + p1 + "00" + lc + data + "00";
}

// Format 1 response: CID, ATC 0001, AC.
std::string acResponse(const std::string& cid)
{
    return "800B" + cid + "0001" + "A1A2A3A4A5A6A7A8" + "9000";
}

Script operator+(Script a, const Script& b)
{
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

TerminalConfig kernelConfig()
{
    TerminalConfig config = terminalConfig({{kMc, true}, {kVisa, true}});
    config.tac.denial = unhex(kZero);
    config.tac.online = unhex(kZero);
    config.tac.defaultCodes = unhex(kZero);
    return config;
}

TransactionRequest purchase()
{
    TransactionRequest request;
    request.amount = 1234;
    request.dateTime = sys_days{year{2025} / 11 / 25} + hours{12};
    return request;
}

QString hexOf(const TransactionData& data, tlv::Tag tag)
{
    const auto value = data.get(tag);
    return value ? QString::fromStdString(toHex(*value)) : QString("-");
}
} // namespace

class TestEmvKernel : public QObject
{
    Q_OBJECT

private slots:
    // EMV 4.4 Book 3, 10.7 - 10.10 and 9.2.1, end to end over a scripted card.
    void flow_data()
    {
        QTest::addColumn<Script>("script");
        QTest::addColumn<int>("decision"); // OnlineDecision, -1: no online callback
        QTest::addColumn<QString>("arc");
        QTest::addColumn<QString>("issuerAuth");
        QTest::addColumn<QString>("scripts");
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("approved");
        QTest::addColumn<bool>("online");
        QTest::addColumn<QString>("tvr");
        QTest::addColumn<QString>("tsi");
        QTest::addColumn<QString>("scriptResults");

        const std::string tvr = "8000000000"; // ODA not performed
        const int approve = int(OnlineDecision::Approved);
        const int decline = int(OnlineDecision::Declined);
        const int unable = int(OnlineDecision::UnableToGoOnline);
        CardSetup plain;
        CardSetup denial;
        denial.iacDenial = "8000000000";
        CardSetup online;
        online.iacOnline = "8000000000";
        CardSetup onlineDefaultAac = online;
        onlineDefaultAac.iacDefault = "8000000000";
        CardSetup issuerAuth = online;
        issuerAuth.aip = "0C00";
        CardSetup arpcInCdol2 = online;
        arpcInCdol2.cdol2 = kCdol2WithArpc;

        QTest::addRow("offline-tc")
            << upToRecords(plain) +
                   Script{{genAc("40", cdol1Data(tvr)), acResponse("40"), "GEN AC 1"}}
            << approve << ""
            << ""
            << "" << int(OutcomeKind::ApprovedOffline) << false << false
            << QString::fromStdString(tvr) << "2800"
            << "-";
        QTest::addRow("offline-aac-by-denial-codes")
            << upToRecords(denial) +
                   Script{{genAc("00", cdol1Data(tvr)), acResponse("00"), "GEN AC 1"}}
            << approve << ""
            << ""
            << "" << int(OutcomeKind::Declined) << false << false << QString::fromStdString(tvr)
            << "2800"
            << "-";
        QTest::addRow("card-declines-tc-request")
            << upToRecords(plain) +
                   Script{{genAc("40", cdol1Data(tvr)), acResponse("00"), "GEN AC 1"}}
            << approve << ""
            << ""
            << "" << int(OutcomeKind::Declined) << false << false << QString::fromStdString(tvr)
            << "2800"
            << "-";
        QTest::addRow("card-answers-higher-than-asked")
            << upToRecords(denial) +
                   Script{{genAc("00", cdol1Data(tvr)), acResponse("40"), "GEN AC 1"}}
            << approve << ""
            << ""
            << "" << int(OutcomeKind::CardError) << false << false << QString::fromStdString(tvr)
            << "0800"
            << "-";
        QTest::addRow("cid-rfu-type")
            << upToRecords(plain) +
                   Script{{genAc("40", cdol1Data(tvr)), acResponse("C0"), "GEN AC 1"}}
            << approve << ""
            << ""
            << "" << int(OutcomeKind::CardError) << false << false << QString::fromStdString(tvr)
            << "0800"
            << "-";
        QTest::addRow("online-approved")
            << upToRecords(online) +
                   Script{{genAc("80", cdol1Data(tvr)), acResponse("80"), "GEN AC 1"},
                          {genAc("40", "3030" + tvr + kUn), acResponse("40"), "GEN AC 2"}}
            << approve << "3030"
            << ""
            << "" << int(OutcomeKind::ApprovedOnline) << false << false
            << QString::fromStdString(tvr) << "2800"
            << "-";
        QTest::addRow("online-declined")
            << upToRecords(online) +
                   Script{{genAc("80", cdol1Data(tvr)), acResponse("80"), "GEN AC 1"},
                          {genAc("00", "3035" + tvr + kUn), acResponse("00"), "GEN AC 2"}}
            << decline << "3035"
            << ""
            << "" << int(OutcomeKind::Declined) << false << true << QString::fromStdString(tvr)
            << "2800"
            << "-";
        QTest::addRow("online-approved-card-declines")
            << upToRecords(online) +
                   Script{{genAc("80", cdol1Data(tvr)), acResponse("80"), "GEN AC 1"},
                          {genAc("40", "3030" + tvr + kUn), acResponse("00"), "GEN AC 2"}}
            << approve << "3030"
            << ""
            << "" << int(OutcomeKind::Declined) << false << true << QString::fromStdString(tvr)
            << "2800"
            << "-";
        QTest::addRow("arqc-in-second-generate-ac")
            << upToRecords(online) +
                   Script{{genAc("80", cdol1Data(tvr)), acResponse("80"), "GEN AC 1"},
                          {genAc("40", "3030" + tvr + kUn), acResponse("80"), "GEN AC 2"}}
            << approve << "3030"
            << ""
            << "" << int(OutcomeKind::CardError) << false << false << QString::fromStdString(tvr)
            << "2800"
            << "-";
        QTest::addRow("unable-to-go-online-default-approve")
            << upToRecords(online) +
                   Script{{genAc("80", cdol1Data(tvr)), acResponse("80"), "GEN AC 1"},
                          {genAc("40", "5933" + tvr + kUn), acResponse("40"), "GEN AC 2 (Y3)"}}
            << unable << ""
            << ""
            << "" << int(OutcomeKind::GoOnlineFailed) << true << false
            << QString::fromStdString(tvr) << "2800"
            << "-";
        QTest::addRow("unable-to-go-online-default-decline")
            << upToRecords(onlineDefaultAac) +
                   Script{{genAc("80", cdol1Data(tvr)), acResponse("80"), "GEN AC 1"},
                          {genAc("00", "5A33" + tvr + kUn), acResponse("00"), "GEN AC 2 (Z3)"}}
            << unable << ""
            << ""
            << "" << int(OutcomeKind::GoOnlineFailed) << false << false
            << QString::fromStdString(tvr) << "2800"
            << "-";
        QTest::addRow("offline-only-terminal-uses-defaults")
            << upToRecords(onlineDefaultAac) +
                   Script{{genAc("00", cdol1Data(tvr)), acResponse("00"), "GEN AC 1"}}
            << -1 << ""
            << ""
            << "" << int(OutcomeKind::Declined) << false << false << QString::fromStdString(tvr)
            << "2800"
            << "-";
        QTest::addRow("issuer-authentication-ok")
            << upToRecords(issuerAuth) +
                   Script{{genAc("80", cdol1Data(tvr)), acResponse("80"), "GEN AC 1"},
                          {std::string("008200000A") + kArpc, "9000", "EXTERNAL AUTHENTICATE"},
                          {genAc("40", "3030" + tvr + kUn), acResponse("40"), "GEN AC 2"}}
            << approve << "3030" << kArpc << "" << int(OutcomeKind::ApprovedOnline) << false
            << false << QString::fromStdString(tvr) << "3800"
            << "-";
        QTest::addRow("issuer-authentication-failed")
            << upToRecords(issuerAuth) +
                   Script{
                       {genAc("80", cdol1Data(tvr)), acResponse("80"), "GEN AC 1"},
                       {std::string("008200000A") + kArpc, "6300", "EXTERNAL AUTHENTICATE fails"},
                       {genAc("40", "3030" + std::string("8000000040") + kUn), acResponse("03"),
                        "GEN AC 2: AAC, issuer authentication failed"}}
            << approve << "3030" << kArpc << "" << int(OutcomeKind::Declined) << false << true
            << "8000000040"
            << "3800"
            << "-";
        QTest::addRow("issuer-authentication-data-in-cdol2")
            << upToRecords(arpcInCdol2) +
                   Script{{genAc("80", cdol1Data(tvr)), acResponse("80"), "GEN AC 1"},
                          {genAc("40", std::string("3030") + kArpc + tvr + kUn), acResponse("40"),
                           "GEN AC 2 with 91"}}
            << approve << "3030" << kArpc << "" << int(OutcomeKind::ApprovedOnline) << false
            << false << QString::fromStdString(tvr) << "2800"
            << "-";
        const std::string script71 = encodeHex(tlv::TlvObject::constructed(
            0x71, {prim(0x9F18, "00000001"), prim(0x86, "841E00000411223344")}));
        const std::string script72 = encodeHex(tlv::TlvObject::constructed(
            0x72, {prim(0x9F18, "00000002"), prim(0x86, "8424000004AABBCCDD"),
                   prim(0x86, "8424000004AABBCCDE")}));
        QTest::addRow("issuer-scripts-71-ok-72-fails")
            << upToRecords(online) +
                   Script{{genAc("80", cdol1Data(tvr)), acResponse("80"), "GEN AC 1"},
                          {"841E00000411223344", "9000", "script 71 command"},
                          {genAc("40", "3030" + tvr + kUn), acResponse("40"), "GEN AC 2"},
                          {"8424000004AABBCCDD", "6985", "script 72 command fails"}}
            << approve << "3030"
            << "" << QString::fromStdString(script71 + script72) << int(OutcomeKind::ApprovedOnline)
            << false << false << "8000000010"
            << "2C00"
            << "2000000001"
               "1100000002";
        QTest::addRow("issuer-script-71-fails")
            << upToRecords(online) +
                   Script{{genAc("80", cdol1Data(tvr)), acResponse("80"), "GEN AC 1"},
                          {"841E00000411223344", "6A88", "script 71 command fails"},
                          {genAc("40", "3030" + std::string("8000000020") + kUn), acResponse("40"),
                           "GEN AC 2"}}
            << approve << "3030"
            << "" << QString::fromStdString(script71) << int(OutcomeKind::ApprovedOnline) << false
            << false << "8000000020"
            << "2C00"
            << "1100000001";
        CardSetup missing = plain;
        missing.dropCdol2 = true;
        QTest::addRow("missing-mandatory-data")
            << upToRecords(missing) << approve << ""
            << ""
            << "" << int(OutcomeKind::CardError) << false << false << "0000000000"
            << "0000"
            << "-";
        CardSetup malformed = plain;
        malformed.truncateRecord1 = true;
        QTest::addRow("malformed-tlv-in-record")
            << upToRecords(malformed) << approve << ""
            << ""
            << "" << int(OutcomeKind::CardError) << false << false << "0000000000"
            << "0000"
            << "-";
        QTest::addRow("gpo-6985-next-application")
            << Script{{kPseSelect, "6A82", "no PSE"},
                      {selectAid(kMc), fci(kMc, "MASTERCARD") + "9000", "aid list mc"},
                      {selectAid(kVisa), fci(kVisa, "VISA") + "9000", "aid list visa"},
                      {selectAid(kMc), fci(kMc, "MASTERCARD") + "9000", "final select mc"},
                      {"80A8000002830000", "6985", "GPO: conditions not satisfied"},
                      {selectAid(kVisa), fci(kVisa, "VISA") + "9000", "final select visa"},
                      {"80A8000002830000", "8006080008010200 9000", "GPO"},
                      {"00B2010C00", record1(plain), "record 1"},
                      {"00B2020C00", record2(plain), "record 2"},
                      {genAc("40", cdol1Data(tvr)), acResponse("40"), "GEN AC 1"}}
            << approve << ""
            << ""
            << "" << int(OutcomeKind::ApprovedOffline) << false << false
            << QString::fromStdString(tvr) << "2800"
            << "-";
        QTest::addRow("gpo-6985-only-application")
            << Script{{kPseSelect, "6A82", "no PSE"},
                      {selectAid(kMc), fci(kMc, "MASTERCARD") + "9000", "aid list"},
                      {selectAid(kVisa), "6A82", "no visa"},
                      {selectAid(kMc), fci(kMc, "MASTERCARD") + "9000", "final select"},
                      {"80A8000002830000", "6985", "GPO: conditions not satisfied"}}
            << approve << ""
            << ""
            << "" << int(OutcomeKind::NotAccepted) << false << false << "0000000000"
            << "0000"
            << "-";
        QTest::addRow("pse-pdol-format2")
            << Script{{kPseSelect, pseFci(1) + "9000", "select PSE"},
                      {"00B2010C00", record({adfEntry(kMc, "MASTERCARD", "01")}) + "9000", "dir"},
                      {"00B2020C00", "6A83", "end of directory"},
                      {selectAid(kMc), fci(kMc, "MASTERCARD", "01", "9F1A029F3704") + "9000",
                       "final select with PDOL"},
                      {"80A8000008830608261122334400", "770A82020800940408010200 9000",
                       "GPO format 2"},
                      {"00B2010C00", record1(plain), "record 1"},
                      {"00B2020C00", record2(plain), "record 2"},
                      {genAc("40", cdol1Data(tvr)), acResponse("40"), "GEN AC 1"}}
            << approve << ""
            << ""
            << "" << int(OutcomeKind::ApprovedOffline) << false << false
            << QString::fromStdString(tvr) << "2800"
            << "-";
        QTest::addRow("card-blocked")
            << Script{{kPseSelect, "6A81", "card blocked"}} << approve << ""
            << ""
            << "" << int(OutcomeKind::CardBlocked) << false << false << "0000000000"
            << "0000"
            << "-";
        QTest::addRow("no-common-application")
            << Script{{kPseSelect, "6A82", "no PSE"},
                      {selectAid(kMc), "6A82", "no mc"},
                      {selectAid(kVisa), "6A82", "no visa"}}
            << approve << ""
            << ""
            << "" << int(OutcomeKind::NotAccepted) << false << false << "0000000000"
            << "0000"
            << "-";
    }
    void flow()
    {
        QFETCH(Script, script);
        QFETCH(int, decision);
        QFETCH(QString, arc);
        QFETCH(QString, issuerAuth);
        QFETCH(QString, scripts);
        QFETCH(int, kind);
        QFETCH(bool, approved);
        QFETCH(bool, online);
        QFETCH(QString, tvr);
        QFETCH(QString, tsi);
        QFETCH(QString, scriptResults);

        ScriptedCard card;
        for (const auto& step : script)
            card.expect(step.command, step.response, step.comment);
        FakeCardholder cardholder;
        FixedRandom random;
        ManualClock clock;
        CaPublicKeyStore keys;
        int calls = 0;
        OnlineAuthorizer authorizer;
        if (decision >= 0) {
            authorizer = [&](const OnlineRequest& request) {
                ++calls;
                // The host sees the ARQC and the TVR of the first GENERATE AC.
                expectArqc(request);
                OnlineResponse response;
                response.decision = OnlineDecision(decision);
                response.authorisationResponseCode = unhex(arc.toStdString());
                response.issuerAuthenticationData = unhex(issuerAuth.toStdString());
                response.issuerScripts = unhex(scripts.toStdString());
                return response;
            };
        }
        EmvKernel kernel(card, cardholder, kernelConfig(), keys, authorizer, clock, random);
        auto outcome = kernel.run(purchase());
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.error().describe().c_str());
        QVERIFY2(card.finished(), card.failure().c_str());
        QVERIFY2(int(outcome->kind) == kind,
                 (std::string(outcomeKindName(outcome->kind)) + ": " + outcome->reason).c_str());
        QCOMPARE(outcome->approved, approved);
        QCOMPARE(outcome->online, online);
        QCOMPARE(hexOf(outcome->data, 0x95), tvr);
        QCOMPARE(QString::fromStdString(toHex(outcome->tvr.toBytes())), tvr);
        QCOMPARE(hexOf(outcome->data, 0x9B), tsi);
        QCOMPARE(hexOf(outcome->data, 0x9F5B), scriptResults);
        const bool wentOnline = std::any_of(script.begin(), script.end(), [](const auto& step) {
            return step.comment.rfind("GEN AC 2", 0) == 0;
        });
        QCOMPARE(calls, wentOnline && decision >= 0 ? 1 : 0);
        if (kind == int(OutcomeKind::ApprovedOffline) || kind == int(OutcomeKind::ApprovedOnline)) {
            QCOMPARE(hexOf(outcome->data, 0x9F26), QString("A1A2A3A4A5A6A7A8"));
            QCOMPARE(hexOf(outcome->data, 0x9F27), QString("40"));
            QCOMPARE(hexOf(outcome->data, 0x9F34), QString("3F0000"));
            QCOMPARE(outcome->maskedPan, std::string("541333…0010"));
            QVERIFY(!outcome->label.empty());
            QVERIFY(!outcome->aid.empty());
            QCOMPARE(hexOf(outcome->data, 0x84), QString::fromStdString(toHex(outcome->aid)));
        }
        if (kind == int(OutcomeKind::CardError))
            QVERIFY(!outcome->action.empty());
        if (decision == int(OnlineDecision::UnableToGoOnline))
            QCOMPARE(hexOf(outcome->data, 0x8A), QString(approved ? "5933" : "5A33"));
    }

    // A card pulled at each step of a full online flow is a transport Error.
    void cardRemovedMidFlow_data()
    {
        QTest::addColumn<int>("failAfter");
        for (int i = 0; i < 9; ++i)
            QTest::addRow("after-%d", i) << i;
    }
    void cardRemovedMidFlow()
    {
        QFETCH(int, failAfter);
        CardSetup online;
        online.iacOnline = "8000000000";
        ScriptedCard inner;
        for (const auto& step :
             upToRecords(online) +
                 Script{{genAc("80", cdol1Data("8000000000")), acResponse("80"), "GEN AC 1"},
                        {genAc("40", "3030" + std::string("8000000000") + kUn), acResponse("40"),
                         "GEN AC 2"}})
            inner.expect(step.command, step.response, step.comment);
        FailingChannel card(inner, static_cast<std::size_t>(failAfter),
                            makeError(ErrorCode::CardRemoved, "card removed"));
        FakeCardholder cardholder;
        FixedRandom random;
        ManualClock clock;
        CaPublicKeyStore keys;
        auto authorizer = [&](const OnlineRequest&) {
            OnlineResponse response;
            response.decision = OnlineDecision::Approved;
            response.authorisationResponseCode = unhex("3030");
            return response;
        };
        EmvKernel kernel(card, cardholder, kernelConfig(), keys, authorizer, clock, random);
        auto outcome = kernel.run(purchase());
        QVERIFY(!outcome.ok());
        QVERIFY(outcome.error().code == ErrorCode::CardRemoved);
    }

    // The cancel flag is honoured between steps; choosing nothing cancels too.
    void cancelled()
    {
        CardSetup online;
        online.iacOnline = "8000000000";
        ScriptedCard card;
        for (const auto& step : upToRecords(online) + Script{{genAc("80", cdol1Data("8000000000")),
                                                              acResponse("80"), "GEN AC 1"}})
            card.expect(step.command, step.response, step.comment);
        FakeCardholder cardholder;
        FixedRandom random;
        ManualClock clock;
        CaPublicKeyStore keys;
        EmvKernel* self = nullptr;
        auto authorizer = [&](const OnlineRequest&) {
            self->cancel(); // the operator presses cancel while the host is asked
            return OnlineResponse{};
        };
        EmvKernel kernel(card, cardholder, kernelConfig(), keys, authorizer, clock, random);
        self = &kernel;
        auto outcome = kernel.run(purchase());
        QVERIFY(outcome.ok());
        QVERIFY(outcome->kind == OutcomeKind::Cancelled);
        QVERIFY2(card.finished(), card.failure().c_str());
    }

    void chooserCancels()
    {
        ScriptedCard card{{kPseSelect, "6A82", "no PSE"},
                          {selectAid(kMc), fci(kMc, "MASTERCARD") + "9000", "mc"},
                          {selectAid(kVisa), fci(kVisa, "VISA") + "9000", "visa"}};
        FakeCardholder cardholder;
        cardholder.choice = std::nullopt;
        FixedRandom random;
        ManualClock clock;
        CaPublicKeyStore keys;
        EmvKernel kernel(card, cardholder, kernelConfig(), keys, {}, clock, random);
        auto outcome = kernel.run(purchase());
        QVERIFY(outcome.ok());
        QVERIFY(outcome->kind == OutcomeKind::Cancelled);
        QCOMPARE(cardholder.offered.size(), std::size_t(1));
    }

    // Small pieces of the flow: PAN masking, TC hash (Book 3, 5.5), decline reasons.
    void supportPieces()
    {
        TransactionData data;
        QCOMPARE(maskedPanOf(data), std::string());
        data.set(0x5A, unhex("5413330089600010"));
        QCOMPARE(maskedPanOf(data), std::string("541333…0010"));
        data.set(0x5A, unhex("541333008960001F"));
        QCOMPARE(maskedPanOf(data), std::string("541333…0001"));

        data.set(0x9F02, TransactionData::bcd(1234, 6));
        Tvr tvr;
        QVERIFY(prepareTcHash(data, unhex("9F0206"), unhex("9F0206"), tvr).ok());
        QVERIFY(!data.has(0x98)); // the CDOL does not ask for it
        QVERIFY(prepareTcHash(data, unhex("9814"), unhex("9F0206"), tvr).ok());
        QCOMPARE(hexOf(data, 0x98), QString("D63B4EDEA972C6DE8D985F106491C491A93C48F8"));
        QVERIFY(tvr.test(TvrBit::DefaultTdolUsed));
        Tvr cardTdol;
        data.set(0x97, unhex("9F0206"));
        data.erase(0x98);
        QVERIFY(prepareTcHash(data, unhex("9814"), {}, cardTdol).ok());
        QCOMPARE(hexOf(data, 0x98), QString("D63B4EDEA972C6DE8D985F106491C491A93C48F8"));
        QVERIFY(!cardTdol.test(TvrBit::DefaultTdolUsed));
        QVERIFY(!prepareTcHash(data, unhex("98"), {}, cardTdol).ok());

        QVERIFY(declineReason(Cryptogram::Tc, 0x02, "x").find("PIN try limit") !=
                std::string::npos);
        QVERIFY(declineReason(Cryptogram::Aac, 0x00, "x").find("denial") != std::string::npos);
    }

private:
    static void expectArqc(const OnlineRequest& request)
    {
        const auto cid = request.data.get(0x9F27);
        if (!cid || cid->size() != 1 || (*cid)[0] != 0x80)
            qFatal("online request without the ARQC's CID");
        if (!request.data.has(0x9F26) || !request.data.has(0x95) || request.hasOnlinePin)
            qFatal("online request incomplete");
    }
};

QTEST_GUILESS_MAIN(TestEmvKernel)
#include "tst_emv_kernel.moc"
