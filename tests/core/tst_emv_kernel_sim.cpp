// The kernel against the simulated EMV card (core/sim/emv), in-process: one
// transaction per test card kind the personalisation tool makes.
#include "EmvFixtures.h"
#include "ManualClock.h"
#include "emv/EmvKernel.h"
#include "sim/CardProfile.h"
#include "sim/SimulatedCard.h"
#include "sim/emv/CardPersonalizer.h"

#include <QTest>

#include <chrono>
#include <memory>

using namespace cardlink;
using namespace cardlink::emv;
using namespace cardlink::test;
using namespace std::chrono;
namespace simemv = cardlink::sim::emv;

Q_DECLARE_METATYPE(cardlink::sim::emv::CardKind)

namespace {
// A cardholder who always enters the test cards' PIN.
class PinCardholder final : public Cardholder
{
public:
    int pinRequests = 0;
    std::optional<std::size_t> chooseApplication(std::span<const ApplicationChoice>) override
    {
        return 0;
    }
    bool confirmApplication(const ApplicationChoice&) override { return true; }
    bool confirmAmount(std::uint64_t, const std::string&) override { return true; }
    PinEntry enterPin(const PinRequest&) override
    {
        ++pinRequests;
        PinEntry entry;
        entry.status = PinEntryStatus::Entered;
        const std::string pin = simemv::CardPersonalizer::kTestPin;
        entry.digits = pin::SecretBytes(
            ByteView(reinterpret_cast<const std::uint8_t*>(pin.data()), pin.size()));
        return entry;
    }
    void showMessage(CardholderMessage) override {}
};

// Passes commands to the card until one with instruction `ins` comes: then
// the card is "pulled out".
class PullOnInstruction final : public iso7816::CardChannel
{
public:
    PullOnInstruction(iso7816::CardChannel& inner, std::uint8_t ins) : m_inner(inner), m_ins(ins) {}
    Result<iso7816::ResponseApdu> transmit(const iso7816::CommandApdu& command) override
    {
        if (command.ins == m_ins)
            return makeError(ErrorCode::CardRemoved, "card removed");
        return m_inner.transmit(command);
    }

private:
    iso7816::CardChannel& m_inner;
    std::uint8_t m_ins;
};

TerminalConfig simConfig()
{
    TerminalConfig config = terminalConfig({{"A0000009991010", true}});
    config.capabilities = unhex("E0F8C8"); // every CVM; SDA, DDA, CDA
    config.floorLimit = 100000;
    config.tac.denial = unhex("0000000000");
    config.tac.online = unhex("0000000000");
    config.tac.defaultCodes = unhex("0000000000");
    return config;
}
} // namespace

class TestEmvKernelSim : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        auto personalizer = simemv::CardPersonalizer::create({1024, 896, 768});
        QVERIFY2(personalizer.ok(),
                 personalizer.ok() ? "" : personalizer.error().describe().c_str());
        m_personalizer = std::make_unique<simemv::CardPersonalizer>(std::move(*personalizer));
        auto caJson = m_personalizer->caKeysJson();
        QVERIFY(caJson.ok());
        auto keys = CaPublicKeyStore::fromJson(*caJson);
        QVERIFY2(keys.ok(), keys.ok() ? "" : keys.error().describe().c_str());
        m_keys = std::move(*keys);
    }

    void transaction_data()
    {
        QTest::addColumn<simemv::CardKind>("kind");
        for (const auto kind : simemv::allCardKinds())
            QTest::addRow("%s", std::string(simemv::cardKindName(kind)).c_str()) << kind;
    }
    void transaction()
    {
        QFETCH(simemv::CardKind, kind);
        auto json = m_personalizer->profileJson(kind, 1);
        QVERIFY2(json.ok(), json.ok() ? "" : json.error().describe().c_str());
        auto profile = sim::CardProfile::parse(*json);
        QVERIFY2(profile.ok(), profile.ok() ? "" : profile.error().describe().c_str());
        sim::SimulatedCard card(std::move(*profile));
        card.powerOn();

        PinCardholder cardholder;
        FixedRandom random;
        ManualClock clock;
        int onlineCalls = 0;
        auto authorizer = [&](const OnlineRequest& request) {
            ++onlineCalls;
            if (!request.data.has(0x9F26))
                qFatal("online request without a cryptogram");
            OnlineResponse response;
            response.decision = OnlineDecision::Approved;
            response.authorisationResponseCode = unhex("3030");
            return response;
        };
        EmvKernel kernel(card, cardholder, simConfig(), m_keys, authorizer, clock, random);
        TransactionRequest request;
        request.amount = 1234;
        request.dateTime = sys_days{year{2025} / 11 / 25} + hours{12};
        auto outcome = kernel.run(request);
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : outcome.error().describe().c_str());
        const std::string summary = std::string(outcomeKindName(outcome->kind)) + ": " +
                                    outcome->reason + " TVR " + toHex(outcome->tvr.toBytes());
        qInfo("%s", summary.c_str());

        if (kind == simemv::CardKind::AppBlocked) {
            QVERIFY2(outcome->kind == OutcomeKind::NotAccepted, summary.c_str());
            return;
        }
        QVERIFY2(outcome->kind != OutcomeKind::CardError, summary.c_str());
        QVERIFY2(outcome->kind != OutcomeKind::NotAccepted, summary.c_str());
        QVERIFY(outcome->data.has(0x9F26));
        QVERIFY(outcome->data.has(0x9F36));
        QVERIFY(!outcome->maskedPan.empty());
        // Offline data authentication worked for the card's method.
        QVERIFY2(outcome->tsi.test(TsiBit::OdaPerformed), summary.c_str());
        QVERIFY2(!outcome->tvr.test(TvrBit::OdaNotPerformed), summary.c_str());
        QVERIFY2(!outcome->tvr.test(TvrBit::SdaFailed), summary.c_str());
        QVERIFY2(!outcome->tvr.test(TvrBit::DdaFailed), summary.c_str());
        QVERIFY2(!outcome->tvr.test(TvrBit::CdaFailed), summary.c_str());
        if (kind == simemv::CardKind::Expired)
            QVERIFY2(outcome->tvr.test(TvrBit::ExpiredApplication), summary.c_str());
        else
            QVERIFY2(!outcome->tvr.test(TvrBit::ExpiredApplication), summary.c_str());
        if (kind == simemv::CardKind::PinBlocked)
            QVERIFY2(outcome->tvr.test(TvrBit::PinTryLimitExceeded), summary.c_str());
        if (kind == simemv::CardKind::PinOnline && onlineCalls > 0)
            QVERIFY2(outcome->tvr.test(TvrBit::OnlinePinEntered), summary.c_str());
        if (kind == simemv::CardKind::Signature)
            QVERIFY2(outcome->signatureRequired, summary.c_str());
        QCOMPARE(onlineCalls > 0, outcome->kind == OutcomeKind::ApprovedOnline || outcome->online ||
                                      outcome->kind == OutcomeKind::GoOnlineFailed);
    }

    // A card pulled out during INTERNAL AUTHENTICATE (DDA), VERIFY (offline
    // PIN) or GENERATE AC ends the run with the transport Error.
    void cardRemoved_data()
    {
        QTest::addColumn<simemv::CardKind>("kind");
        QTest::addColumn<int>("ins");
        QTest::addRow("dda-internal-authenticate") << simemv::CardKind::Dda << 0x88;
        QTest::addRow("offline-pin-verify") << simemv::CardKind::PinPlaintext << 0x20;
        QTest::addRow("generate-ac") << simemv::CardKind::NoCvm << 0xAE;
    }
    void cardRemoved()
    {
        QFETCH(simemv::CardKind, kind);
        QFETCH(int, ins);
        auto json = m_personalizer->profileJson(kind, 2);
        QVERIFY(json.ok());
        auto profile = sim::CardProfile::parse(*json);
        QVERIFY(profile.ok());
        sim::SimulatedCard simCard(std::move(*profile));
        simCard.powerOn();
        PullOnInstruction card(simCard, static_cast<std::uint8_t>(ins));
        PinCardholder cardholder;
        FixedRandom random;
        ManualClock clock;
        EmvKernel kernel(card, cardholder, simConfig(), m_keys, {}, clock, random);
        TransactionRequest request;
        request.amount = 1234;
        request.dateTime = sys_days{year{2025} / 11 / 25} + hours{12};
        auto outcome = kernel.run(request);
        QVERIFY2(!outcome.ok(), outcome.ok() ? outcomeKindName(outcome->kind) : "");
        QVERIFY(outcome.error().code == ErrorCode::CardRemoved);
    }

private:
    std::unique_ptr<simemv::CardPersonalizer> m_personalizer;
    CaPublicKeyStore m_keys;
};

QTEST_GUILESS_MAIN(TestEmvKernelSim)
#include "tst_emv_kernel_sim.moc"
