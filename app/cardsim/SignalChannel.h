#pragma once

#include "util/Result.h"

#include <optional>

namespace cardlink::cardsim {

// SIGUSR1, SIGUSR2, SIGTERM and SIGINT delivered as readable events on a
// signalfd, so the single-threaded poll() loop handles them in turn with
// socket data, with no work in a signal handler.
class SignalChannel
{
public:
    // Blocks the four signals for the calling thread and every thread it
    // starts later: call first thing in main().
    static void blockSignals();

    SignalChannel() = default;
    ~SignalChannel();
    SignalChannel(const SignalChannel&) = delete;
    SignalChannel& operator=(const SignalChannel&) = delete;

    Result<void> open();
    int fd() const { return m_fd; }
    // The next pending signal number, if any (non-blocking).
    std::optional<int> take();

private:
    int m_fd = -1;
};

} // namespace cardlink::cardsim
