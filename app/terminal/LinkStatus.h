#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace cardlink::terminal {

// The state of the link to the authorization host for the status bar. The
// host link (TLS, modem) arrives with the host issue; until then the
// terminal has no link and says so.
class LinkStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Terminal")
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(QString stateText READ stateText NOTIFY changed)

public:
    enum class State { NotConfigured, Offline, Connecting, Online };
    Q_ENUM(State)

    explicit LinkStatus(QObject* parent = nullptr) : QObject(parent) {}

    State state() const { return m_state; }
    void setState(State state);
    QString stateText() const;
    void retranslate() { emit changed(); }

signals:
    void changed();

private:
    State m_state = State::NotConfigured;
};

} // namespace cardlink::terminal
