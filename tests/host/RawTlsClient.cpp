#include "RawTlsClient.h"

#include "PkiCertificate.h"
#include "PkiKey.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/err.h>

namespace cardlink::test {

namespace {
// add-terminal's bundle: JSON with PEM fields clientCertificate and clientKey
// (and caCertificate, unused while the host is not verified), read with the
// host's own PKI wrappers.
bool useBundle(SSL* ssl, const QString& bundle)
{
    QFile file(bundle);
    if (bundle.isEmpty() || !file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    const auto certificate =
        host::PkiCertificate::fromPem(json["clientCertificate"].toString().toStdString());
    const auto key = host::PkiKey::fromPem(json["clientKey"].toString().toStdString());
    // SSL_use_* take their own references.
    return certificate && key && SSL_use_certificate(ssl, certificate->get()) == 1 &&
           SSL_use_PrivateKey(ssl, key->get()) == 1;
}
} // namespace

RawTlsClient::RawTlsClient() : m_context(SSL_CTX_new(TLS_client_method()))
{
    if (!m_context)
        return;
    if (SSL_CTX_set_min_proto_version(m_context.get(), TLS1_3_VERSION) != 1) {
        m_context.reset();
        return;
    }
    SSL_CTX_set_verify(m_context.get(), SSL_VERIFY_NONE, nullptr);
    // Read what the socket holds in one read(2), not a record header and then
    // its body; readers use SSL_has_pending() before waiting on the socket.
    SSL_CTX_set_read_ahead(m_context.get(), 1);
}

SslPtr RawTlsClient::link(int fd, const QString& bundle) const
{
    SslPtr ssl(SSL_new(m_context.get()));
    if (!ssl || SSL_set_fd(ssl.get(), fd) != 1)
        return {};
    useBundle(ssl.get(), bundle); // without a certificate the host refuses the link
    SSL_set_connect_state(ssl.get());
    ERR_clear_error(); // SSL_get_error() reads this thread's queue
    return ssl;
}

} // namespace cardlink::test
