#include "payment/PinReader.h"

#include "EchoOff.h"
#include "SecretLine.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

namespace cardlink::cli {

namespace {
// ISO 9564-1: a PIN has 4 to 12 digits.
constexpr std::size_t kMinPin = 4;
constexpr std::size_t kMaxPin = 12;

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
    std::optional<console::EchoOff> quiet;
    if (terminal) {
        if (request.triesLeft)
            std::fprintf(stderr, "Enter %s (%d tries left): ", kindText(request.kind),
                         *request.triesLeft);
        else
            std::fprintf(stderr, "Enter %s: ", kindText(request.kind));
        std::fflush(stderr);
        quiet.emplace(m_fd);
    }
    console::SecretLine line = console::readSecretLine(m_fd, kMaxPin);
    if (terminal) {
        quiet.reset();
        std::fputc('\n', stderr);
    }
    const ByteView digits = line.bytes.view();
    const bool notDigits = std::any_of(digits.begin(), digits.end(),
                                       [](std::uint8_t c) { return c < '0' || c > '9'; });
    std::optional<pin::SecretBytes> pin;
    if (digits.empty() && !line.tooLong) {
        // End of input or an empty line: no PIN to give.
    } else if (notDigits || line.tooLong || digits.size() < kMinPin) {
        std::fprintf(stderr, "cardlink-cli: pay: the PIN given is not 4 to 12 digits; PIN "
                             "entry cancelled\n");
    } else {
        pin = std::move(line.bytes);
    }
    return pin;
}

} // namespace cardlink::cli
