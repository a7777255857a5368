#pragma once

#include "HostConfig.h"
#include "RequestProcessor.h"
#include "TerminalConnection.h"

#include <QObject>
#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>

#include <memory>

namespace cardlink::host {

// cardlink-host's listeners. TLS: TLS 1.3 only, the client must present a
// certificate of the terminal CA; its common name is the terminal id and
// its SHA-256 must be the one registered for that terminal, not revoked
// (else the link is closed with a log line). Dial-in: plain TCP from the
// modem pool, where the engine requires the DUKPT MAC on every message.
// Event driven: one thread for all links; the store's writer commits.
class HostServer : public QObject
{
    Q_OBJECT

public:
    HostServer(const HostConfig& config, SqliteHostStore& store, RequestProcessor& processor,
               QObject* parent = nullptr);

    Result<void> listen();
    quint16 tlsPort() const { return m_tls.serverPort(); }
    quint16 dialInPort() const { return m_dialIn.serverPort(); }
    int connections() const { return m_connections; }

    // Stop accepting and reading; emits drained() once every decided request
    // has been committed and answered, after which the links are closed.
    void shutdown();

signals:
    void drained();

private:
    void onTlsConnection();
    void onDialInConnection();
    void adopt(QTcpSocket* socket, TerminalIdentity identity);
    std::optional<std::string> authenticate(QSslSocket* socket, std::string& why);
    void finishShutdown();

    const HostConfig& m_config;
    SqliteHostStore& m_store;
    RequestProcessor& m_processor;
    QSslServer m_tls;
    QTcpServer m_dialIn;
    int m_connections = 0;
    bool m_stopping = false;
};

} // namespace cardlink::host
