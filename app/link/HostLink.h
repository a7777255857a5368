#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <QString>

#include <memory>

class QSslSocket;

namespace cardlink::link {

struct TerminalBundle;

// The terminal's link to its host (ARCHITECTURE.md): TLS 1.3 over TCP with
// the terminal's client certificate, the host's certificate checked against
// the terminal CA of the bundle, and each ISO 8583 message behind a 2-byte
// big-endian length (iso8583::LengthFramer). One request, one response.
//
// Blocking (QSslSocket's waitFor* calls): usable on a thread without an
// event loop, such as the EMV kernel's worker thread. Not thread-safe.
class HostLink
{
public:
    struct Options
    {
        int connectTimeoutMs = 5000; // TCP connect + TLS handshake
        int readTimeoutMs = 15000;   // from the request sent to the whole answer
    };

    // How far a failed exchange got: a request that was sent but not
    // answered may have been acted on by the host (the caller reverses it).
    enum class Stage { Connect, Send, Receive };

    struct Failure
    {
        Stage stage = Stage::Connect;
        Error error;
    };

    HostLink(const TerminalBundle& bundle, Options options);
    ~HostLink();
    HostLink(const HostLink&) = delete;
    HostLink& operator=(const HostLink&) = delete;

    // Connects and completes the TLS handshake (no-op when connected).
    // Errors: "host unreachable" (Io), "TLS handshake refused" (Io),
    // Timeout.
    Result<void> connect();
    // Sends one message (no length header) and waits for one answer. On
    // failure the connection is closed and lastFailure() says how far it got.
    Result<Bytes> exchange(ByteView message);
    const Failure& lastFailure() const { return m_failure; }

    void close();
    bool connected() const;

private:
    Error fail(Stage stage, Error error);

    const TerminalBundle& m_bundle;
    Options m_options;
    std::unique_ptr<QSslSocket> m_socket;
    Failure m_failure;
};

} // namespace cardlink::link
