#pragma once

#include <cstdint>
#include <span>

namespace cardlink::emv {

// The kernel's source of randomness: the Unpredictable Number 9F37 (EMV 4.4
// Book 4, 6.5.6) and random transaction selection (Book 3, 10.6.2). Injected
// so tests can fix the values (ARCHITECTURE.md, ports).
class Random
{
public:
    virtual ~Random() = default;
    virtual void fill(std::span<std::uint8_t> out) = 0;
};

} // namespace cardlink::emv
