#include "payment/PinReader.h"

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

namespace cardlink::cli {

namespace {
// ISO 9564-1: a PIN has 4 to 12 digits.
constexpr std::size_t kMinPin = 4;
constexpr std::size_t kMaxPin = 12;

// Turns echo off on a terminal for as long as it lives.
class EchoOff
{
public:
    explicit EchoOff(int fd) : m_fd(fd)
    {
        if (::tcgetattr(fd, &m_saved) != 0)
            return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        m_active = ::tcsetattr(fd, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff()
    {
        if (m_active)
            ::tcsetattr(m_fd, TCSAFLUSH, &m_saved);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    int m_fd;
    termios m_saved{};
    bool m_active = false;
};

const char* kindText(emv::PinKind kind)
{
    switch (kind) {
    case emv::PinKind::OfflinePlaintext:
        return "offline PIN";
    case emv::PinKind::OfflineEnciphered:
        return "offline enciphered PIN";
    case emv::PinKind::Online:
        return "online PIN";
    }
    return "PIN";
}
} // namespace

Result<PinReader> PinReader::open(const QString& file, int fd)
{
    if (!file.isEmpty()) {
        const int opened = ::open(file.toLocal8Bit().constData(), O_RDONLY | O_CLOEXEC);
        if (opened < 0)
            return makeError(ErrorCode::NotFound, "--pin-file: cannot open " + file.toStdString() +
                                                      ": " + std::strerror(errno));
        return PinReader(opened, true);
    }
    if (fd >= 0) {
        if (::fcntl(fd, F_GETFD) < 0)
            return makeError(ErrorCode::InvalidArgument,
                             "--pin-fd: descriptor " + std::to_string(fd) + " is not open");
        return PinReader(fd, false);
    }
    return PinReader(STDIN_FILENO, false);
}

PinReader::PinReader(int fd, bool ownsFd) : m_fd(fd), m_ownsFd(ownsFd) {}

PinReader::PinReader(PinReader&& other) noexcept : m_fd(other.m_fd), m_ownsFd(other.m_ownsFd)
{
    other.m_fd = -1;
    other.m_ownsFd = false;
}

PinReader::~PinReader()
{
    if (m_ownsFd && m_fd >= 0)
        ::close(m_fd);
}

std::optional<pin::SecretBytes> PinReader::next(const emv::PinRequest& request)
{
    if (m_fd < 0)
        return std::nullopt;
    const bool terminal = ::isatty(m_fd) != 0;
    std::optional<EchoOff> quiet;
    if (terminal) {
        if (request.triesLeft)
            std::fprintf(stderr, "Enter %s (%d tries left): ", kindText(request.kind),
                         *request.triesLeft);
        else
            std::fprintf(stderr, "Enter %s: ", kindText(request.kind));
        std::fflush(stderr);
        quiet.emplace(m_fd);
    }
    // One byte at a time: nothing of the next line is read ahead into a
    // buffer that outlives this call.
    std::array<std::uint8_t, kMaxPin + 1> digits{};
    std::size_t length = 0;
    bool tooLong = false;
    bool notDigits = false;
    bool any = false;
    for (;;) {
        std::uint8_t c = 0;
        const ssize_t n = ::read(m_fd, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        any = true;
        if (c == '\n')
            break;
        if (c == '\r')
            continue;
        if (c < '0' || c > '9')
            notDigits = true;
        if (length < digits.size())
            digits[length++] = c;
        else
            tooLong = true;
        c = 0;
    }
    if (terminal) {
        quiet.reset();
        std::fputc('\n', stderr);
    }
    std::optional<pin::SecretBytes> pin;
    if (!any || length == 0) {
        // End of input: no PIN to give.
    } else if (notDigits || tooLong || length < kMinPin || length > kMaxPin) {
        std::fprintf(stderr, "cardlink-cli: pay: the PIN given is not 4 to 12 digits; PIN "
                             "entry cancelled\n");
    } else {
        pin.emplace(ByteView(digits.data(), length));
    }
    secureWipe(digits.data(), digits.size());
    return pin;
}

} // namespace cardlink::cli
