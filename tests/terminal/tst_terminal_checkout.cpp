// CheckoutController with a scripted runner in place of the kernel: the
// states, the cardholder's answers reaching the kernel port (the PIN from the
// keypad as SecretBytes), cancel releasing a blocked kernel, the result in
// words and the receipt.
#include "CheckoutController.h"
#include "ReaderStatus.h"
#include "terminal/ScriptedRunner.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace cardlink;
using namespace cardlink::terminal;
using cardlink::test::ScriptedRunner;
using Ask = ScriptedRunner::Ask;
using State = CheckoutController::State;

Q_DECLARE_METATYPE(cardlink::test::ScriptedRunner::Ask)

namespace {
const QString kReader = QStringLiteral("Virtual PCD 00 00");
}

class TestCheckout : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_readers = std::make_unique<ReaderStatus>();
        m_readers->setReaders({kReader});
        m_runner = std::make_unique<ScriptedRunner>();
        emv::TerminalConfig config;
        config.currencyAlpha = "EUR";
        m_checkout = std::make_unique<CheckoutController>(*m_readers, *m_runner, config);
        m_checkout->setReceiptHeader(QStringLiteral("Shop"));
        m_stepsTester = std::make_unique<QAbstractItemModelTester>(
            m_checkout->steps(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_receiptTester = std::make_unique<QAbstractItemModelTester>(
            m_checkout->receipt(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_receiptTester.reset();
        m_stepsTester.reset();
        m_checkout.reset();
        m_runner.reset();
        m_readers.reset();
    }

    void waitsForCard()
    {
        typeAmount("250");
        m_checkout->startPayment();
        QCOMPARE(m_checkout->state(), State::InsertCard);
        QCOMPARE(m_runner->runs.load(), 0);
        m_readers->setCardInserted(kReader, QByteArray::fromHex("3B00"));
        QTRY_COMPARE(m_checkout->state(), State::Result);
        QCOMPARE(m_runner->runs.load(), 1);
        QCOMPARE(m_runner->reader(), kReader.toStdString());
        QCOMPARE(m_runner->amount(), std::uint64_t(250));
    }

    void zeroAmountDoesNotStart()
    {
        m_checkout->startPayment();
        QCOMPARE(m_checkout->state(), State::EnterAmount);
    }

    void cancelWhileWaitingForCard()
    {
        typeAmount("1");
        m_checkout->startPayment();
        m_checkout->cancel();
        QCOMPARE(m_checkout->state(), State::EnterAmount);
        QCOMPARE(m_runner->runs.load(), 0);
    }

    void outcome_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("removed");
        QTest::addColumn<CheckoutController::ResultKind>("result");
        QTest::addColumn<bool>("receipt");
        QTest::addColumn<bool>("action");
        using K = emv::OutcomeKind;
        using R = CheckoutController::ResultKind;
        QTest::addRow("approved-online")
            << int(K::ApprovedOnline) << false << R::Approved << true << false;
        QTest::addRow("approved-offline")
            << int(K::ApprovedOffline) << false << R::Approved << true << false;
        QTest::addRow("declined") << int(K::Declined) << false << R::Declined << true << true;
        QTest::addRow("card-error") << int(K::CardError) << false << R::CardError << true << true;
        QTest::addRow("card-removed")
            << int(K::ApprovedOnline) << true << R::CardError << false << true;
    }
    void outcome()
    {
        QFETCH(int, kind);
        QFETCH(bool, removed);
        QFETCH(CheckoutController::ResultKind, result);
        QFETCH(bool, receipt);
        QFETCH(bool, action);
        m_runner->outcome.kind = static_cast<emv::OutcomeKind>(kind);
        if (removed)
            m_runner->error = makeError(ErrorCode::CardRemoved, "card removed");
        QSignalSpy finished(m_checkout.get(), &CheckoutController::transactionFinished);
        runSale("1999");
        QVERIFY(finished.wait(5000));
        QCOMPARE(m_checkout->state(), State::Result);
        QCOMPARE(m_checkout->resultKind(), result);
        QVERIFY(!m_checkout->resultTitle().isEmpty());
        QVERIFY(!m_checkout->resultDetail().isEmpty());
        QCOMPARE(!m_checkout->resultAction().isEmpty(), action);
        QCOMPARE(m_checkout->receipt()->isAvailable(), receipt);
        if (receipt) {
            const QString text = m_checkout->receipt()->plainText(Receipt::Copy::Customer);
            QVERIFY2(text.contains(QStringLiteral("19.99 EUR")), qPrintable(text));
            QVERIFY(text.contains(QStringLiteral("476173\u20260010")));
            QVERIFY(text.contains(QStringLiteral("Shop")));
        }
        QCOMPARE(m_checkout->steps()->stateOf(EmvStepModel::Complete),
                 EmvStepModel::StepState::Done);
        m_checkout->newSale();
        QCOMPARE(m_checkout->state(), State::EnterAmount);
        QCOMPARE(m_checkout->amount()->minorUnits(), qint64(0));
    }

    // The Terminal line names the terminal in use (bundle or settings, set
    // by Terminal), else the kernel config's 9F1C.
    void receiptTerminalId_data()
    {
        QTest::addColumn<QString>("set");
        QTest::addColumn<QString>("shown");
        QTest::addRow("kernel-config") << QString() << "Terminal: CARDLNK1";
        QTest::addRow("bundle") << "TERM0042"
                                << "Terminal: TERM0042";
    }
    void receiptTerminalId()
    {
        QFETCH(QString, set);
        QFETCH(QString, shown);
        m_checkout->setReceiptTerminalId(set);
        QSignalSpy finished(m_checkout.get(), &CheckoutController::transactionFinished);
        runSale("500");
        QVERIFY(finished.wait(5000));
        QVERIFY(m_checkout->receipt()->isAvailable());
        const QString text = m_checkout->receipt()->plainText(Receipt::Copy::Merchant);
        QVERIFY2(text.contains(shown + QLatin1Char('\n')), qPrintable(text));
    }

    void pinReachesKernelPort()
    {
        m_runner->asks = {Ask::Pin};
        runSale("500");
        QTRY_COMPARE(m_checkout->state(), State::EnterPin);
        PinPad* pad = m_checkout->pinPad();
        QVERIFY(pad->isActive());
        QCOMPARE(pad->triesLeft(), 3);
        for (const int digit : {1, 2, 3, 4})
            pad->pressDigit(digit);
        pad->submit();
        QCOMPARE(pad->length(), 0); // wiped from the pad at once
        QTRY_COMPARE(m_checkout->state(), State::Result);
        QVERIFY(m_runner->pinEquals("1234"));
        QCOMPARE(m_checkout->resultKind(), CheckoutController::ResultKind::Approved);
    }

    void secondPinShowsMessage()
    {
        m_runner->asks = {Ask::Pin, Ask::SecondPin};
        runSale("500");
        QTRY_COMPARE(m_checkout->state(), State::EnterPin);
        enterPin("9999");
        QTRY_VERIFY(m_checkout->state() == State::EnterPin && m_checkout->pinPad()->isActive());
        QTRY_VERIFY(!m_checkout->message().isEmpty());
        QCOMPARE(m_checkout->pinPad()->triesLeft(), 2);
        enterPin("4321");
        QTRY_COMPARE(m_checkout->state(), State::Result);
        QVERIFY(m_runner->pinEquals("4321"));
    }

    void cancelReleasesBlockedKernel_data()
    {
        QTest::addColumn<Ask>("ask");
        QTest::addColumn<State>("waiting");
        QTest::addRow("pin") << Ask::Pin << State::EnterPin;
        QTest::addRow("application") << Ask::Application << State::ChooseApplication;
        QTest::addRow("approval") << Ask::ConfirmAmount << State::Approve;
        QTest::addRow("processing") << Ask::Hold << State::Processing;
    }
    void cancelReleasesBlockedKernel()
    {
        QFETCH(Ask, ask);
        QFETCH(State, waiting);
        m_runner->asks = {ask};
        QSignalSpy finished(m_checkout.get(), &CheckoutController::transactionFinished);
        runSale("700");
        QTRY_COMPARE(m_checkout->state(), waiting);
        QTRY_VERIFY(m_checkout->isRunning());
        m_checkout->cancel();
        QVERIFY(finished.wait(5000));
        QVERIFY(!m_checkout->isRunning());
        QCOMPARE(m_checkout->resultKind(), CheckoutController::ResultKind::Cancelled);
        QCOMPARE(m_checkout->pinPad()->length(), 0);
    }

    void pinTimeoutEndsTransaction()
    {
        m_runner->asks = {Ask::Pin};
        m_checkout->pinPad()->setTimeoutSeconds(1);
        runSale("700");
        QTRY_COMPARE(m_checkout->state(), State::EnterPin);
        QTRY_COMPARE_WITH_TIMEOUT(m_checkout->state(), State::Result, 4000);
        QCOMPARE(m_checkout->resultKind(), CheckoutController::ResultKind::Cancelled);
    }

    void applicationChoice_data()
    {
        QTest::addColumn<int>("index");
        QTest::addRow("first") << 0;
        QTest::addRow("second") << 1;
    }
    void applicationChoice()
    {
        QFETCH(int, index);
        m_runner->asks = {Ask::Application};
        runSale("100");
        QTRY_COMPARE(m_checkout->state(), State::ChooseApplication);
        QCOMPARE(m_checkout->applications(),
                 QStringList({QStringLiteral("VISA CREDIT"), QStringLiteral("CARDLINK DEBIT")}));
        m_checkout->chooseApplication(index);
        QTRY_COMPARE(m_checkout->state(), State::Result);
        QCOMPARE(m_runner->chosen(), std::optional<std::size_t>(index));
    }

    void approval_data()
    {
        QTest::addColumn<bool>("approve");
        QTest::addRow("approve") << true;
        QTest::addRow("decline") << false;
    }
    void approval()
    {
        QFETCH(bool, approve);
        m_runner->asks = {Ask::ConfirmAmount};
        runSale("4200");
        QTRY_COMPARE(m_checkout->state(), State::Approve);
        QCOMPARE(m_checkout->approvalDetail(), QStringLiteral("42.00 GBP"));
        QVERIFY(!m_checkout->approvalTitle().isEmpty());
        approve ? m_checkout->approve() : m_checkout->decline();
        QTRY_COMPARE(m_checkout->state(), State::Result);
        QCOMPARE(m_checkout->resultKind(), approve ? CheckoutController::ResultKind::Approved
                                                   : CheckoutController::ResultKind::Cancelled);
    }

    void stepsFollowCardCommands()
    {
        m_runner->asks = {Ask::Hold};
        runSale("100");
        QTRY_VERIFY(m_checkout->isRunning());
        EmvStepModel* steps = m_checkout->steps();
        m_checkout->onCardCommand(QStringLiteral("SELECT"));
        QCOMPARE(steps->current(), int(EmvStepModel::SelectApplication));
        m_checkout->onCardCommand(QStringLiteral("READ RECORD"));
        m_checkout->onCardCommand(QStringLiteral("SELECT")); // never backwards
        QCOMPARE(steps->current(), int(EmvStepModel::ReadCard));
        QCOMPARE(steps->stateOf(EmvStepModel::SelectApplication), EmvStepModel::StepState::Done);
        QCOMPARE(steps->stateOf(EmvStepModel::Complete), EmvStepModel::StepState::Pending);
        // The scripted kernel said "processing online".
        QTRY_COMPARE(steps->current(), int(EmvStepModel::Online));
        m_checkout->cancel();
        QTRY_COMPARE(m_checkout->state(), State::Result);
    }

private:
    void typeAmount(const QString& digits)
    {
        for (const QChar digit : digits)
            m_checkout->amount()->press(QString(digit));
    }
    void runSale(const QString& digits)
    {
        m_readers->setCardInserted(kReader, QByteArray::fromHex("3B00"));
        typeAmount(digits);
        m_checkout->startPayment();
    }
    void enterPin(const char* digits)
    {
        for (const char* d = digits; *d; ++d)
            m_checkout->pinPad()->pressDigit(*d - '0');
        m_checkout->pinPad()->submit();
    }

    std::unique_ptr<ReaderStatus> m_readers;
    std::unique_ptr<ScriptedRunner> m_runner;
    std::unique_ptr<CheckoutController> m_checkout;
    std::unique_ptr<QAbstractItemModelTester> m_stepsTester;
    std::unique_ptr<QAbstractItemModelTester> m_receiptTester;
};

QTEST_GUILESS_MAIN(TestCheckout)
#include "tst_terminal_checkout.moc"
