#pragma once

#include "sim/RandomSource.h"

namespace cardlink::sim {

// OpenSSL's CSPRNG (RAND_bytes). Should it ever fail, the card must not answer
// with predictable bytes: it aborts rather than return a weak challenge.
class SystemRandom final : public RandomSource
{
public:
    void fill(std::span<std::uint8_t> out) override;
};

} // namespace cardlink::sim
