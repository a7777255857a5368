#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace cardlink::cardsim {

// The card's TCP connection to vpcd, with plain POSIX sockets. Two settings
// matter for speed (PLATFORM-NOTES.md): TCP_NODELAY, so an answer leaves at
// once, and TCP_QUICKACK before every recv(), because vpcd writes the length
// and the APDU in two sends and Linux's delayed ACK would otherwise hold the
// second one back for ~40 ms per APDU.
class VpcdSocket
{
public:
    VpcdSocket() = default;
    ~VpcdSocket();
    VpcdSocket(const VpcdSocket&) = delete;
    VpcdSocket& operator=(const VpcdSocket&) = delete;

    // Starts a non-blocking connect. Ok when it is under way or done; an
    // Error (Io) when it failed at once (e.g. connection refused).
    Result<void> startConnect(const std::string& host, std::uint16_t port);
    // After poll() reports the socket writable: Ok when connected (the
    // socket is then blocking, with TCP_NODELAY), an Error when it failed.
    Result<void> finishConnect();

    // Bytes received; 0 means vpcd closed the connection.
    Result<std::size_t> receive(std::span<std::uint8_t> buffer);
    Result<void> sendAll(ByteView bytes);

    bool isOpen() const { return m_fd >= 0; }
    bool isConnected() const { return m_connected; }
    int fd() const { return m_fd; }
    void close();

private:
    int m_fd = -1;
    bool m_connected = false;
};

} // namespace cardlink::cardsim
