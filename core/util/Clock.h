#pragma once

#include <chrono>

namespace cardlink {

// Port for the time of day and for measuring intervals. Code that stamps or
// times something takes a Clock so tests can fix it (see
// tests/support/ManualClock.h). Two time bases on purpose: wall-clock time can
// jump (NTP, the operator setting the clock), so durations use monotonic().
class Clock
{
public:
    virtual ~Clock() = default;

    // Wall-clock time, for time stamps people read.
    virtual std::chrono::system_clock::time_point now() const = 0;
    // Never goes backwards; for durations and timeouts only.
    virtual std::chrono::steady_clock::time_point monotonic() const = 0;
};

// The real clock. Stateless, so one shared instance serves everyone.
class SystemClock final : public Clock
{
public:
    std::chrono::system_clock::time_point now() const override;
    std::chrono::steady_clock::time_point monotonic() const override;

    static const SystemClock& instance();
};

} // namespace cardlink
