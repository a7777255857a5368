#include "sim/SystemRandom.h"

#include "crypto/SecureRandom.h"

namespace cardlink::sim {

void SystemRandom::fill(std::span<std::uint8_t> out)
{
    crypto::secureRandomFill(out);
}

} // namespace cardlink::sim
