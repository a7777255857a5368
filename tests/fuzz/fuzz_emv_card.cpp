// Arbitrary APDU sequences into the EMV payment application of the simulated
// card (core/sim/emv). Input: byte 0 picks the card (SDA, DDA, CDA with AES,
// enciphered PIN) and whether the harness first SELECTs the application and
// sends GET PROCESSING OPTIONS; then records of one length byte and that many
// APDU bytes. A length of 0 resets the card. Card profiles come from the
// CardPersonalizer once per process (small keys).
#include "iso7816/Apdu.h"
#include "sim/CardProfile.h"
#include "sim/RandomSource.h"
#include "sim/SimulatedCard.h"
#include "sim/emv/CardPersonalizer.h"

#include <array>
#include <cstdlib>
#include <memory>
#include <optional>

using namespace cardlink;
using namespace cardlink::sim;

namespace {
class CountingRandom final : public RandomSource
{
public:
    void fill(std::span<std::uint8_t> out) override
    {
        for (auto& b : out)
            b = ++m_next;
    }

private:
    std::uint8_t m_next = 0;
};

constexpr std::array<emv::CardKind, 4> kKinds{emv::CardKind::Sda, emv::CardKind::Dda,
                                              emv::CardKind::Cda, emv::CardKind::PinEnciphered};

const std::array<CardProfile, 4>& profiles()
{
    static const std::array<CardProfile, 4> loaded = [] {
        auto personalizer = emv::CardPersonalizer::create({768, 640, 512});
        if (!personalizer)
            std::abort();
        std::array<std::optional<CardProfile>, 4> parsed;
        for (std::size_t i = 0; i < kKinds.size(); ++i) {
            auto json = personalizer->profileJson(kKinds[i], 1);
            if (!json)
                std::abort();
            auto profile = CardProfile::parse(*json);
            if (!profile)
                std::abort();
            parsed[i] = std::move(*profile);
        }
        return std::array<CardProfile, 4>{*parsed[0], *parsed[1], *parsed[2], *parsed[3]};
    }();
    return loaded;
}

void send(SimulatedCard& card, ByteView apdu)
{
    auto response = card.transmitBytes(apdu);
    // A powered card always answers, with at least a status word.
    if (!response || response->size() < 2)
        std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const std::size_t kind = data[0] % kKinds.size();
    const bool start = (data[0] & 0x80) != 0;
    CountingRandom random;
    SimulatedCard card(profiles()[kind], random);
    card.powerOn();
    if (start) {
        const auto& emv = *card.profile().emv;
        Bytes select{0x00, 0xA4, 0x04, 0x00, static_cast<std::uint8_t>(emv.aid.size())};
        select.insert(select.end(), emv.aid.begin(), emv.aid.end());
        select.push_back(0x00);
        send(card, select);
        const Bytes gpo = emv.pdol.empty()
                              ? Bytes{0x80, 0xA8, 0x00, 0x00, 0x02, 0x83, 0x00, 0x00}
                              : Bytes{0x80, 0xA8, 0x00, 0x00, 0x04, 0x83, 0x02, 0x02, 0x76, 0x00};
        send(card, gpo);
    }
    std::size_t offset = 1;
    while (offset < size) {
        const std::size_t length = data[offset++];
        if (length == 0) {
            card.reset();
            continue;
        }
        const std::size_t take = std::min(length, size - offset);
        send(card, ByteView(data + offset, take));
        offset += take;
    }
    return 0;
}
