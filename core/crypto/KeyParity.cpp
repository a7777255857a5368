#include "crypto/KeyParity.h"

#include <bit>

namespace cardlink::crypto {

namespace {
std::uint8_t oddParityByte(std::uint8_t b)
{
    const auto upper = static_cast<std::uint8_t>(b & 0xFE);
    return std::popcount(upper) % 2 == 0 ? static_cast<std::uint8_t>(upper | 0x01) : upper;
}
} // namespace

void adjustOddParity(Bytes& key)
{
    for (auto& b : key)
        b = oddParityByte(b);
}

Bytes withOddParity(ByteView key)
{
    Bytes out(key.begin(), key.end());
    adjustOddParity(out);
    return out;
}

bool hasOddParity(ByteView key)
{
    for (auto b : key) {
        if (std::popcount(b) % 2 == 0)
            return false;
    }
    return true;
}

} // namespace cardlink::crypto
