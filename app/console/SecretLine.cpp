#include "SecretLine.h"

#include <cerrno>

#include <unistd.h>

namespace cardlink::console {

SecretLine readSecretLine(int fd, std::size_t maxLength)
{
    pin::SecretBytes buffer(maxLength);
    std::size_t length = 0;
    SecretLine line;
    bool any = false;
    for (;;) {
        std::uint8_t c = 0;
        const ssize_t n = ::read(fd, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        any = true;
        if (c == '\n')
            break;
        if (c == '\r')
            continue;
        if (length < maxLength)
            buffer[length++] = c;
        else
            line.tooLong = true;
        c = 0;
    }
    line.endOfInput = !any;
    line.bytes = pin::SecretBytes(buffer.view().first(length));
    return line;
}

} // namespace cardlink::console
