#include "HostFiles.h"

#include "util/Bytes.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace cardlink::host {

Result<std::string> readTextFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::NotFound, "cannot read " + path.string());
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Result<std::string> readSecretFile(const std::filesystem::path& path)
{
    // The mode is read from the opened file itself, so it is the file read.
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return makeError(ErrorCode::NotFound, "cannot read " + path.string());
    struct stat status
    {};
    if (::fstat(fd, &status) != 0) {
        ::close(fd);
        return makeError(ErrorCode::Io, path.string() + ": " + std::strerror(errno));
    }
    if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        ::close(fd);
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(status.st_mode & 07777));
        return makeError(ErrorCode::InvalidArgument,
                         path.string() + " holds a key but has mode " + mode +
                             " (group or others may use it): chmod 600 it");
    }
    std::string text;
    // Sized once, so no reallocation leaves a copy of the key behind.
    text.reserve(static_cast<std::size_t>(status.st_size) + 1);
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            secureWipe(buffer, sizeof buffer);
            secureWipe(text.data(), text.size());
            return makeError(ErrorCode::Io, path.string() + ": " + std::strerror(error));
        }
        if (n == 0)
            break;
        text.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    secureWipe(buffer, sizeof buffer);
    return text;
}

Result<void> writeTextFile(const std::filesystem::path& path, const std::string& text,
                           unsigned mode)
{
    // Write a temporary file and rename it: a crash never leaves half a key file.
    const std::string temporary = path.string() + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
                          static_cast<mode_t>(mode));
    if (fd < 0)
        return makeError(ErrorCode::Io, temporary + ": " + std::strerror(errno));
    ::fchmod(fd, static_cast<mode_t>(mode)); // the umask may have removed bits, never added
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            ::close(fd);
            return makeError(ErrorCode::Io, temporary + ": " + std::strerror(errno));
        }
        written += static_cast<std::size_t>(n);
    }
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    if (!synced || ::rename(temporary.c_str(), path.c_str()) != 0)
        return makeError(ErrorCode::Io, path.string() + ": " + std::strerror(errno));
    return {};
}

} // namespace cardlink::host
