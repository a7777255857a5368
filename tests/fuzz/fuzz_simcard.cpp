// Fuzzes the simulated card with arbitrary command bytes. Input: the first
// byte picks T=0 or T=1 (bit 0); then records of [length byte][APDU bytes];
// length FF resets the card, FE powers it off and on. Every answer must carry
// a status word; under T=0 at most 256 data bytes travel at once.
#include "sim/CardProfile.h"
#include "sim/SimulatedCard.h"

#include <cstdlib>
#include <memory>

using namespace cardlink;
using namespace cardlink::sim;

namespace {
constexpr const char* kProfile = R"({
  "version": 1, "atr": "3B 02 14 50", "protocol": "T=1",
  "behaviour": {"extendedLength": true},
  "pin": {"reference": "80", "maxTries": 3,
          "salt": "5A 1C 7E 0B 93 D4 46 2F 8E 21 A0 7C 3B 6D 9F 15",
          "hash": "033379C90E1847FAF19439DBDED3F803D5CD05B5147ACDE7AAA20EC97D6EC319"},
  "dataObjects": [{"tag": "9F17", "source": "pinTriesLeft"}, {"tag": "42", "value": "123456"},
                  {"tag": "9F4F", "value": "9A039F21035F2A029F02069F03069F1A0195055F2A02"}],
  "files": [
    {"type": "records", "fid": "2F00", "sfi": 30, "records": ["61054F03A00001", "610550034142"]},
    {"type": "transparent", "fid": "2F01", "sfi": 2, "content": "0102030405060708090A"},
    {"type": "DF", "fid": "5000", "name": "F0434C44454D4F01", "fci": "500141870101",
     "files": [
       {"type": "transparent", "fid": "5001", "sfi": 1, "content": ")"
                                 "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF"
                                 "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF"
                                 "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF"
                                 "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF"
                                 "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF"
                                 "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF"
                                 "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF"
                                 "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF"
                                 "00112233445566778899AABBCCDDEEFF00112233445566778899AABBCCDDEEFF"
                                 R"("},
       {"type": "records", "fid": "5002", "sfi": 2, "records": ["7003 5A0112", "7004 9F080100"]},
       {"type": "DF", "fid": "5100", "files": [{"type": "transparent", "fid": "5101", "content": "CAFE"}]}
     ]},
    {"type": "DF", "fid": "6000", "name": "F0434C44454D4F02",
     "files": [{"type": "records", "sfi": 1, "records": ["7003 9F0800"]}]}
  ]
})";

class FixedRandom final : public RandomSource
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

CardProfile makeProfile(TransmissionProtocol protocol)
{
    auto profile = CardProfile::parse(kProfile);
    if (!profile)
        std::abort();
    profile->protocol = protocol;
    if (protocol == TransmissionProtocol::T0)
        profile->behaviour.extendedLength = false;
    return std::move(*profile);
}

const CardProfile& profileFor(TransmissionProtocol protocol)
{
    static const CardProfile t0 = makeProfile(TransmissionProtocol::T0);
    static const CardProfile t1 = makeProfile(TransmissionProtocol::T1);
    return protocol == TransmissionProtocol::T0 ? t0 : t1;
}

constexpr std::uint8_t kReset = 0xFF;
constexpr std::uint8_t kPowerCycle = 0xFE;
constexpr std::size_t kMaxT0Response = 256 + 2;
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const auto protocol = (data[0] & 1) ? TransmissionProtocol::T1 : TransmissionProtocol::T0;
    FixedRandom random;
    SimulatedCard card(profileFor(protocol), random);
    card.powerOn();
    std::size_t at = 1;
    while (at < size) {
        const std::uint8_t length = data[at++];
        if (length == kReset) {
            card.reset();
            continue;
        }
        if (length == kPowerCycle) {
            card.powerOff();
            card.powerOn();
            continue;
        }
        const std::size_t take = std::min<std::size_t>(length, size - at);
        auto response = card.transmitBytes(ByteView(data + at, take));
        at += take;
        if (!response || response->size() < 2)
            std::abort();
        if (protocol == TransmissionProtocol::T0 && response->size() > kMaxT0Response)
            std::abort();
    }
    return 0;
}
