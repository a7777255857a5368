#include "TerminalConnection.h"

#include "HostLog.h"
#include "iso8583/CardLinkProfile.h"

#include <QTcpSocket>

namespace cardlink::host {

namespace {
constexpr std::size_t kMaxQueued = 8; // a terminal that floods is out of step
}

TerminalConnection::TerminalConnection(QTcpSocket* socket, TerminalIdentity identity, QString peer,
                                       Timeouts timeouts, QObject* parent)
    : QObject(parent), m_socket(socket), m_identity(std::move(identity)), m_peer(std::move(peer)),
      m_timeouts(timeouts), m_framer(iso8583::kCardLinkMaxMessageSize)
{
    m_socket->setParent(this);
    m_clock.start();
    m_idle.setSingleShot(true);
    m_read.setSingleShot(true);
    connect(&m_idle, &QTimer::timeout, this, &TerminalConnection::onIdleTimer);
    connect(&m_read, &QTimer::timeout, this, &TerminalConnection::onReadTimer);
    connect(m_socket, &QTcpSocket::readyRead, this, &TerminalConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] { close("closed by the terminal"); });
    restartTimers();
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &TerminalConnection::onReadyRead, Qt::QueuedConnection);
}

TerminalConnection::~TerminalConnection() = default;

void TerminalConnection::onReadyRead()
{
    if (m_closed)
        return;
    const QByteArray chunk = m_socket->readAll();
    m_lastReadMs = m_lastActivityMs = m_clock.elapsed();
    auto frames = m_framer.feed(
        ByteView(reinterpret_cast<const std::uint8_t*>(chunk.constData()), chunk.size()));
    if (!frames) {
        close(QString("bad frame: ") + QString::fromStdString(frames.error().describe()));
        return;
    }
    for (auto& frame : *frames)
        m_pending.push_back(std::move(frame));
    if (m_pending.size() > kMaxQueued) {
        close("too many requests without waiting for answers");
        return;
    }
    restartTimers();
    next();
}

void TerminalConnection::restartTimers()
{
    // Read timeout: a message started and not finished, counted from the
    // last data read. Idle timeout: no request in work or waiting, counted
    // from the last data read or answer written. While the host works on a
    // request the terminal is expected to wait.
    if (m_framer.buffered() > 0 && !m_read.isActive())
        m_read.start(m_timeouts.readMs);
    if (!m_idle.isActive())
        m_idle.start(m_timeouts.idleMs);
}

void TerminalConnection::onReadTimer()
{
    if (m_closed || m_framer.buffered() == 0)
        return;
    const qint64 quiet = m_clock.elapsed() - m_lastReadMs;
    if (quiet >= m_timeouts.readMs)
        close("read timeout (message incomplete)");
    else
        m_read.start(static_cast<int>(m_timeouts.readMs - quiet));
}

void TerminalConnection::onIdleTimer()
{
    if (m_closed)
        return;
    if (m_busy || !m_pending.empty()) {
        m_idle.start(m_timeouts.idleMs); // looked at again after a whole period
        return;
    }
    const qint64 quiet = m_clock.elapsed() - m_lastActivityMs;
    if (quiet >= m_timeouts.idleMs)
        close("idle timeout");
    else
        m_idle.start(static_cast<int>(m_timeouts.idleMs - quiet));
}

void TerminalConnection::next()
{
    if (m_busy || m_closed || m_pending.empty())
        return;
    m_busy = true;
    Bytes frame = std::move(m_pending.front());
    m_pending.pop_front();
    restartTimers();
    emit request(this, std::move(frame));
}

void TerminalConnection::respond(const Bytes& response)
{
    if (m_closed)
        return;
    auto framed = iso8583::LengthFramer::frame(response, iso8583::kCardLinkMaxMessageSize);
    if (!framed) {
        close("response does not frame");
        return;
    }
    m_socket->write(reinterpret_cast<const char*>(framed->data()),
                    static_cast<qint64>(framed->size()));
    // Encrypted and handed to the kernel now, not from a queued call and a
    // write notification a loop iteration or two later.
    m_socket->flush();
    m_lastActivityMs = m_clock.elapsed();
    m_busy = false;
    restartTimers();
    next();
}

void TerminalConnection::close(const QString& why)
{
    if (m_closed)
        return;
    m_closed = true;
    m_idle.stop();
    m_read.stop();
    hostLog("connection " + m_peer.toStdString() + " terminal " +
            (m_identity.terminalId.empty() ? std::string("?") : m_identity.terminalId) +
            " closed: " + why.toStdString());
    m_socket->disconnect(this);
    m_socket->disconnectFromHost();
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    emit closed(this);
}

} // namespace cardlink::host
