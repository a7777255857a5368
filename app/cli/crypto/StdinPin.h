#pragma once

#include "pin/SecretBytes.h"
#include "util/Result.h"

namespace cardlink::cli {

// Reads a PIN from standard input, one line, for `crypto pinblock`. A PIN
// on the command line would be visible to every user of the machine (ps,
// /proc/PID/cmdline) and kept in shell history, so the calculator takes it
// from stdin only. On a terminal the digits are not echoed. The PIN is read
// byte by byte into a fixed SecretBytes, so no growing string leaves copies
// on the heap. InvalidArgument for an empty line or more than 12 characters
// (the PIN block code checks digits and length).
Result<pin::SecretBytes> readPinFromStdin();

} // namespace cardlink::cli
