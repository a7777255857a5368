#include "PinPad.h"

#include "util/Bytes.h"

#include <QRandomGenerator>

#include <algorithm>

namespace cardlink::terminal {

PinPad::PinPad(QObject* parent) : QObject(parent)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &PinPad::tick);
    layoutKeys();
}

PinPad::~PinPad()
{
    wipe();
}

void PinPad::setShuffled(bool shuffled)
{
    if (shuffled == m_shuffled)
        return;
    m_shuffled = shuffled;
    layoutKeys();
}

void PinPad::setTimeoutSeconds(int seconds)
{
    m_timeoutSeconds = std::max(1, seconds);
    emit secondsLeftChanged();
}

void PinPad::layoutKeys()
{
    // Phone order 1..9 then 0; a shuffled pad defeats shoulder surfing of
    // finger positions.
    QStringList keys;
    for (int digit : {1, 2, 3, 4, 5, 6, 7, 8, 9, 0})
        keys << QString::number(digit);
    if (m_shuffled)
        std::shuffle(keys.begin(), keys.end(), *QRandomGenerator::system());
    m_keys = keys;
    emit keysChanged();
}

void PinPad::start(int triesLeft)
{
    wipe();
    m_triesLeft = triesLeft;
    m_active = true;
    m_secondsLeft = m_timeoutSeconds;
    if (m_shuffled)
        layoutKeys();
    m_timer.start();
    emit activeChanged();
    emit lengthChanged();
    emit secondsLeftChanged();
}

void PinPad::pressDigit(int digit)
{
    if (!m_active || digit < 0 || digit > 9 || m_length >= kMaxLength)
        return;
    m_buffer[static_cast<std::size_t>(m_length)] = static_cast<std::uint8_t>('0' + digit);
    ++m_length;
    // A key press restarts the countdown (the person is still there).
    m_secondsLeft = m_timeoutSeconds;
    emit secondsLeftChanged();
    emit lengthChanged();
}

void PinPad::correct()
{
    if (m_length == 0)
        return;
    wipe();
    emit lengthChanged();
}

void PinPad::submit()
{
    if (!canSubmit())
        return;
    m_timer.stop();
    emit submitted();
}

void PinPad::cancel()
{
    if (!m_active)
        return;
    stop();
    emit cancelled();
}

bool PinPad::handleKey(int key)
{
    if (key >= Qt::Key_0 && key <= Qt::Key_9) {
        pressDigit(key - Qt::Key_0);
        return true;
    }
    switch (key) {
    case Qt::Key_Backspace:
    case Qt::Key_Delete:
        correct();
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        submit();
        return true;
    case Qt::Key_Escape:
        cancel();
        return true;
    default:
        return false;
    }
}

pin::SecretBytes PinPad::takePin()
{
    pin::SecretBytes pin(ByteView(m_buffer.data(), static_cast<std::size_t>(m_length)));
    stop();
    return pin;
}

void PinPad::wipe()
{
    secureWipe(m_buffer.data(), m_buffer.size());
    m_length = 0;
}

void PinPad::stop()
{
    m_timer.stop();
    wipe();
    const bool wasActive = m_active;
    m_active = false;
    emit lengthChanged();
    if (wasActive)
        emit activeChanged();
}

void PinPad::tick()
{
    if (--m_secondsLeft > 0) {
        emit secondsLeftChanged();
        return;
    }
    m_secondsLeft = 0;
    emit secondsLeftChanged();
    stop();
    emit timedOut();
}

} // namespace cardlink::terminal
