#pragma once

#include <termios.h>

namespace cardlink::console {

// Turns echo off on a terminal for as long as it lives, so a PIN typed at a
// prompt does not appear on the screen. Does nothing when `fd` is not a
// terminal (a pipe or a file).
class EchoOff
{
public:
    explicit EchoOff(int fd);
    ~EchoOff();
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

    bool active() const { return m_active; }

private:
    int m_fd;
    termios m_saved{};
    bool m_active = false;
};

} // namespace cardlink::console
