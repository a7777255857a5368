#pragma once

#include <cstdio>

namespace cardlink::cardsim {

// "cardlink-cardsim hash-pin": reads one PIN (4..12 digits) from standard
// input, with echo off when it is a terminal, and prints the "salt" and
// "hash" members of a profile's "pin" object as one JSON line. The PIN is
// never printed, and its buffer is wiped.
class PinHashCommand
{
public:
    // Exit status: 0, or 2 for input that is not a PIN, 1 for other failures.
    static int run(int inputFd, std::FILE* out, std::FILE* err);
};

} // namespace cardlink::cardsim
