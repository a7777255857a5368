#include "RawTlsClient.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/err.h>
#include <openssl/pem.h>

namespace cardlink::test {

namespace {
struct BioFree
{
    void operator()(BIO* bio) const { BIO_free(bio); }
};
struct X509Free
{
    void operator()(X509* certificate) const { X509_free(certificate); }
};
struct KeyFree
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};

std::unique_ptr<BIO, BioFree> pemSource(const QByteArray& pem)
{
    return std::unique_ptr<BIO, BioFree>(
        BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
}

// add-terminal's bundle: JSON with PEM fields clientCertificate and clientKey
// (and caCertificate, unused while the host is not verified).
bool useBundle(SSL* ssl, const QString& bundle)
{
    QFile file(bundle);
    if (bundle.isEmpty() || !file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    const QByteArray certificateText = json["clientCertificate"].toString().toUtf8();
    const QByteArray keyText = json["clientKey"].toString().toUtf8();
    const auto certificatePem = pemSource(certificateText); // reads certificateText in place
    const auto keyPem = pemSource(keyText);
    if (!certificatePem || !keyPem)
        return false;
    const std::unique_ptr<X509, X509Free> certificate(
        PEM_read_bio_X509(certificatePem.get(), nullptr, nullptr, nullptr));
    const std::unique_ptr<EVP_PKEY, KeyFree> key(
        PEM_read_bio_PrivateKey(keyPem.get(), nullptr, nullptr, nullptr));
    // SSL_use_* take their own references.
    return certificate && key && SSL_use_certificate(ssl, certificate.get()) == 1 &&
           SSL_use_PrivateKey(ssl, key.get()) == 1;
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
