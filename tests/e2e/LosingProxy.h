#pragma once

#include "TerminalBundle.h"

#include <QSslServer>
#include <QString>

#include <atomic>

namespace cardlink::e2e {

// A TLS "host" in front of the real cardlink-host that loses answers: it
// presents the host's own server certificate, forwards every framed request
// upstream with the terminal's bundle (link::HostLink), and for the first
// `dropCount` requests of MTI `dropMti` throws the host's answer away and
// closes the connection, as a link that fails after the host acted would.
class LosingProxy : public QObject
{
    Q_OBJECT

public:
    LosingProxy(const link::TerminalBundle& upstream, const QString& hostDir, QString dropMti,
                int dropCount);

    // Listens on a free loopback port; empty on success.
    QString listen();
    quint16 port() const { return m_server.serverPort(); }
    int forwarded() const { return m_forwarded; }
    int dropped() const { return m_dropped; }

private:
    void serve(QSslSocket* socket);

    const link::TerminalBundle& m_upstream;
    QString m_hostDir;
    QString m_dropMti;
    int m_dropCount;
    QSslServer m_server;
    std::atomic<int> m_forwarded{0};
    std::atomic<int> m_dropped{0};
};

} // namespace cardlink::e2e
