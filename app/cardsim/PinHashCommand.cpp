#include "PinHashCommand.h"

#include "EchoOff.h"
#include "SecretLine.h"
#include "sim/PinHash.h"
#include "util/Bytes.h"

namespace cardlink::cardsim {

namespace {
constexpr std::size_t kMaxLine = 64;
} // namespace

int PinHashCommand::run(int inputFd, std::FILE* out, std::FILE* err)
{
    console::SecretLine line;
    {
        console::EchoOff echo(inputFd);
        if (echo.active()) {
            std::fputs("PIN: ", err);
            std::fflush(err);
        }
        line = console::readSecretLine(inputFd, kMaxLine);
        if (echo.active())
            std::fputs("\n", err);
    }
    const ByteView pin = line.bytes.view();
    if (line.tooLong || !sim::PinHash::isValidPin(pin)) {
        std::fputs("cardsim: error: a PIN is 4 to 12 digits, on one line of standard input\n", err);
        return 2;
    }
    auto salt = sim::PinHash::randomSalt();
    auto hash = salt ? sim::PinHash::compute(*salt, pin) : Result<Bytes>(salt.error());
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
