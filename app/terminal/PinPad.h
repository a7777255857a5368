#pragma once

#include "pin/SecretBytes.h"

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace cardlink::terminal {

// The PIN keypad's logic. The digits live only in a SecretBytes buffer here:
// QML sees how many were typed (for the dots), never which. takePin() hands
// them over once and wipes the buffer; so do correct(), cancel and timeout.
//
// EMV 4.4 Book 4, 6.3.4: 4 to 12 digits; "Correct" clears the whole entry.
class PinPad : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int length READ length NOTIFY lengthChanged)
    Q_PROPERTY(bool canSubmit READ canSubmit NOTIFY lengthChanged)
    Q_PROPERTY(bool active READ isActive NOTIFY activeChanged)
    Q_PROPERTY(QStringList keys READ keys NOTIFY keysChanged)
    Q_PROPERTY(bool shuffled READ isShuffled WRITE setShuffled NOTIFY keysChanged)
    Q_PROPERTY(int triesLeft READ triesLeft NOTIFY activeChanged)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY secondsLeftChanged)
    Q_PROPERTY(
        int timeoutSeconds READ timeoutSeconds WRITE setTimeoutSeconds NOTIFY secondsLeftChanged)

public:
    static constexpr int kMinLength = 4;
    static constexpr int kMaxLength = 12;

    explicit PinPad(QObject* parent = nullptr);
    ~PinPad() override;

    int length() const { return m_length; }
    bool canSubmit() const { return m_active && m_length >= kMinLength; }
    bool isActive() const { return m_active; }
    QStringList keys() const { return m_keys; }
    bool isShuffled() const { return m_shuffled; }
    void setShuffled(bool shuffled);
    int triesLeft() const { return m_triesLeft; }
    int secondsLeft() const { return m_secondsLeft; }
    int timeoutSeconds() const { return m_timeoutSeconds; }
    void setTimeoutSeconds(int seconds);

    // Opens the pad for one entry; triesLeft < 0 when the card did not say.
    Q_INVOKABLE void start(int triesLeft = -1);
    Q_INVOKABLE void pressDigit(int digit);
    Q_INVOKABLE void correct();
    Q_INVOKABLE void submit();
    Q_INVOKABLE void cancel();
    // A physical key: digits, Backspace/Delete (correct), Enter, Escape.
    Q_INVOKABLE bool handleKey(int key);

    // The digits typed (ASCII), once: the buffer is wiped and the pad closed.
    pin::SecretBytes takePin();

signals:
    void lengthChanged();
    void activeChanged();
    void keysChanged();
    void secondsLeftChanged();
    void submitted();
    void cancelled();
    void timedOut();

private:
    void wipe();
    void stop();
    void layoutKeys();
    void tick();

    pin::SecretBytes m_buffer{kMaxLength};
    int m_length = 0;
    bool m_active = false;
    bool m_shuffled = false;
    QStringList m_keys;
    int m_triesLeft = -1;
    int m_timeoutSeconds = 30;
    int m_secondsLeft = 0;
    QTimer m_timer;
};

} // namespace cardlink::terminal
