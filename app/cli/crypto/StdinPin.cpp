#include "crypto/StdinPin.h"

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace cardlink::cli {

namespace {
constexpr std::size_t kMaxPin = 12;

// Turns terminal echo off for its lifetime when stdin is a terminal.
class EchoOff
{
public:
    EchoOff()
    {
        if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
            m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
            std::fputs("PIN: ", stderr);
        }
    }
    ~EchoOff()
    {
        if (m_active) {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
            std::fputs("\n", stderr);
        }
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};
} // namespace

Result<pin::SecretBytes> readPinFromStdin()
{
    EchoOff echoOff;
    pin::SecretBytes buffer(kMaxPin + 1);
    std::size_t length = 0;
    bool tooLong = false;
    for (int c = std::fgetc(stdin); c != EOF && c != '\n'; c = std::fgetc(stdin)) {
        if (c == '\r')
            continue;
        if (length < buffer.size())
            buffer[length++] = static_cast<std::uint8_t>(c);
        else
            tooLong = true;
    }
    if (length == 0)
        return makeError(ErrorCode::InvalidArgument, "no PIN on standard input");
    if (tooLong || length > kMaxPin)
        return makeError(ErrorCode::InvalidArgument, "the PIN has more than 12 characters");
    return pin::SecretBytes(buffer.view().first(length));
}

} // namespace cardlink::cli
