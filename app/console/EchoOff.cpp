#include "EchoOff.h"

#include <unistd.h>

namespace cardlink::console {

EchoOff::EchoOff(int fd) : m_fd(fd)
{
    if (::isatty(fd) == 0 || ::tcgetattr(fd, &m_saved) != 0)
        return;
    termios quiet = m_saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    m_active = ::tcsetattr(fd, TCSAFLUSH, &quiet) == 0;
}

EchoOff::~EchoOff()
{
    if (m_active)
        ::tcsetattr(m_fd, TCSAFLUSH, &m_saved);
}

} // namespace cardlink::console
