#pragma once

#include "LinkLogModel.h"

#include <QObject>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QThread;

namespace cardlink::terminal {

class HostLinkAuthorizer;

// The link to the authorization host as the status bar and diagnostics see
// it: not set up (no terminal bundle: the stub host), or the bundle's host
// with its state after the last exchange (online, or offline with the last
// error); the host echo test (0800, field 70 = 301) and the link log.
class LinkStatus : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Terminal")
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(QString stateText READ stateText NOTIFY changed)
    Q_PROPERTY(QString host READ host NOTIFY changed)
    Q_PROPERTY(QString lastError READ lastError NOTIFY changed)
    Q_PROPERTY(bool echoRunning READ echoRunning NOTIFY echoChanged)
    Q_PROPERTY(QString echoText READ echoText NOTIFY echoChanged)
    Q_PROPERTY(double echoMs READ echoMs NOTIFY echoChanged)
    Q_PROPERTY(cardlink::terminal::LinkLogModel* log READ log CONSTANT)

public:
    enum class State { NotConfigured, Offline, Connecting, Online };
    Q_ENUM(State)

    explicit LinkStatus(QObject* parent = nullptr);
    ~LinkStatus() override;

    // The host to watch (null: not set up). The state becomes Connecting
    // until the first exchange says more.
    void setHost(HostLinkAuthorizer* host);
    // A bundle was configured but could not be loaded.
    void setConfigError(const QString& error);

    State state() const { return m_state; }
    void setState(State state);
    QString stateText() const;
    QString host() const { return m_hostName; }
    QString lastError() const { return m_lastError; }
    bool echoRunning() const { return m_echoThread != nullptr; }
    QString echoText() const { return m_echoText; }
    double echoMs() const { return m_echoMs; }
    LinkLogModel* log() { return &m_log; }
    void retranslate() { emit changed(); }

    // Starts the echo test on a thread of its own; echoFinished() follows.
    Q_INVOKABLE bool echoTest();

signals:
    void changed();
    void echoChanged();
    void echoFinished(bool ok);
    // The host answered again after the link was offline (journal recovery).
    void reachableAgain();

private:
    void onChecked(bool reachable, const QString& error);

    State m_state = State::NotConfigured;
    QPointer<HostLinkAuthorizer> m_host;
    QString m_hostName;
    QString m_lastError;
    QString m_echoText;
    double m_echoMs = -1;
    QThread* m_echoThread = nullptr;
    LinkLogModel m_log;
};

} // namespace cardlink::terminal
