// APDU round trip through the real PC/SC stack: cardlink's PcscCardChannel →
// pcscd → vpcd → cardlink-cardsim and back. Prints median and p99 with the
// machine. Run it inside scripts/bench-apdu.sh (private pcscd + cardsim).
//   bench_apdu [READER] [COUNT]
#include "PcscCardChannel.h"
#include "iso7816/TransportChannel.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <sys/utsname.h>
#include <thread>
#include <vector>

using namespace cardlink;
using Clock = std::chrono::steady_clock;

namespace {
std::string cpuModel()
{
    std::ifstream in("/proc/cpuinfo");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("model name", 0) == 0)
            return line.substr(line.find(':') + 2);
    }
    return "unknown CPU";
}

struct Figures
{
    double median = 0;
    double p99 = 0;
};

Figures figures(std::vector<double> micros)
{
    std::sort(micros.begin(), micros.end());
    const auto at = [&](double q) {
        return micros[std::min(micros.size() - 1, std::size_t(q * double(micros.size())))];
    };
    return {at(0.5), at(0.99)};
}

// Times `count` exchanges of `command` on `channel`; empty on a card error.
std::vector<double> measure(iso7816::CardChannel& channel, const iso7816::CommandApdu& command,
                            int count)
{
    std::vector<double> micros;
    micros.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i) {
        const auto start = Clock::now();
        auto response = channel.transmit(command);
        const auto end = Clock::now();
        if (!response) {
            std::fprintf(stderr, "bench_apdu: %s\n", response.error().describe().c_str());
            return {};
        }
        micros.push_back(std::chrono::duration<double, std::micro>(end - start).count());
    }
    return micros;
}
} // namespace

int main(int argc, char** argv)
{
    const std::string reader = argc > 1 ? argv[1] : "Virtual PCD 00 00";
    const int count = argc > 2 ? std::max(10, std::atoi(argv[2])) : 2000;

    auto channel = pcsc::PcscCardChannel::open(reader);
    if (!channel) {
        std::fprintf(stderr, "bench_apdu: %s\n", channel.error().describe().c_str());
        return 1;
    }
    iso7816::TransportChannel transport(**channel);

    utsname machine{};
    uname(&machine);
    std::printf("machine: %s, %u hardware threads, %s %s\n", cpuModel().c_str(),
                std::thread::hardware_concurrency(), machine.sysname, machine.release);

    // GET CHALLENGE: one short exchange, no GET RESPONSE on either protocol.
    const iso7816::CommandApdu challenge{0x00, 0x84, 0x00, 0x00, {}, 8u};
    // SELECT by DF name of the demo card: on T=0 this is SELECT + GET RESPONSE.
    const iso7816::CommandApdu select{
        0x00, 0xA4, 0x04, 0x00, Bytes{0xF0, 0x43, 0x4C, 0x44, 0x45, 0x4D, 0x4F, 0x01}, 256u};
    struct Case
    {
        const char* name;
        iso7816::CardChannel& channel;
        const iso7816::CommandApdu& command;
    } cases[] = {
        {"GET CHALLENGE (1 exchange)", **channel, challenge},
        {"SELECT by name via TransportChannel", transport, select},
    };
    for (const auto& c : cases) {
        measure(c.channel, c.command, 50); // warm-up
        auto micros = measure(c.channel, c.command, count);
        if (micros.empty())
            return 1;
        const auto f = figures(micros);
        std::printf("apdu round trip, %-38s n=%d  median %.3f ms  p99 %.3f ms\n", c.name, count,
                    f.median / 1000.0, f.p99 / 1000.0);
    }
    return 0;
}
