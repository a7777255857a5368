#pragma once

#include "emv/Random.h"

namespace cardlink::cli {

// The kernel's Random port from the operating system's generator: the
// Unpredictable Number 9F37 must not be guessable (EMV 4.4 Book 4, 6.5.6).
class SystemRandom final : public emv::Random
{
public:
    void fill(std::span<std::uint8_t> out) override;
};

} // namespace cardlink::cli
