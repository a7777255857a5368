#pragma once

#include "util/Clock.h"

#include <chrono>

namespace cardlink::test {

// A clock the test sets and moves by hand (in the manner of KeePassXC's
// tests/mock/MockClock.h). Both time bases advance together.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(std::chrono::system_clock::time_point start = {}) : m_now(start) {}

    std::chrono::system_clock::time_point now() const override { return m_now; }
    std::chrono::steady_clock::time_point monotonic() const override { return m_monotonic; }

    void set(std::chrono::system_clock::time_point time) { m_now = time; }
    template <typename Rep, typename Period> void advance(std::chrono::duration<Rep, Period> step)
    {
        m_now += std::chrono::duration_cast<std::chrono::system_clock::duration>(step);
        m_monotonic += std::chrono::duration_cast<std::chrono::steady_clock::duration>(step);
    }

private:
    std::chrono::system_clock::time_point m_now;
    std::chrono::steady_clock::time_point m_monotonic{};
};

} // namespace cardlink::test
