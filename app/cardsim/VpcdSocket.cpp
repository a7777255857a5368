#include "VpcdSocket.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace cardlink::cardsim {

namespace {
Error systemError(const std::string& what, int error)
{
    return makeError(ErrorCode::Io, what + ": " + std::strerror(error));
}

Result<void> setOption(int fd, int level, int name)
{
    const int on = 1;
    if (::setsockopt(fd, level, name, &on, sizeof on) != 0)
        return systemError("setsockopt", errno);
    return {};
}
} // namespace

VpcdSocket::~VpcdSocket()
{
    close();
}

void VpcdSocket::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    m_connected = false;
}

Result<void> VpcdSocket::startConnect(const std::string& host, std::uint16_t port)
{
    close();
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const int status = ::getaddrinfo(host.c_str(), std::to_string(port).c_str(), &hints, &found);
    if (status != 0)
        return makeError(ErrorCode::InvalidArgument, host + ": " + ::gai_strerror(status));
    const addrinfo address = *found;
    m_fd = ::socket(address.ai_family, address.ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC,
                    address.ai_protocol);
    if (m_fd < 0) {
        const int error = errno;
        ::freeaddrinfo(found);
        return systemError("socket", error);
    }
    const int result = ::connect(m_fd, address.ai_addr, address.ai_addrlen);
    const int error = errno;
    ::freeaddrinfo(found);
    if (result == 0)
        return finishConnect();
    if (error != EINPROGRESS) {
        close();
        return systemError("connect", error);
    }
    return {};
}

Result<void> VpcdSocket::finishConnect()
{
    int error = 0;
    socklen_t size = sizeof error;
    if (::getsockopt(m_fd, SOL_SOCKET, SO_ERROR, &error, &size) != 0)
        error = errno;
    if (error != 0) {
        close();
        return systemError("connect", error);
    }
    const int flags = ::fcntl(m_fd, F_GETFL);
    if (flags < 0 || ::fcntl(m_fd, F_SETFL, flags & ~O_NONBLOCK) != 0) {
        const int failure = errno;
        close();
        return systemError("fcntl", failure);
    }
    if (auto done = setOption(m_fd, IPPROTO_TCP, TCP_NODELAY); !done) {
        close();
        return done;
    }
    m_connected = true;
    return {};
}

Result<std::size_t> VpcdSocket::receive(std::span<std::uint8_t> buffer)
{
    // Linux clears TCP_QUICKACK on its own after a while: set it before every
    // recv() (tcp(7)).
    if (auto done = setOption(m_fd, IPPROTO_TCP, TCP_QUICKACK); !done)
        return done.error();
    for (;;) {
        const ssize_t count = ::recv(m_fd, buffer.data(), buffer.size(), 0);
        if (count >= 0)
            return static_cast<std::size_t>(count);
        if (errno != EINTR)
            return systemError("recv", errno);
    }
}

Result<void> VpcdSocket::sendAll(ByteView bytes)
{
    while (!bytes.empty()) {
        const ssize_t count = ::send(m_fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (count < 0) {
            if (errno == EINTR)
                continue;
            return systemError("send", errno);
        }
        bytes = bytes.subspan(static_cast<std::size_t>(count));
    }
    return {};
}

} // namespace cardlink::cardsim
