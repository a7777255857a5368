#include "sim/IsoApplication.h"

#include "iso7816/StatusWord.h"
#include "sim/CardProfile.h"
#include "sim/FileReader.h"
#include "sim/PinVerifier.h"
#include "sim/RandomSource.h"
#include "tlv/Length.h"
#include "tlv/Tag.h"

namespace cardlink::sim {

namespace {
using iso7816::CommandApdu;
using iso7816::ResponseApdu;
namespace sw = iso7816::sw;

constexpr std::uint8_t kClaInterindustry = 0x00;
constexpr std::uint8_t kClaProprietary = 0x80;

enum class Ins : std::uint8_t {
    Verify = 0x20,
    GetChallenge = 0x84,
    Select = 0xA4,
    ReadBinary = 0xB0,
    ReadRecord = 0xB2,
    GetData = 0xCA,
};
} // namespace

IsoApplication::IsoApplication(const FileNode& mf) : m_selector(mf) {}

bool IsoApplication::acceptsClass(std::uint8_t cla) const
{
    return cla == kClaInterindustry || cla == kClaProprietary;
}

std::optional<ResponseApdu> IsoApplication::process(const CommandApdu& command,
                                                    CardContext& context)
{
    const auto ins = static_cast<Ins>(command.ins);
    if (command.cla == kClaProprietary)
        return ins == Ins::GetData ? std::optional(getData(command, context)) : std::nullopt;
    switch (ins) {
    case Ins::Select:
        return m_selector.select(command, context.state);
    case Ins::ReadBinary:
        return FileReader::readBinary(command, context.state);
    case Ins::ReadRecord:
        return FileReader::readRecord(command, context.state);
    case Ins::GetData:
        return getData(command, context);
    case Ins::Verify:
        return context.pin.verify(command);
    case Ins::GetChallenge:
        return getChallenge(command, context);
    }
    return std::nullopt;
}

ResponseApdu IsoApplication::getData(const CommandApdu& command, CardContext& context)
{
    if (!command.data.empty() || !command.ne)
        return {{}, sw::kWrongLength};
    // 11.4: P1-P2 0040..00FF is a one-byte tag in P2, 4000..FFFF a two-byte tag.
    const auto tag = static_cast<std::uint16_t>((command.p1 << 8) | command.p2);
    for (const auto& object : context.profile.dataObjects) {
        if (object.tag != tag)
            continue;
        const Bytes value = object.source == DataSource::PinTriesLeft
                                ? Bytes{static_cast<std::uint8_t>(context.pin.triesLeft())}
                                : object.value;
        ResponseApdu response{{}, sw::kNormal};
        tlv::appendTag(response.data, tag);
        tlv::appendLength(response.data, value.size());
        response.data.insert(response.data.end(), value.begin(), value.end());
        return response;
    }
    return {{}, sw::kReferencedDataNotFound};
}

ResponseApdu IsoApplication::getChallenge(const CommandApdu& command, CardContext& context)
{
    if (command.p1 != 0 || command.p2 != 0)
        return {{}, sw::kIncorrectP1P2};
    if (!command.data.empty() || !command.ne)
        return {{}, sw::kWrongLength};
    ResponseApdu response{Bytes(context.profile.behaviour.challengeLength), sw::kNormal};
    context.random.fill(response.data);
    return response;
}

} // namespace cardlink::sim
