#pragma once

#include "pin/SecretBytes.h"

#include <cstddef>

namespace cardlink::console {

// One line of secret input (a PIN), without its line end ("\n", "\r\n").
struct SecretLine
{
    pin::SecretBytes bytes;  // at most `maxLength` bytes of the line
    bool endOfInput = false; // nothing was read: the input had ended
    bool tooLong = false;    // the line had more than `maxLength` bytes
};

// Reads one line from `fd` with read(2), one byte at a time: nothing of the
// line stays in a stdio buffer (fgets, fgetc would leave the PIN in
// memory that is never wiped) and nothing of the next line is read ahead.
// The bytes go straight into a wiped buffer.
SecretLine readSecretLine(int fd, std::size_t maxLength);

} // namespace cardlink::console
