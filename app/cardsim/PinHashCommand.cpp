#include "PinHashCommand.h"

#include "sim/PinHash.h"
#include "util/Bytes.h"

#include <array>
#include <termios.h>
#include <unistd.h>

namespace cardlink::cardsim {

namespace {
constexpr std::size_t kMaxLine = 64;

// Turns terminal echo off while the PIN is typed, and back on after.
class EchoOff
{
public:
    explicit EchoOff(int fd) : m_fd(fd)
    {
        if (::isatty(fd) && ::tcgetattr(fd, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            m_active = ::tcsetattr(fd, TCSAFLUSH, &quiet) == 0;
        }
    }
    ~EchoOff()
    {
        if (m_active)
            ::tcsetattr(m_fd, TCSAFLUSH, &m_saved);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;
    bool active() const { return m_active; }

private:
    int m_fd;
    termios m_saved{};
    bool m_active = false;
};

// Reads up to the first newline or the end of input, at most kMaxLine bytes.
std::size_t readLine(int fd, std::array<std::uint8_t, kMaxLine>& line, bool& tooLong)
{
    std::size_t size = 0;
    tooLong = false;
    std::uint8_t c = 0;
    while (::read(fd, &c, 1) == 1) {
        if (c == '\n')
            break;
        if (size == line.size()) {
            tooLong = true;
            continue;
        }
        line[size++] = c;
    }
    secureWipe(&c, 1);
    if (size > 0 && line[size - 1] == '\r')
        --size;
    return size;
}
} // namespace

int PinHashCommand::run(int inputFd, std::FILE* out, std::FILE* err)
{
    std::array<std::uint8_t, kMaxLine> line{};
    std::size_t size = 0;
    bool tooLong = false;
    {
        EchoOff echo(inputFd);
        if (echo.active()) {
            std::fputs("PIN: ", err);
            std::fflush(err);
        }
        size = readLine(inputFd, line, tooLong);
        if (echo.active())
            std::fputs("\n", err);
    }
    const ByteView pin(line.data(), size);
    if (tooLong || !sim::PinHash::isValidPin(pin)) {
        secureWipe(line.data(), line.size());
        std::fputs("cardsim: error: a PIN is 4 to 12 digits, on one line of standard input\n", err);
        return 2;
    }
    auto salt = sim::PinHash::randomSalt();
    auto hash = salt ? sim::PinHash::compute(*salt, pin) : Result<Bytes>(salt.error());
    secureWipe(line.data(), line.size());
    if (!hash) {
        std::fprintf(err, "cardsim: error: %s\n", hash.error().describe().c_str());
        return 1;
    }
    std::fprintf(out, "{\"salt\": \"%s\", \"hash\": \"%s\"}\n", toHex(*salt).c_str(),
                 toHex(*hash).c_str());
    std::fflush(out);
    return 0;
}

} // namespace cardlink::cardsim
