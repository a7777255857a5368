#pragma once

#include "emv/Random.h"

namespace cardlink::terminal {

// The kernel's Random port on the operating system's generator
// (QRandomGenerator::system(), getrandom on Linux).
class SystemRandom final : public emv::Random
{
public:
    void fill(std::span<std::uint8_t> out) override;
};

} // namespace cardlink::terminal
