// Fuzzes the card profile loader (JSON text from a file), then drives a card
// built from any profile that loads through a fixed set of commands: SELECT by
// partial name and occurrence walks the whole tree, READ RECORD / READ BINARY
// by SFI touch every EF kind. Every answer must carry a status word.
#include "sim/CardProfile.h"
#include "sim/SimulatedCard.h"

#include <cstdlib>
#include <string_view>

using namespace cardlink;
using namespace cardlink::sim;

namespace {
class FixedRandom final : public RandomSource
{
public:
    void fill(std::span<std::uint8_t> out) override
    {
        for (auto& b : out)
            b = 0x5A;
    }
};

const char* const kCommands[] = {
    "00A4000C",
    "00A40400 01 F0 00",
    "00A40402 01 F0 00",
    "00A40401 01 A0 00",
    "00A40403 01 A0 00",
    "00A4000C 02 5000",
    "00B2010C00",
    "00B2020C00",
    "00B2011400",
    "00B0810000",
    "00B0000000",
    "00CA9F1700",
    "0020008008241234FFFFFFFFFF",
    "00200080",
    "00C0000000",
    "0084000000",
    "00A40804 04 5000 5001 00",
    "00A40300",
    "00B2000400",
};
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    auto profile = CardProfile::parse(text);
    if (!profile)
        return 0;
    FixedRandom random;
    SimulatedCard card(std::move(*profile), random);
    card.powerOn();
    for (const char* command : kCommands) {
        auto response = card.transmitBytes(fromHex(command).value());
        if (!response || response->size() < 2)
            std::abort();
    }
    return 0;
}
