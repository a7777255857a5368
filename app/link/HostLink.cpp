#include "HostLink.h"

#include "TerminalBundle.h"
#include "iso8583/CardLinkProfile.h"
#include "iso8583/LengthFramer.h"

#include <QElapsedTimer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>

namespace cardlink::link {

namespace {
std::string text(const QString& s)
{
    return s.toStdString();
}
} // namespace

HostLink::HostLink(const TerminalBundle& bundle, Options options)
    : m_bundle(bundle), m_options(options)
{}

HostLink::~HostLink()
{
    close();
}

bool HostLink::connected() const
{
    return m_socket && m_socket->isEncrypted() &&
           m_socket->state() == QAbstractSocket::ConnectedState;
}

void HostLink::close()
{
    if (!m_socket)
        return;
    m_socket->abort();
    m_socket.reset();
}

Error HostLink::fail(Stage stage, Error error)
{
    close();
    m_failure = {stage, error};
    return error;
}

Result<void> HostLink::connect()
{
    if (connected())
        return {};
    close();
    const auto caCertificates = QSslCertificate::fromData(m_bundle.caCertificatePem, QSsl::Pem);
    const QSslCertificate certificate(m_bundle.clientCertificatePem, QSsl::Pem);
    const QSslKey key(m_bundle.clientKeyPem, QSsl::Ec, QSsl::Pem);
    if (caCertificates.isEmpty() || certificate.isNull() || key.isNull())
        return fail(Stage::Connect,
                    Error{ErrorCode::Malformed, "terminal bundle: bad CA certificate, client "
                                                "certificate or client key"});
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setProtocol(QSsl::TlsV1_3OrLater);
    configuration.setCaCertificates(caCertificates);
    configuration.setLocalCertificate(certificate);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);

    m_socket = std::make_unique<QSslSocket>();
    m_socket->setSslConfiguration(configuration);
    m_socket->setPeerVerifyName(m_bundle.serverName);
    const std::string where = text(m_bundle.hostAddress) + ":" + std::to_string(m_bundle.tlsPort);
    QElapsedTimer timer;
    timer.start();
    m_socket->connectToHost(m_bundle.hostAddress, m_bundle.tlsPort);
    if (!m_socket->waitForConnected(m_options.connectTimeoutMs)) {
        const bool timedOut = m_socket->error() == QAbstractSocket::SocketTimeoutError;
        return fail(Stage::Connect,
                    Error{timedOut ? ErrorCode::Timeout : ErrorCode::Io,
                          "host unreachable (" + where + "): " + text(m_socket->errorString())});
    }
    m_socket->startClientEncryption();
    const int left = std::max(1, m_options.connectTimeoutMs - static_cast<int>(timer.elapsed()));
    if (!m_socket->waitForEncrypted(left)) {
        QString why = m_socket->errorString();
        for (const auto& sslError : m_socket->sslHandshakeErrors())
            why += QStringLiteral("; ") + sslError.errorString();
        const bool timedOut = m_socket->error() == QAbstractSocket::SocketTimeoutError;
        return fail(Stage::Connect,
                    Error{timedOut ? ErrorCode::Timeout : ErrorCode::Io,
                          (timedOut ? "TLS handshake timed out (" : "TLS handshake refused (") +
                              where + "): " + text(why)});
    }
    return {};
}

Result<Bytes> HostLink::exchange(ByteView message)
{
    if (auto up = connect(); !up)
        return up.error();
    const std::size_t limit = iso8583::kCardLinkMaxMessageSize;
    auto framed = iso8583::LengthFramer::frame(message, limit);
    if (!framed)
        return fail(Stage::Send, framed.error());
    const qint64 size = static_cast<qint64>(framed->size());
    if (m_socket->write(reinterpret_cast<const char*>(framed->data()), size) != size)
        return fail(Stage::Send, Error{ErrorCode::Io, "cannot send to the host: " +
                                                          text(m_socket->errorString())});
    QElapsedTimer timer;
    timer.start();
    while (m_socket->bytesToWrite() > 0) {
        const int left = m_options.readTimeoutMs - static_cast<int>(timer.elapsed());
        if (left <= 0 || !m_socket->waitForBytesWritten(left))
            return fail(Stage::Send, Error{ErrorCode::Io, "cannot send to the host: " +
                                                              text(m_socket->errorString())});
    }
    // From here on the host may have the request: failures are Receive.
    iso8583::LengthFramer framer(limit);
    for (;;) {
        const QByteArray chunk = m_socket->readAll();
        if (!chunk.isEmpty()) {
            auto messages =
                framer.feed(ByteView(reinterpret_cast<const std::uint8_t*>(chunk.constData()),
                                     static_cast<std::size_t>(chunk.size())));
            if (!messages)
                return fail(Stage::Receive,
                            Error{ErrorCode::Malformed,
                                  "bad length header from the host: " + messages.error().message});
            if (!messages->empty()) {
                if (messages->size() > 1 || m_socket->bytesAvailable() > 0)
                    return fail(Stage::Receive,
                                Error{ErrorCode::Malformed, "the host sent more than one answer"});
                return std::move(messages->front());
            }
        }
        const int left = m_options.readTimeoutMs - static_cast<int>(timer.elapsed());
        if (left <= 0)
            return fail(Stage::Receive, Error{ErrorCode::Timeout,
                                              "no answer from the host within " +
                                                  std::to_string(m_options.readTimeoutMs) + " ms"});
        if (!m_socket->waitForReadyRead(left)) {
            if (m_socket->error() == QAbstractSocket::SocketTimeoutError)
                continue; // the loop reports the timeout
            return fail(Stage::Receive,
                        Error{ErrorCode::Io, framer.buffered() > 0
                                                 ? "the host closed the link mid-message"
                                                 : "the host closed the link without an answer: " +
                                                       text(m_socket->errorString())});
        }
    }
}

} // namespace cardlink::link
