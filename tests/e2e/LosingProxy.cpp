#include "LosingProxy.h"

#include "HostLink.h"
#include "iso8583/CardLinkProfile.h"
#include "iso8583/LengthFramer.h"

#include <QFile>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>

#include <memory>

namespace cardlink::e2e {

namespace {
QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

LosingProxy::LosingProxy(const link::TerminalBundle& upstream, const QString& hostDir,
                         QString dropMti, int dropCount)
    : m_upstream(upstream), m_hostDir(hostDir), m_dropMti(std::move(dropMti)),
      m_dropCount(dropCount)
{}

QString LosingProxy::listen()
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_3OrLater);
    configuration.setLocalCertificate(
        QSslCertificate(readFile(m_hostDir + QStringLiteral("/server.crt")), QSsl::Pem));
    QSslKey key(readFile(m_hostDir + QStringLiteral("/server.key")), QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(readFile(m_hostDir + QStringLiteral("/server.key")), QSsl::Rsa, QSsl::Pem);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    m_server.setSslConfiguration(configuration);
    connect(&m_server, &QSslServer::pendingConnectionAvailable, this, [this] {
        while (m_server.hasPendingConnections()) {
            auto* socket = qobject_cast<QSslSocket*>(m_server.nextPendingConnection());
            if (socket)
                serve(socket);
        }
    });
    if (key.isNull() || !m_server.listen(QHostAddress::LocalHost, 0))
        return QStringLiteral("proxy cannot listen (server key or port)");
    return {};
}

void LosingProxy::serve(QSslSocket* socket)
{
    auto framer = std::make_shared<iso8583::LengthFramer>(iso8583::kCardLinkMaxMessageSize);
    connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QSslSocket::readyRead, this, [this, socket, framer] {
        const QByteArray chunk = socket->readAll();
        auto messages = framer->feed(ByteView(reinterpret_cast<const std::uint8_t*>(chunk.data()),
                                              std::size_t(chunk.size())));
        if (!messages) {
            socket->abort();
            return;
        }
        for (const Bytes& request : *messages) {
            // The MTI: 2 BCD bytes (docs/iso8583-profile.md).
            const QString mti =
                QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(request.data()),
                                               qMin<qsizetype>(2, qsizetype(request.size())))
                                        .toHex());
            link::HostLink upstream(m_upstream, {});
            auto answer = upstream.exchange(request);
            ++m_forwarded;
            if (!answer || (mti == m_dropMti && m_dropped < m_dropCount)) {
                ++m_dropped;
                socket->disconnectFromHost();
                return;
            }
            auto framed = iso8583::LengthFramer::frame(*answer, iso8583::kCardLinkMaxMessageSize);
            if (framed)
                socket->write(reinterpret_cast<const char*>(framed->data()),
                              qint64(framed->size()));
        }
    });
}

} // namespace cardlink::e2e
