#pragma once

#include "util/Result.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cardlink {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

// Upper-case hex, no separators: "9000".
std::string toHex(ByteView bytes);
// One byte as two upper-case hex digits: "9F".
std::string hexByte(std::uint8_t value);
// Upper-case hex with a space between bytes: "90 00".
std::string toSpacedHex(ByteView bytes);
// Accepts upper or lower case; spaces and colons between bytes are ignored.
// Odd digit counts and other characters are errors.
Result<Bytes> fromHex(std::string_view text);
// The value of one hex digit (either case), -1 for any other character.
int hexDigitValue(char c);

inline std::uint16_t readU16(ByteView bytes, std::size_t offset)
{
    return static_cast<std::uint16_t>((bytes[offset] << 8) | bytes[offset + 1]);
}

inline void appendU16(Bytes& out, std::uint16_t value)
{
    out.push_back(static_cast<std::uint8_t>(value >> 8));
    out.push_back(static_cast<std::uint8_t>(value & 0xFF));
}

// Overwrites a buffer that held a secret (a PIN, a key) in a way the compiler
// may not optimise out.
void secureWipe(void* data, std::size_t size);
inline void secureWipe(Bytes& bytes)
{
    secureWipe(bytes.data(), bytes.size());
}

} // namespace cardlink
