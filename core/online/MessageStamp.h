#pragma once

#include "util/Clock.h"

#include <chrono>
#include <cstdint>
#include <string>

namespace cardlink::online {

// The identity of one terminal message in time: its systems trace audit
// number (field 11) and transmission time (field 7). With field 41 they are
// the key under which the host recognises repeats and reversals, so a
// repeated message (0401, a resent 0200) is built again with the same stamp.
struct MessageStamp
{
    static constexpr std::uint32_t kMaxStan = 999999;

    std::uint32_t stan = 1; // 1..999999
    std::chrono::system_clock::time_point time;

    static MessageStamp at(const Clock& clock, std::uint32_t stan) { return {stan, clock.now()}; }

    // "000123".
    std::string stanText() const;
    // Field 7: MMDDhhmmss in UTC.
    std::string transmissionDateTime() const;
    // Fields 12 and 13 when the EMV data has no 9F21/9A: hhmmss and MMDD (UTC).
    std::string timeText() const;
    std::string dateText() const;
    // The STAN that follows `stan` (999999 wraps to 1).
    static std::uint32_t nextStan(std::uint32_t stan);
};

} // namespace cardlink::online
