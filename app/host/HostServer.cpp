#include "HostServer.h"

#include "HostFiles.h"
#include "HostLog.h"

#include <QCryptographicHash>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslSocket>
#include <QTimer>

namespace cardlink::host {

namespace {
constexpr int kHandshakeTimeoutMs = 10000; // QSslServer has no timeout of its own before 6.5

QString peerName(const QTcpSocket* socket)
{
    return socket->peerAddress().toString() + ":" + QString::number(socket->peerPort());
}

Result<QSslConfiguration> tlsConfiguration(const HostConfig& config)
{
    auto certificate = readTextFile(config.certificate);
    auto key = readSecretFile(config.key);
    auto ca = readTextFile(config.clientCa);
    if (!key)
        return key.error(); // missing, or readable by others
    if (!certificate || !ca)
        return makeError(ErrorCode::NotFound, "TLS certificate or CA file missing");
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_3OrLater);
    tls.setLocalCertificate(QSslCertificate(QByteArray::fromStdString(*certificate)));
    QSslKey privateKey(QByteArray::fromStdString(*key), QSsl::Ec);
    secureWipe(key->data(), key->size());
    if (privateKey.isNull() || tls.localCertificate().isNull())
        return makeError(ErrorCode::Malformed, "TLS certificate or key unreadable");
    tls.setPrivateKey(privateKey);
    // Only the host's terminal CA, not the system's roots, vouches for a terminal.
    tls.setCaCertificates(QSslCertificate::fromData(QByteArray::fromStdString(*ca)));
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return tls;
}
} // namespace

HostServer::HostServer(const HostConfig& config, SqliteHostStore& store,
                       RequestProcessor& processor, QObject* parent)
    : QObject(parent), m_config(config), m_store(store), m_processor(processor)
{
    m_tls.setMaxPendingConnections(config.maxConnections);
    connect(&m_tls, &QSslServer::pendingConnectionAvailable, this, &HostServer::onTlsConnection);
    connect(&m_dialIn, &QTcpServer::newConnection, this, &HostServer::onDialInConnection);
    connect(&m_tls, &QSslServer::startedEncryptionHandshake, this, [](QSslSocket* socket) {
        QTimer::singleShot(kHandshakeTimeoutMs, socket, [socket] {
            if (!socket->isEncrypted()) {
                hostLog("TLS " + peerName(socket).toStdString() + " refused: handshake timeout");
                socket->abort();
            }
        });
    });
    connect(&m_tls, &QSslServer::errorOccurred, this,
            [](QSslSocket* socket, QAbstractSocket::SocketError) {
                hostLog("TLS " + peerName(socket).toStdString() +
                        " refused: " + socket->errorString().toStdString());
            });
    connect(&m_tls, &QSslServer::peerVerifyError, this,
            [](QSslSocket* socket, const QSslError& error) {
                hostLog("TLS " + peerName(socket).toStdString() +
                        " certificate: " + error.errorString().toStdString());
            });
}

Result<void> HostServer::listen()
{
    auto tls = tlsConfiguration(m_config);
    if (!tls)
        return tls.error();
    m_tls.setSslConfiguration(*tls);
    if (!m_tls.listen(QHostAddress(QString::fromStdString(m_config.tlsAddress)),
                      static_cast<quint16>(m_config.tlsPort)))
        return makeError(ErrorCode::Io, "TLS listener: " + m_tls.errorString().toStdString());
    hostLog("TLS listener on " + m_config.tlsAddress + ":" + std::to_string(m_tls.serverPort()));
    if (m_config.dialInPort > 0) {
        if (!m_dialIn.listen(QHostAddress(QString::fromStdString(m_config.dialInAddress)),
                             static_cast<quint16>(m_config.dialInPort)))
            return makeError(ErrorCode::Io,
                             "dial-in listener: " + m_dialIn.errorString().toStdString());
        hostLog("dial-in listener (MAC required) on " + m_config.dialInAddress + ":" +
                std::to_string(m_dialIn.serverPort()));
    }
    return {};
}

std::optional<std::string> HostServer::authenticate(QSslSocket* socket, std::string& why)
{
    const QSslCertificate certificate = socket->peerCertificate();
    if (certificate.isNull()) {
        why = "no client certificate";
        return std::nullopt;
    }
    const QStringList names = certificate.subjectInfo(QSslCertificate::CommonName);
    const std::string terminalId = names.isEmpty() ? std::string() : names.first().toStdString();
    auto terminal = m_store.findTerminal(terminalId);
    if (!terminal) {
        why = "store: " + terminal.error().describe();
        return std::nullopt;
    }
    const std::string fingerprint =
        certificate.digest(QCryptographicHash::Sha256).toHex().toStdString();
    if (!*terminal || (*terminal)->certFingerprint != fingerprint) {
        why = "unknown terminal certificate (CN " + terminalId + ")";
        return std::nullopt;
    }
    if ((*terminal)->revoked) {
        why = "terminal " + terminalId + " is revoked";
        return std::nullopt;
    }
    return terminalId;
}

void HostServer::onTlsConnection()
{
    while (QTcpSocket* next = m_tls.nextPendingConnection()) {
        auto* socket = static_cast<QSslSocket*>(next);
        std::string why;
        auto terminalId = m_stopping ? std::nullopt : authenticate(socket, why);
        if (!terminalId) {
            hostLog("TLS " + peerName(socket).toStdString() +
                    " refused: " + (m_stopping ? std::string("shutting down") : why));
            socket->abort();
            socket->deleteLater();
            continue;
        }
        adopt(socket, TerminalIdentity{*terminalId, TerminalChannel::Tls});
    }
}

void HostServer::onDialInConnection()
{
    while (QTcpSocket* socket = m_dialIn.nextPendingConnection()) {
        if (m_stopping) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        adopt(socket, TerminalIdentity{std::string(), TerminalChannel::DialIn});
    }
}

void HostServer::adopt(QTcpSocket* socket, TerminalIdentity identity)
{
    if (m_connections >= m_config.maxConnections) {
        hostLog("connection " + peerName(socket).toStdString() + " refused: too many links");
        socket->abort();
        socket->deleteLater();
        return;
    }
    const TerminalConnection::Timeouts timeouts{m_config.idleTimeoutSeconds * 1000,
                                                m_config.readTimeoutSeconds * 1000};
    auto* connection =
        new TerminalConnection(socket, std::move(identity), peerName(socket), timeouts, this);
    ++m_connections;
    connect(connection, &TerminalConnection::request, this,
            [this](TerminalConnection* link, const Bytes& frame) {
                if (m_stopping)
                    return;
                m_processor.process(link, frame);
            });
    connect(connection, &TerminalConnection::closed, this, [this](TerminalConnection* link) {
        --m_connections;
        link->deleteLater();
    });
}

void HostServer::shutdown()
{
    if (m_stopping)
        return;
    m_stopping = true;
    m_tls.close();
    m_dialIn.close();
    hostLog("shutting down: " + std::to_string(m_processor.inFlight()) + " requests in flight");
    if (m_processor.inFlight() == 0)
        finishShutdown();
    else
        connect(&m_processor, &RequestProcessor::idle, this, &HostServer::finishShutdown);
}

void HostServer::finishShutdown()
{
    for (auto* connection : findChildren<TerminalConnection*>())
        connection->close("host shutting down");
    emit drained();
}

} // namespace cardlink::host
