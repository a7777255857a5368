#include "QtCardholder.h"

namespace cardlink::terminal {

QtCardholder::QtCardholder(QObject* parent) : QObject(parent) {}

bool QtCardholder::begin(Pending what)
{
    QMutexLocker lock(&m_mutex);
    if (m_cancelled)
        return false;
    m_pending = what;
    m_applicationAnswer = -1;
    m_confirmationAnswer = false;
    m_pinAnswer = {};
    return true;
}

void QtCardholder::waitFor(Pending what)
{
    // The question is emitted before this, without the lock, so a receiver
    // connected directly may answer at once.
    QMutexLocker lock(&m_mutex);
    while (m_pending == what && !m_cancelled)
        m_answered.wait(&m_mutex);
    m_pending = Pending::None;
}

std::optional<std::size_t>
QtCardholder::chooseApplication(std::span<const emv::ApplicationChoice> candidates)
{
    QStringList labels;
    for (const auto& candidate : candidates)
        labels << QString::fromStdString(candidate.label);
    if (!begin(Pending::Application))
        return std::nullopt;
    emit applicationChoiceRequested(labels);
    waitFor(Pending::Application);
    QMutexLocker lock(&m_mutex);
    if (m_cancelled || m_applicationAnswer < 0 ||
        static_cast<std::size_t>(m_applicationAnswer) >= candidates.size())
        return std::nullopt;
    return static_cast<std::size_t>(m_applicationAnswer);
}

bool QtCardholder::confirmApplication(const emv::ApplicationChoice& candidate)
{
    if (!begin(Pending::Confirmation))
        return false;
    emit applicationConfirmationRequested(QString::fromStdString(candidate.label));
    waitFor(Pending::Confirmation);
    QMutexLocker lock(&m_mutex);
    return !m_cancelled && m_confirmationAnswer;
}

bool QtCardholder::confirmAmount(std::uint64_t amount, const std::string& currency)
{
    if (!begin(Pending::Confirmation))
        return false;
    emit amountConfirmationRequested(static_cast<qint64>(amount), QString::fromStdString(currency));
    waitFor(Pending::Confirmation);
    QMutexLocker lock(&m_mutex);
    return !m_cancelled && m_confirmationAnswer;
}

emv::PinEntry QtCardholder::enterPin(const emv::PinRequest& request)
{
    if (!begin(Pending::Pin))
        return {};
    emit pinRequested(request.triesLeft.value_or(-1), request.kind == emv::PinKind::Online);
    waitFor(Pending::Pin);
    QMutexLocker lock(&m_mutex);
    if (m_cancelled)
        return {};
    // Moving wipes the member's copy: the PIN exists only in the kernel now.
    return std::move(m_pinAnswer);
}

void QtCardholder::showMessage(emv::CardholderMessage message)
{
    emit messageShown(static_cast<int>(message));
}

void QtCardholder::answerApplication(int index)
{
    QMutexLocker lock(&m_mutex);
    if (m_pending != Pending::Application)
        return;
    m_applicationAnswer = index;
    m_pending = Pending::None;
    m_answered.wakeAll();
}

void QtCardholder::answerConfirmation(bool yes)
{
    QMutexLocker lock(&m_mutex);
    if (m_pending != Pending::Confirmation)
        return;
    m_confirmationAnswer = yes;
    m_pending = Pending::None;
    m_answered.wakeAll();
}

void QtCardholder::answerPin(emv::PinEntry entry)
{
    QMutexLocker lock(&m_mutex);
    if (m_pending != Pending::Pin)
        return; // `entry` wipes itself
    m_pinAnswer = std::move(entry);
    m_pending = Pending::None;
    m_answered.wakeAll();
}

void QtCardholder::cancel()
{
    QMutexLocker lock(&m_mutex);
    m_cancelled = true;
    m_answered.wakeAll();
}

void QtCardholder::reset()
{
    QMutexLocker lock(&m_mutex);
    m_cancelled = false;
    m_pending = Pending::None;
    m_pinAnswer = {};
}

bool QtCardholder::isCancelled() const
{
    QMutexLocker lock(&m_mutex);
    return m_cancelled;
}

} // namespace cardlink::terminal
