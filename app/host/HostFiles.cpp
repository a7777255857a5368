#include "HostFiles.h"

#include <cerrno>
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
