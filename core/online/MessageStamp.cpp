#include "online/MessageStamp.h"

#include <cstdio>
#include <ctime>

namespace cardlink::online {

namespace {
std::tm utc(std::chrono::system_clock::time_point time)
{
    const std::time_t seconds = std::chrono::system_clock::to_time_t(time);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    return parts;
}

std::string digits(const char* format, int a, int b, int c = 0, int d = 0, int e = 0)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, format, a, b, c, d, e);
    return buffer;
}
} // namespace

std::string MessageStamp::stanText() const
{
    return digits("%06d", static_cast<int>(stan % 1000000), 0);
}

std::string MessageStamp::transmissionDateTime() const
{
    const std::tm t = utc(time);
    return digits("%02d%02d%02d%02d%02d", t.tm_mon + 1, t.tm_mday, t.tm_hour, t.tm_min, t.tm_sec);
}

std::string MessageStamp::timeText() const
{
    const std::tm t = utc(time);
    return digits("%02d%02d%02d", t.tm_hour, t.tm_min, t.tm_sec);
}

std::string MessageStamp::dateText() const
{
    const std::tm t = utc(time);
    return digits("%02d%02d", t.tm_mon + 1, t.tm_mday);
}

std::uint32_t MessageStamp::nextStan(std::uint32_t stan)
{
    return stan >= kMaxStan ? 1 : stan + 1;
}

} // namespace cardlink::online
