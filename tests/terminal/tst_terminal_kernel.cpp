// The checkout controller driving core's real EMV kernel (KernelRunner) on
// its worker thread against the simulated EMV card in-process: the PIN goes
// from the keypad through the Qt Cardholder bridge to the card's VERIFY, the
// APDU trace masks it, the steps follow the card commands, and cancelling
// at the PIN screen releases the kernel.
#include "ApduTraceModel.h"
#include "CheckoutController.h"
#include "KernelRunner.h"
#include "ReaderStatus.h"
#include "SaleRecorder.h"
#include "StubHostAuthorizer.h"
#include "emv/SystemRandom.h"
#include "journal/MemoryJournal.h"
#include "sim/CardProfile.h"
#include "sim/SimulatedCard.h"
#include "sim/emv/CardPersonalizer.h"
#include "util/Clock.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cardlink;
using namespace cardlink::terminal;
using State = CheckoutController::State;
namespace simemv = cardlink::sim::emv;

namespace {
const QString kReader = QStringLiteral("Virtual PCD 00 00");

// The runner owns its channel; this one forwards to the test's card.
class ForwardingChannel final : public iso7816::CardChannel
{
public:
    explicit ForwardingChannel(iso7816::CardChannel& inner) : m_inner(inner) {}
    Result<iso7816::ResponseApdu> transmit(const iso7816::CommandApdu& command) override
    {
        return m_inner.transmit(command);
    }

private:
    iso7816::CardChannel& m_inner;
};

emv::TerminalConfig terminalConfig()
{
    emv::TerminalConfig config;
    config.aids = {{{0xA0, 0x00, 0x00, 0x09, 0x99, 0x10, 0x10}, true}};
    config.capabilities = {0xE0, 0xF8, 0xC8};
    config.floorLimit = 100000;
    config.tac.denial = Bytes(5, 0);
    config.tac.online = Bytes(5, 0);
    config.tac.defaultCodes = Bytes(5, 0);
    return config;
}
} // namespace

class TestTerminalKernel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        auto personalizer = simemv::CardPersonalizer::create({1024, 896, 768});
        QVERIFY(personalizer.ok());
        m_personalizer = std::make_unique<simemv::CardPersonalizer>(std::move(*personalizer));
        auto keys = emv::CaPublicKeyStore::fromJson(*m_personalizer->caKeysJson());
        QVERIFY(keys.ok());
        m_keys = std::move(*keys);
    }

    void init()
    {
        m_trace.clear();
        m_readers = std::make_unique<ReaderStatus>();
        m_readers->setReaders({kReader});
        m_host.setMode(StubHostAuthorizer::Mode::UnableToGoOnline);
        m_journal = std::make_unique<journal::MemoryJournal>();
        m_recorder = std::make_unique<SaleRecorder>(m_host, *m_journal);
    }
    void cleanup()
    {
        m_checkout.reset();
        m_model.reset();
        m_runner.reset();
        m_card.reset();
        m_recorder.reset();
        m_journal.reset();
    }

    void pinFromKeypadToCard_data()
    {
        QTest::addColumn<QStringList>("pins");
        QTest::addColumn<int>("pinScreens");
        QTest::addRow("right-pin") << QStringList{"1234"} << 1;
        QTest::addRow("wrong-then-right") << QStringList{"9999", "1234"} << 2;
    }
    void pinFromKeypadToCard()
    {
        QFETCH(QStringList, pins);
        QFETCH(int, pinScreens);
        startSale(simemv::CardKind::PinPlaintext);
        for (const QString& pin : pins) {
            QTRY_VERIFY_WITH_TIMEOUT(
                m_checkout->state() == State::EnterPin && m_checkout->pinPad()->isActive(), 10000);
            for (const QChar digit : pin)
                m_checkout->pinPad()->pressDigit(digit.digitValue());
            m_checkout->pinPad()->submit();
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_checkout->state(), State::Result, 10000);
        QCOMPARE(m_checkout->resultKind(), CheckoutController::ResultKind::Approved);
        QVERIFY(m_checkout->receipt()->isAvailable());
        const QString receipt = m_checkout->receipt()->plainText(Receipt::Copy::Merchant);
        QVERIFY2(receipt.contains(QStringLiteral("A0000009991010")), qPrintable(receipt));

        // Every VERIFY reached the card, masked in the trace.
        int verifies = 0;
        for (const auto& entry : m_trace.entries()) {
            if (entry.commandName != "VERIFY")
                continue;
            ++verifies;
            QVERIFY(entry.commandMasked);
            QCOMPARE(entry.command.size(), std::size_t(5));
        }
        QCOMPARE(verifies, pinScreens);
        const std::string exported = m_trace.exportText();
        QVERIFY(exported.find("**") != std::string::npos);
        QCOMPARE(m_checkout->steps()->stateOf(EmvStepModel::VerifyCardholder),
                 EmvStepModel::StepState::Done);
    }

    void onlineApprovalByStubHost()
    {
        m_host.setMode(StubHostAuthorizer::Mode::Approve);
        startSale(simemv::CardKind::NoCvm, true);
        QTRY_COMPARE_WITH_TIMEOUT(m_checkout->state(), State::Result, 10000);
        QVERIFY2(m_checkout->resultKind() == CheckoutController::ResultKind::Approved,
                 qPrintable(m_checkout->resultDetail()));
        QVERIFY(m_host.calls() >= 1);
        // Journaled once at the end: the stub host builds no request, so
        // nothing is left for recovery.
        QCOMPARE(m_journal->unresolved()->size(), std::size_t(0));
        const auto records = *m_journal->all();
        QCOMPARE(records.size(), std::size_t(1));
        QCOMPARE(records[0].state, journal::JournalState::Completed);
        QCOMPARE(records[0].cryptogram, journal::CryptogramKind::Tc);
        QCOMPARE(records[0].amount, std::int64_t(2500));
        QVERIFY(QString::fromStdString(records[0].maskedPan).contains(QChar(0x2026)));
        QVERIFY(records[0].request.empty());
        QCOMPARE(m_checkout->steps()->stateOf(EmvStepModel::Online), EmvStepModel::StepState::Done);
    }

    void cancelAtPinReleasesKernel()
    {
        startSale(simemv::CardKind::PinPlaintext);
        QTRY_COMPARE_WITH_TIMEOUT(m_checkout->state(), State::EnterPin, 10000);
        QSignalSpy finished(m_checkout.get(), &CheckoutController::transactionFinished);
        m_checkout->pinPad()->pressDigit(1);
        m_checkout->cancel();
        QVERIFY(finished.wait(10000));
        QVERIFY(!m_checkout->isRunning());
        QCOMPARE(m_checkout->resultKind(), CheckoutController::ResultKind::Cancelled);
    }

    void blockedApplicationNotAccepted()
    {
        startSale(simemv::CardKind::AppBlocked);
        QTRY_COMPARE_WITH_TIMEOUT(m_checkout->state(), State::Result, 10000);
        QCOMPARE(m_checkout->resultKind(), CheckoutController::ResultKind::Declined);
        QVERIFY(!m_checkout->resultAction().isEmpty());
    }

private:
    void startSale(simemv::CardKind kind, bool forceOnline = false)
    {
        auto json = m_personalizer->profileJson(kind, 7);
        QVERIFY(json.ok());
        auto profile = sim::CardProfile::parse(*json);
        QVERIFY(profile.ok());
        m_card = std::make_unique<sim::SimulatedCard>(std::move(*profile));
        m_card->powerOn();
        auto config = terminalConfig();
        if (forceOnline)
            config.floorLimit = 0; // every amount goes online (Book 3, 10.6.1)
        sim::SimulatedCard* card = m_card.get();
        m_runner = std::make_unique<KernelRunner>(
            [card](const std::string&) -> Result<std::unique_ptr<iso7816::CardChannel>> {
                return std::unique_ptr<iso7816::CardChannel>(new ForwardingChannel(*card));
            },
            config, m_keys, *m_recorder, m_trace, SystemClock::instance(), m_random);
        m_checkout = std::make_unique<CheckoutController>(*m_readers, *m_runner, config);
        m_checkout->setRecorder(m_recorder.get());
        m_model = std::make_unique<ApduTraceModel>();
        m_model->attach(m_trace);
        connect(m_model.get(), &ApduTraceModel::entryAdded, m_checkout.get(),
                &CheckoutController::onCardCommand);
        m_readers->setCardInserted(kReader, QByteArray::fromHex("3B00"));
        for (const char* key : {"2", "5", "0", "0"})
            m_checkout->amount()->press(QString::fromLatin1(key));
        m_checkout->startPayment();
        QVERIFY(m_checkout->isRunning());
    }

    std::unique_ptr<simemv::CardPersonalizer> m_personalizer;
    emv::CaPublicKeyStore m_keys;
    iso7816::ApduTrace m_trace;
    StubHostAuthorizer m_host;
    QTemporaryDir m_dir;
    std::unique_ptr<journal::MemoryJournal> m_journal;
    std::unique_ptr<SaleRecorder> m_recorder;
    emv::SystemRandom m_random;
    std::unique_ptr<ReaderStatus> m_readers;
    std::unique_ptr<sim::SimulatedCard> m_card;
    std::unique_ptr<KernelRunner> m_runner;
    std::unique_ptr<CheckoutController> m_checkout;
    std::unique_ptr<ApduTraceModel> m_model;
};

QTEST_GUILESS_MAIN(TestTerminalKernel)
#include "tst_terminal_kernel.moc"
