#pragma once

#include "host/TerminalIdentity.h"
#include "iso8583/LengthFramer.h"
#include "util/Bytes.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <deque>

class QTcpSocket;

namespace cardlink::host {

// One terminal's link (TLS or dial-in): 2-byte length framing, one request
// at a time (later frames wait in order), an idle timeout (no message
// started) and a read timeout (a message started but not finished). A bad
// frame or a timeout closes only this link.
class TerminalConnection : public QObject
{
    Q_OBJECT

public:
    struct Timeouts
    {
        int idleMs = 120000;
        int readMs = 10000;
    };

    TerminalConnection(QTcpSocket* socket, TerminalIdentity identity, QString peer,
                       Timeouts timeouts, QObject* parent = nullptr);
    ~TerminalConnection() override;

    const TerminalIdentity& identity() const { return m_identity; }
    // Dial-in links learn the terminal id from the first request.
    void setTerminalId(std::string id) { m_identity.terminalId = std::move(id); }
    const QString& peer() const { return m_peer; }
    bool busy() const { return m_busy; }

    // The answer to the request last emitted; the next queued one follows.
    void respond(const Bytes& response);
    void close(const QString& why);

signals:
    void request(cardlink::host::TerminalConnection* connection, cardlink::Bytes frame);
    void closed(cardlink::host::TerminalConnection* connection);

private:
    void onReadyRead();
    void next();
    void restartTimers();
    void onIdleTimer();
    void onReadTimer();

    QTcpSocket* m_socket;
    TerminalIdentity m_identity;
    QString m_peer;
    Timeouts m_timeouts;
    iso8583::LengthFramer m_framer;
    std::deque<Bytes> m_pending;
    // The timers are not restarted for every message (a QTimer start/stop is
    // a sorted insert/remove in the event loop's timer list, per link): they
    // stay armed and, when they fire, compare the time since the last
    // activity with the limit and arm again for the rest.
    QElapsedTimer m_clock;
    qint64 m_lastActivityMs = 0; // data read or answer written
    qint64 m_lastReadMs = 0;     // data read
    QTimer m_idle;
    QTimer m_read;
    bool m_busy = false;
    bool m_closed = false;
};

} // namespace cardlink::host
