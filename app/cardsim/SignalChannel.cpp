#include "SignalChannel.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/signalfd.h>
#include <unistd.h>

namespace cardlink::cardsim {

namespace {
sigset_t handledSignals()
{
    sigset_t set;
    sigemptyset(&set);
    for (int signal : {SIGUSR1, SIGUSR2, SIGTERM, SIGINT})
        sigaddset(&set, signal);
    return set;
}
} // namespace

void SignalChannel::blockSignals()
{
    const sigset_t set = handledSignals();
    ::pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

SignalChannel::~SignalChannel()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<void> SignalChannel::open()
{
    const sigset_t set = handledSignals();
    m_fd = ::signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
    if (m_fd < 0)
        return makeError(ErrorCode::Io, std::string("signalfd: ") + std::strerror(errno));
    return {};
}

std::optional<int> SignalChannel::take()
{
    signalfd_siginfo info{};
    const ssize_t count = ::read(m_fd, &info, sizeof info);
    if (count != static_cast<ssize_t>(sizeof info))
        return std::nullopt;
    return static_cast<int>(info.ssi_signo);
}

} // namespace cardlink::cardsim
