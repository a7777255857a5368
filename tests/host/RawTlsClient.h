#pragma once

#include <QString>

#include <openssl/ssl.h>

#include <csignal>
#include <memory>

namespace cardlink::test {

struct SslFree
{
    void operator()(SSL* ssl) const { SSL_free(ssl); }
};
using SslPtr = std::unique_ptr<SSL, SslFree>;

// The load generator's TLS client side on OpenSSL directly (QSslSocket costs
// the generator more CPU than the host should have to share): one context,
// TLS 1.3 only, and one SSL per terminal link with the certificate and key of
// that terminal's bundle. The host's certificate is not verified, as in
// TlsTerminal::configure: the tests check the host's side.
class RawTlsClient
{
public:
    RawTlsClient();
    RawTlsClient(const RawTlsClient&) = delete;
    RawTlsClient& operator=(const RawTlsClient&) = delete;

    bool ok() const { return m_context != nullptr; }
    // A client SSL on the connected socket `fd` with the bundle's client
    // certificate and key (none when the bundle is empty or unreadable, which
    // the host refuses); nullptr when OpenSSL fails.
    SslPtr link(int fd, const QString& bundle) const;

private:
    struct ContextFree
    {
        void operator()(SSL_CTX* context) const { SSL_CTX_free(context); }
    };
    std::unique_ptr<SSL_CTX, ContextFree> m_context;
};

// OpenSSL's socket BIO writes with write(2): writing to a link the host has
// closed raises SIGPIPE, which would end the process. Blocked on this thread
// for the object's lifetime; one raised meanwhile is discarded.
class SigpipeBlocked
{
public:
    SigpipeBlocked()
    {
        sigemptyset(&m_pipe);
        sigaddset(&m_pipe, SIGPIPE);
        pthread_sigmask(SIG_BLOCK, &m_pipe, &m_before);
    }
    ~SigpipeBlocked()
    {
        if (sigismember(&m_before, SIGPIPE) == 0) {
            const timespec none{};
            while (sigtimedwait(&m_pipe, nullptr, &none) == SIGPIPE) {
            }
        }
        pthread_sigmask(SIG_SETMASK, &m_before, nullptr);
    }
    SigpipeBlocked(const SigpipeBlocked&) = delete;
    SigpipeBlocked& operator=(const SigpipeBlocked&) = delete;

private:
    sigset_t m_pipe{};
    sigset_t m_before{};
};

} // namespace cardlink::test
