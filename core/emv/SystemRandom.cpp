#include "emv/SystemRandom.h"

#include "crypto/SecureRandom.h"

namespace cardlink::emv {

void SystemRandom::fill(std::span<std::uint8_t> out)
{
    crypto::secureRandomFill(out);
}

} // namespace cardlink::emv
