#include "CheckoutController.h"

#include "ReaderStatus.h"
#include "SaleRecorder.h"

#include <QLoggingCategory>

#include <memory>

namespace cardlink::terminal {

namespace {
Q_LOGGING_CATEGORY(lcCheckout, "cardlink.checkout")

QString messageText(int message)
{
    using emv::CardholderMessage;
    switch (static_cast<CardholderMessage>(message)) {
    case CardholderMessage::PleaseWait:
        return CheckoutController::tr("Please wait");
    case CardholderMessage::IncorrectPin:
        return CheckoutController::tr("Incorrect PIN");
    case CardholderMessage::LastPinTry:
        return CheckoutController::tr("Incorrect PIN. Last try!");
    case CardholderMessage::PinOk:
        return CheckoutController::tr("PIN OK");
    case CardholderMessage::PinBlocked:
        return CheckoutController::tr("PIN blocked");
    case CardholderMessage::ProcessingOnline:
        return CheckoutController::tr("Asking the bank");
    case CardholderMessage::RemoveCard:
        return CheckoutController::tr("Remove the card");
    }
    return {};
}
} // namespace

CheckoutController::CheckoutController(ReaderStatus& readers, TransactionRunner& runner,
                                       emv::TerminalConfig config, QObject* parent)
    : QObject(parent), m_readers(readers), m_runner(runner), m_config(std::move(config))
{
    m_amount.setExponent(m_config.currencyExponent);
    m_amount.setCurrency(QString::fromStdString(m_config.currencyAlpha));
    m_items.setExponent(m_config.currencyExponent);
    m_items.setCurrency(QString::fromStdString(m_config.currencyAlpha));
    connect(&m_items, &LineItems::changed, this, [this] {
        if (m_items.count() > 0)
            m_amount.fix(m_items.total());
        else
            m_amount.unfix();
    });
    connect(&m_amount, &AmountEntry::submitRequested, this, &CheckoutController::startPayment);
    connect(&m_readers, &ReaderStatus::cardInserted, this, [this] {
        if (m_state == State::InsertCard)
            runTransaction();
    });

    // The cardholder's questions arrive from the worker thread (queued).
    connect(&m_cardholder, &QtCardholder::applicationChoiceRequested, this,
            [this](const QStringList& labels) {
                m_applications = labels;
                setState(State::ChooseApplication);
            });
    connect(&m_cardholder, &QtCardholder::applicationConfirmationRequested, this,
            [this](const QString& label) {
                m_approval = Approval::Application;
                m_approvalDetail = label;
                setState(State::Approve);
            });
    connect(&m_cardholder, &QtCardholder::amountConfirmationRequested, this,
            [this](qint64 amount, const QString& currency) {
                m_approval = Approval::Amount;
                m_approvalDetail = AmountEntry::format(amount, m_config.currencyExponent) +
                                   QLatin1Char(' ') + currency;
                setState(State::Approve);
            });
    connect(&m_cardholder, &QtCardholder::pinRequested, this, &CheckoutController::onPinRequested);
    connect(&m_cardholder, &QtCardholder::messageShown, this, &CheckoutController::onMessage);

    // The PIN goes from the pad to the kernel without passing through QML.
    connect(&m_pinPad, &PinPad::submitted, this, [this] {
        emv::PinEntry entry;
        entry.status = emv::PinEntryStatus::Entered;
        entry.digits = m_pinPad.takePin();
        m_cardholder.answerPin(std::move(entry));
        setState(State::Processing);
    });
    connect(&m_pinPad, &PinPad::cancelled, this, [this] {
        m_cardholder.answerPin({emv::PinEntryStatus::Cancelled, {}});
    });
    connect(&m_pinPad, &PinPad::timedOut, this, [this] {
        m_cardholder.answerPin({emv::PinEntryStatus::TimedOut, {}});
        setState(State::Processing);
    });
}

CheckoutController::~CheckoutController()
{
    m_cardholder.cancel();
    m_runner.cancel();
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
}

QString CheckoutController::approvalTitle() const
{
    switch (m_approval) {
    case Approval::Amount:
        return tr("Pay this amount?");
    case Approval::Application:
        return tr("Use this card application?");
    case Approval::None:
        break;
    }
    return {};
}

QString CheckoutController::amountText() const
{
    return m_amount.text() + QLatin1Char(' ') + m_amount.currency();
}

QString CheckoutController::merchant() const
{
    return QString::fromStdString(m_config.merchantId);
}

CheckoutController::ResultKind CheckoutController::resultKind() const
{
    return static_cast<ResultKind>(m_result.kind);
}

void CheckoutController::retranslate()
{
    if (m_last)
        m_result = OutcomeText::from(*m_last);
    if (m_messageId >= 0)
        m_message = messageText(m_messageId);
    m_steps.retranslate();
    m_items.retranslate();
    m_receipt.retranslate();
    emit resultChanged();
    emit messageChanged();
    emit stateChanged();
}

void CheckoutController::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged();
}

void CheckoutController::startPayment()
{
    if (m_state != State::EnterAmount || !m_amount.isValid())
        return;
    if (m_readers.isCardPresent())
        runTransaction();
    else
        setState(State::InsertCard);
}

void CheckoutController::runTransaction()
{
    if (m_worker)
        return;
    m_cardholder.reset();
    m_runner.reset();
    m_steps.reset();
    m_receipt.clear();
    m_messageId = -1;
    m_message.clear();
    emit messageChanged();
    setState(State::Processing);

    m_saleStan = nextStan();
    if (m_recorder)
        m_recorder->begin();

    emv::TransactionRequest request;
    request.amount = static_cast<std::uint64_t>(m_amount.minorUnits());
    const std::string reader = m_readers.reader().toStdString();
    m_worker = QThread::create([this, reader, request] {
        auto result = std::make_shared<Result<emv::TransactionOutcome>>(
            m_runner.run(reader, request, m_cardholder));
        // Dropped by Qt if this controller is gone by then.
        QMetaObject::invokeMethod(
            this, [this, result] { finish(*result); }, Qt::QueuedConnection);
    });
    m_worker->setObjectName(QStringLiteral("emv-kernel"));
    m_worker->start();
}

void CheckoutController::finish(const Result<emv::TransactionOutcome>& result)
{
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
        m_worker = nullptr;
    }
    m_pinPad.cancel();
    m_last = result;
    m_result = OutcomeText::from(result);
    m_steps.finish();
    if (m_recorder) {
        if (auto journaled = m_recorder->finish(result); !journaled)
            qCWarning(lcCheckout, "journal: %s", journaled.error().describe().c_str());
        // The receipt carries the STAN that went to the host (field 11).
        if (auto record = m_recorder->record(); record && record->stan != 0)
            m_saleStan = static_cast<int>(record->stan);
    }
    if (result && !result->aid.empty()) {
        ReceiptData receipt = receiptDataFrom(*result, m_config, m_amount.minorUnits(), m_saleStan,
                                              m_receiptHeader, m_result.title);
        receipt.items = receiptItems(m_items.items(), m_config.currencyExponent);
        if (!m_receiptTerminalId.isEmpty())
            receipt.terminalId = m_receiptTerminalId;
        m_receipt.setData(receipt);
    }
    emit resultChanged();
    setState(State::Result);
    emit transactionFinished();
}

void CheckoutController::cancel()
{
    switch (m_state) {
    case State::EnterAmount:
        clearAmount();
        return;
    case State::InsertCard:
        setState(State::EnterAmount);
        return;
    case State::Result:
        newSale();
        return;
    default:
        // Releases a kernel blocked on a question and stops it at its next
        // step; finish() follows with the Cancelled outcome.
        m_cardholder.cancel();
        m_runner.cancel();
        m_pinPad.cancel();
        return;
    }
}

void CheckoutController::clearAmount()
{
    if (m_state != State::EnterAmount)
        return;
    m_items.clear();
    m_amount.clear();
}

void CheckoutController::chooseApplication(int index)
{
    if (m_state != State::ChooseApplication)
        return;
    m_cardholder.answerApplication(index);
    setState(State::Processing);
}

void CheckoutController::approve()
{
    if (m_state != State::Approve)
        return;
    m_cardholder.answerConfirmation(true);
    setState(State::Processing);
}

void CheckoutController::decline()
{
    if (m_state != State::Approve)
        return;
    m_cardholder.answerConfirmation(false);
    setState(State::Processing);
}

void CheckoutController::newSale()
{
    if (m_worker)
        return;
    m_items.clear();
    m_amount.clear();
    m_steps.reset();
    m_last.reset();
    m_result = {};
    emit resultChanged();
    setState(State::EnterAmount);
}

void CheckoutController::onCardCommand(const QString& name)
{
    if (m_worker)
        m_steps.onCommand(name);
}

void CheckoutController::onPinRequested(int triesLeft, bool)
{
    m_pinPad.start(triesLeft);
    setState(State::EnterPin);
}

void CheckoutController::onMessage(int message)
{
    m_messageId = message;
    m_message = messageText(message);
    if (static_cast<emv::CardholderMessage>(message) == emv::CardholderMessage::ProcessingOnline)
        m_steps.advanceTo(EmvStepModel::Online);
    emit messageChanged();
}

int CheckoutController::nextStan()
{
    // ISO 8583 field 11 wraps after 999999; the journal keeps it durable later.
    m_stan = m_stan % 999999 + 1;
    return m_stan;
}

} // namespace cardlink::terminal
