#pragma once

#include <cstdint>
#include <span>

namespace cardlink::sim {

// Where the simulated card's random numbers (GET CHALLENGE) come from.
// Injected so tests can fix the values; the default is SystemRandom.
class RandomSource
{
public:
    virtual ~RandomSource() = default;
    virtual void fill(std::span<std::uint8_t> out) = 0;
};

} // namespace cardlink::sim
