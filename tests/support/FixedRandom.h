#pragma once

#include "emv/Random.h"
#include "util/Bytes.h"

#include <cstddef>
#include <span>
#include <utility>

namespace cardlink::test {

// The kernel's Random port for tests: bytes from a fixed pattern, repeated,
// so unpredictable numbers (and the cryptograms over them) are known.
class FixedRandom final : public emv::Random
{
public:
    explicit FixedRandom(Bytes pattern = {0x11, 0x22, 0x33, 0x44}) : m_pattern(std::move(pattern))
    {}
    void fill(std::span<std::uint8_t> out) override
    {
        for (auto& byte : out)
            byte = m_pattern[m_next++ % m_pattern.size()];
    }
    void reset(Bytes pattern)
    {
        m_pattern = std::move(pattern);
        m_next = 0;
    }

private:
    Bytes m_pattern;
    std::size_t m_next = 0;
};

} // namespace cardlink::test
