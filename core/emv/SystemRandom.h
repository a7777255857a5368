#pragma once

#include "emv/Random.h"

namespace cardlink::emv {

// The kernel's Random port on OpenSSL's CSPRNG (crypto::secureRandomFill):
// what the terminal and the cli use; tests inject fixed values instead.
class SystemRandom final : public Random
{
public:
    void fill(std::span<std::uint8_t> out) override;
};

} // namespace cardlink::emv
