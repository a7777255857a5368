#include "crypto/StdinPin.h"

#include "EchoOff.h"
#include "SecretLine.h"

#include <cstdio>
#include <optional>

#include <unistd.h>

namespace cardlink::cli {

namespace {
constexpr std::size_t kMaxPin = 12;
} // namespace

Result<pin::SecretBytes> readPinFromStdin()
{
    std::optional<console::EchoOff> quiet;
    if (::isatty(STDIN_FILENO)) {
        std::fputs("PIN: ", stderr);
        quiet.emplace(STDIN_FILENO);
    }
    console::SecretLine line = console::readSecretLine(STDIN_FILENO, kMaxPin);
    if (quiet) {
        quiet.reset();
        std::fputs("\n", stderr);
    }
    if (line.bytes.size() == 0 && !line.tooLong)
        return makeError(ErrorCode::InvalidArgument, "no PIN on standard input");
    if (line.tooLong)
        return makeError(ErrorCode::InvalidArgument, "the PIN has more than 12 characters");
    return std::move(line.bytes);
}

} // namespace cardlink::cli
