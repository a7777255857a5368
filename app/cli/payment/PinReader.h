#pragma once

#include "emv/Cardholder.h"
#include "pin/SecretBytes.h"
#include "util/Result.h"

#include <QString>

#include <optional>

namespace cardlink::cli {

// Where `pay` gets the PIN: one PIN per line from a file descriptor (stdin
// by default, `--pin-fd N`, or a file/FIFO with `--pin-file FILE`), never
// from the command line (other users see it in ps). Read with read(2) into a
// wiped buffer, never echoed, never logged. On a terminal it prompts on
// stderr and turns echo off while the PIN is typed.
class PinReader
{
public:
    // `file` empty and `fd` < 0: stdin.
    static Result<PinReader> open(const QString& file, int fd);
    PinReader(PinReader&& other) noexcept;
    PinReader& operator=(PinReader&&) = delete;
    ~PinReader();

    // The next PIN; nullopt at the end of the input, or when the line is
    // not 4..12 digits (a note on stderr says so, without the line).
    std::optional<pin::SecretBytes> next(const emv::PinRequest& request);

private:
    PinReader(int fd, bool ownsFd);

    int m_fd = -1;
    bool m_ownsFd = false;
};

} // namespace cardlink::cli
