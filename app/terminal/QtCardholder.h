#pragma once

#include "emv/Cardholder.h"

#include <QMutex>
#include <QObject>
#include <QStringList>
#include <QWaitCondition>

#include <optional>

namespace cardlink::terminal {

// The kernel's Cardholder port for the Qt UI. The kernel calls it on its
// worker thread; each question is emitted as a signal (delivered queued to
// the UI thread) and the worker blocks until the UI answers through a slot
// or cancel() releases it. cancel() makes every pending and later question
// answer "cancelled" at once until reset(), so the kernel always finishes.
class QtCardholder final : public QObject, public emv::Cardholder
{
    Q_OBJECT

public:
    explicit QtCardholder(QObject* parent = nullptr);

    // emv::Cardholder, worker thread only.
    std::optional<std::size_t>
    chooseApplication(std::span<const emv::ApplicationChoice> candidates) override;
    bool confirmApplication(const emv::ApplicationChoice& candidate) override;
    bool confirmAmount(std::uint64_t amount, const std::string& currency) override;
    emv::PinEntry enterPin(const emv::PinRequest& request) override;
    void showMessage(emv::CardholderMessage message) override;

    // Answers, from any thread (the UI's).
    void answerApplication(int index); // < 0: cancelled
    void answerConfirmation(bool yes);
    void answerPin(emv::PinEntry entry);
    void cancel();
    // Before each transaction.
    void reset();
    bool isCancelled() const;

signals:
    void applicationChoiceRequested(const QStringList& labels);
    void applicationConfirmationRequested(const QString& label);
    void amountConfirmationRequested(qint64 amount, const QString& currency);
    void pinRequested(int triesLeft, bool online);
    void messageShown(int message); // emv::CardholderMessage

private:
    enum class Pending { None, Application, Confirmation, Pin };

    // Marks `what` pending; false when cancelled.
    bool begin(Pending what);
    // Blocks until the answer to `what` came or cancel().
    void waitFor(Pending what);

    mutable QMutex m_mutex;
    QWaitCondition m_answered;
    Pending m_pending = Pending::None;
    bool m_cancelled = false;
    int m_applicationAnswer = -1;
    bool m_confirmationAnswer = false;
    emv::PinEntry m_pinAnswer;
};

} // namespace cardlink::terminal
