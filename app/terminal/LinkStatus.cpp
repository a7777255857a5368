#include "LinkStatus.h"

#include "HostLinkAuthorizer.h"

#include <QThread>

namespace cardlink::terminal {

LinkStatus::LinkStatus(QObject* parent) : QObject(parent) {}

LinkStatus::~LinkStatus()
{
    if (m_echoThread) {
        m_echoThread->wait();
        delete m_echoThread;
    }
}

void LinkStatus::setHost(HostLinkAuthorizer* host)
{
    if (m_host)
        disconnect(m_host, nullptr, this, nullptr);
    m_host = host;
    m_lastError.clear();
    if (!host) {
        m_hostName.clear();
        m_state = State::NotConfigured;
        emit changed();
        return;
    }
    m_hostName = host->terminalId() + QStringLiteral(" @ ") + host->hostName();
    connect(host, &HostLinkAuthorizer::logged, &m_log, &LinkLogModel::append);
    connect(host, &HostLinkAuthorizer::linkChecked, this, &LinkStatus::onChecked);
    m_log.append(QStringLiteral("Link: terminal bundle %1").arg(m_hostName));
    m_state = State::Connecting;
    emit changed();
}

void LinkStatus::setConfigError(const QString& error)
{
    setHost(nullptr);
    m_lastError = error;
    m_state = State::Offline;
    m_log.append(QStringLiteral("Link: ") + error);
    emit changed();
}

void LinkStatus::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit changed();
}

void LinkStatus::onChecked(bool reachable, const QString& error)
{
    const bool cameBack = reachable && m_state == State::Offline;
    m_state = reachable ? State::Online : State::Offline;
    m_lastError = error;
    emit changed();
    if (cameBack)
        emit reachableAgain();
}

QString LinkStatus::stateText() const
{
    switch (m_state) {
    case State::NotConfigured:
        return tr("Host link not set up");
    case State::Offline:
        return m_lastError.isEmpty() ? tr("Host offline") : tr("Host offline: %1").arg(m_lastError);
    case State::Connecting:
        return tr("Connecting to host");
    case State::Online:
        return tr("Host online");
    }
    return {};
}

bool LinkStatus::echoTest()
{
    if (!m_host || m_echoThread)
        return false;
    m_echoText = tr("Echo test running…");
    m_echoMs = -1;
    QPointer<HostLinkAuthorizer> host = m_host;
    m_echoThread = QThread::create([this, host] {
        const HostLinkAuthorizer::EchoResult result = host->echo();
        QMetaObject::invokeMethod(
            this,
            [this, result] {
                m_echoThread->wait();
                delete m_echoThread;
                m_echoThread = nullptr;
                m_echoMs = result.error.isEmpty() ? result.roundTripMs : -1;
                m_echoText = result.error.isEmpty() ? tr("Echo answered %1 in %2 ms")
                                                          .arg(result.responseCode)
                                                          .arg(result.roundTripMs, 0, 'f', 2)
                                                    : tr("Echo failed: %1").arg(result.error);
                emit echoChanged();
                emit echoFinished(result.ok);
            },
            Qt::QueuedConnection);
    });
    m_echoThread->start();
    emit echoChanged();
    return true;
}

} // namespace cardlink::terminal
