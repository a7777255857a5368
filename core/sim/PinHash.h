#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>

namespace cardlink::sim {

// How a card profile keeps its PIN: a random salt and SHA-256(salt || PIN),
// the PIN as its ASCII digits ("1234" = 31 32 33 34). This keeps the clear PIN
// out of every file the project writes; it is not a defence against someone
// who has the profile (a 4-digit PIN falls to 10,000 hashes). Simulated cards
// are test cards: never put a real PIN in a profile.
class PinHash
{
public:
    static constexpr std::size_t kSaltSize = 16;
    static constexpr std::size_t kMinDigits = 4; // ISO 9564-1: 4..12 digits
    static constexpr std::size_t kMaxDigits = 12;

    // 4..12 ASCII digits.
    static bool isValidPin(ByteView digits);
    // SHA-256(salt || digits). Fails only if the digest cannot be computed.
    static Result<Bytes> compute(ByteView salt, ByteView digits);
    // Compares in constant time; false also when the hash cannot be computed.
    static bool matches(ByteView salt, ByteView expectedHash, ByteView digits);
    // kSaltSize bytes from the system's random generator (OpenSSL RAND_bytes).
    static Result<Bytes> randomSalt();
};

} // namespace cardlink::sim
