#include "emv/CardCommands.h"

namespace cardlink::emv::commands {

namespace {
constexpr std::uint32_t kLeAll = 256;

iso7816::CommandApdu make(std::uint8_t cla, std::uint8_t ins, std::uint8_t p1, std::uint8_t p2,
                          ByteView data, bool wantsData)
{
    iso7816::CommandApdu apdu;
    apdu.cla = cla;
    apdu.ins = ins;
    apdu.p1 = p1;
    apdu.p2 = p2;
    apdu.data.assign(data.begin(), data.end());
    if (wantsData)
        apdu.ne = kLeAll;
    return apdu;
}
} // namespace

iso7816::CommandApdu select(ByteView name, bool nextOccurrence)
{
    return make(0x00, 0xA4, 0x04, nextOccurrence ? 0x02 : 0x00, name, true);
}

iso7816::CommandApdu readRecord(std::uint8_t sfi, std::uint8_t record)
{
    return make(0x00, 0xB2, record, static_cast<std::uint8_t>((sfi << 3) | 0x04), {}, true);
}

iso7816::CommandApdu getProcessingOptions(ByteView pdolData)
{
    // The data is encoded with tag 83 even when empty (83 00).
    Bytes data{0x83};
    if (pdolData.size() < 0x80) {
        data.push_back(static_cast<std::uint8_t>(pdolData.size()));
    } else {
        data.push_back(0x81);
        data.push_back(static_cast<std::uint8_t>(pdolData.size()));
    }
    data.insert(data.end(), pdolData.begin(), pdolData.end());
    return make(0x80, 0xA8, 0x00, 0x00, data, true);
}

iso7816::CommandApdu getData(tlv::Tag tag)
{
    return make(0x80, 0xCA, static_cast<std::uint8_t>(tag >> 8),
                static_cast<std::uint8_t>(tag & 0xFF), {}, true);
}

iso7816::CommandApdu generateAc(std::uint8_t p1, ByteView cdolData)
{
    return make(0x80, 0xAE, p1, 0x00, cdolData, true);
}

iso7816::CommandApdu externalAuthenticate(ByteView issuerAuthenticationData)
{
    return make(0x00, 0x82, 0x00, 0x00, issuerAuthenticationData, false);
}

} // namespace cardlink::emv::commands
