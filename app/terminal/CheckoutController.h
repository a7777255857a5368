#pragma once

#include "AmountEntry.h"
#include "EmvStepModel.h"
#include "LineItems.h"
#include "OutcomeText.h"
#include "PinPad.h"
#include "QtCardholder.h"
#include "Receipt.h"
#include "TransactionRunner.h"
#include "emv/TerminalConfig.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace cardlink::terminal {

class ReaderStatus;
class SaleRecorder;

// The checkout: amount, waiting for the card, the EMV transaction on a
// worker thread, the cardholder's answers, the result and the receipt.
// QML shows the screen for `state`; every decision is made here.
class CheckoutController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Terminal")
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(cardlink::terminal::AmountEntry* amount READ amount CONSTANT)
    Q_PROPERTY(cardlink::terminal::LineItems* items READ items CONSTANT)
    Q_PROPERTY(cardlink::terminal::PinPad* pinPad READ pinPad CONSTANT)
    Q_PROPERTY(cardlink::terminal::EmvStepModel* steps READ steps CONSTANT)
    Q_PROPERTY(cardlink::terminal::Receipt* receipt READ receipt CONSTANT)
    Q_PROPERTY(QStringList applications READ applications NOTIFY stateChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    Q_PROPERTY(QString approvalTitle READ approvalTitle NOTIFY stateChanged)
    Q_PROPERTY(QString approvalDetail READ approvalDetail NOTIFY stateChanged)
    Q_PROPERTY(QString amountText READ amountText NOTIFY stateChanged)
    Q_PROPERTY(QString merchant READ merchant CONSTANT)
    Q_PROPERTY(ResultKind resultKind READ resultKind NOTIFY resultChanged)
    Q_PROPERTY(QString resultTitle READ resultTitle NOTIFY resultChanged)
    Q_PROPERTY(QString resultDetail READ resultDetail NOTIFY resultChanged)
    Q_PROPERTY(QString resultAction READ resultAction NOTIFY resultChanged)

public:
    enum class State {
        EnterAmount,
        InsertCard,
        Processing,
        ChooseApplication,
        Approve,
        EnterPin,
        Result
    };
    Q_ENUM(State)
    enum class ResultKind { Approved, Declined, CardError, Cancelled };
    Q_ENUM(ResultKind)

    CheckoutController(ReaderStatus& readers, TransactionRunner& runner, emv::TerminalConfig config,
                       QObject* parent = nullptr);
    ~CheckoutController() override;

    State state() const { return m_state; }
    AmountEntry* amount() { return &m_amount; }
    // Optional line items; while there are any, their total is the amount.
    LineItems* items() { return &m_items; }
    PinPad* pinPad() { return &m_pinPad; }
    EmvStepModel* steps() { return &m_steps; }
    Receipt* receipt() { return &m_receipt; }
    QStringList applications() const { return m_applications; }
    QString message() const { return m_message; }
    QString approvalTitle() const;
    QString approvalDetail() const { return m_approvalDetail; }
    QString amountText() const;
    QString merchant() const;
    ResultKind resultKind() const;
    QString resultTitle() const { return m_result.title; }
    QString resultDetail() const { return m_result.detail; }
    QString resultAction() const { return m_result.action; }
    bool isRunning() const { return m_worker != nullptr; }

    void setReceiptHeader(const QString& header) { m_receiptHeader = header; }
    // The receipt's Terminal line: the ID the host knows this terminal by
    // (terminal bundle, field 41) or the settings' ID. Empty: the kernel
    // config's 9F1C.
    void setReceiptTerminalId(const QString& id) { m_receiptTerminalId = id; }
    // Journals every sale (pending before the host, final at the end).
    void setRecorder(SaleRecorder* recorder) { m_recorder = recorder; }
    // The last STAN used, so numbering goes on (without a host link; with
    // one the STAN is the host message's, from the link's terminal state).
    void setLastStan(int stan) { m_stan = stan; }
    void retranslate();

    Q_INVOKABLE void startPayment();
    // Clears the typed amount and the line items.
    Q_INVOKABLE void clearAmount();
    Q_INVOKABLE void cancel();
    Q_INVOKABLE void chooseApplication(int index);
    Q_INVOKABLE void approve();
    Q_INVOKABLE void decline();
    Q_INVOKABLE void newSale();
    // A command seen on the card channel (the APDU trace), for the steps.
    void onCardCommand(const QString& name);

signals:
    void stateChanged();
    void messageChanged();
    void resultChanged();
    void transactionFinished();

private:
    enum class Approval { None, Amount, Application };

    void setState(State state);
    void runTransaction();
    void finish(const Result<emv::TransactionOutcome>& result);
    void onPinRequested(int triesLeft, bool online);
    void onMessage(int message);
    int nextStan();

    ReaderStatus& m_readers;
    TransactionRunner& m_runner;
    emv::TerminalConfig m_config;
    QtCardholder m_cardholder;
    AmountEntry m_amount;
    LineItems m_items;
    PinPad m_pinPad;
    EmvStepModel m_steps;
    Receipt m_receipt;
    State m_state = State::EnterAmount;
    QStringList m_applications;
    QString m_message;
    int m_messageId = -1;
    Approval m_approval = Approval::None;
    QString m_approvalDetail;
    std::optional<Result<emv::TransactionOutcome>> m_last;
    OutcomeText m_result;
    QString m_receiptHeader;
    QString m_receiptTerminalId;
    QThread* m_worker = nullptr;
    int m_stan = 0;
    int m_saleStan = 0;
    SaleRecorder* m_recorder = nullptr;
};

} // namespace cardlink::terminal
