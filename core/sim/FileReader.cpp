#include "sim/FileReader.h"

#include "sim/CardStatus.h"

namespace cardlink::sim {

namespace {
using iso7816::ResponseApdu;
namespace sw = iso7816::sw;

// READ BINARY P1: b8 = 1 means b5-b1 hold an SFI and P2 the offset (0..255);
// b8 = 0 means P1-P2 hold a 15-bit offset.
constexpr std::uint8_t kP1SfiFlag = 0x80;
constexpr std::uint8_t kP1SfiRfuBits = 0x60;
constexpr std::uint8_t kSfiMask = 0x1F;
// READ RECORD P2: b8-b4 SFI (0 = current EF), b3-b1 = 100: record number in P1.
constexpr std::uint8_t kP2RecordNumberInP1 = 0x04;
constexpr std::uint8_t kP2ModeMask = 0x07;
constexpr std::uint8_t kRfuSfi = 0x1F;
constexpr std::uint8_t kCurrentRecord = 0x00;
constexpr std::uint8_t kRfuRecord = 0xFF;

const FileNode* efBySfi(const CardState& state, std::uint8_t sfi)
{
    for (const auto& child : state.currentDf().children) {
        if (child.isEf() && child.sfi && *child.sfi == sfi)
            return &child;
    }
    return nullptr;
}

bool isMaximalNe(const iso7816::CommandApdu& command)
{
    return *command.ne == (command.isExtended() ? iso7816::CommandApdu::kMaxExtendedNe
                                                : iso7816::CommandApdu::kMaxShortNe);
}

// Ne bytes of `body` from `offset`, or fewer with 6282 when the end comes first
// (ISO/IEC 7816-4:2013, 11.2.3; Le = 00 asks for everything up to the end).
ResponseApdu readFrom(const iso7816::CommandApdu& command, const Bytes& body, std::size_t offset)
{
    const std::size_t available = body.size() - offset;
    const std::size_t wanted = *command.ne;
    const std::size_t count = std::min(available, wanted);
    ResponseApdu response{Bytes(body.begin() + static_cast<long>(offset),
                                body.begin() + static_cast<long>(offset + count)),
                          sw::kNormal};
    if (count < wanted && !isMaximalNe(command))
        response.sw = status::kEndReachedEarly;
    return response;
}
} // namespace

ResponseApdu FileReader::readBinary(const iso7816::CommandApdu& command, CardState& state)
{
    if (!command.data.empty() || !command.ne)
        return {{}, sw::kWrongLength};
    const FileNode* ef = state.currentEf;
    std::size_t offset = 0;
    if (command.p1 & kP1SfiFlag) {
        if (command.p1 & kP1SfiRfuBits)
            return {{}, sw::kIncorrectP1P2};
        ef = efBySfi(state, command.p1 & kSfiMask);
        if (!ef)
            return {{}, sw::kFileNotFound};
        state.currentEf = ef;
        state.currentRecord.reset();
        offset = command.p2;
    } else {
        offset = static_cast<std::size_t>((command.p1 << 8) | command.p2);
    }
    if (!ef)
        return {{}, sw::kCommandNotAllowedNoCurrentEf};
    if (ef->kind != FileKind::Transparent)
        return {{}, status::kIncompatibleFileStructure};
    if (offset >= ef->content.size())
        return {{}, status::kWrongParameters};
    return readFrom(command, ef->content, offset);
}

ResponseApdu FileReader::readRecord(const iso7816::CommandApdu& command, CardState& state)
{
    if (!command.data.empty() || !command.ne)
        return {{}, sw::kWrongLength};
    const std::uint8_t sfi = command.p2 >> 3;
    if ((command.p2 & kP2ModeMask) != kP2RecordNumberInP1 || sfi == kRfuSfi ||
        command.p1 == kRfuRecord)
        return {{}, sw::kIncorrectP1P2};
    const FileNode* ef = state.currentEf;
    if (sfi != 0) {
        ef = efBySfi(state, sfi);
        if (!ef)
            return {{}, sw::kFileNotFound};
        if (ef != state.currentEf) {
            state.currentEf = ef;
            state.currentRecord.reset();
        }
    }
    if (!ef)
        return {{}, sw::kCommandNotAllowedNoCurrentEf};
    if (ef->kind != FileKind::Records)
        return {{}, status::kIncompatibleFileStructure};
    std::size_t number = command.p1;
    if (number == kCurrentRecord) {
        if (!state.currentRecord)
            return {{}, sw::kRecordNotFound};
        number = *state.currentRecord;
    }
    if (number > ef->records.size())
        return {{}, sw::kRecordNotFound};
    state.currentRecord = number;
    // A record is read whole: an Ne shorter than the record is a wrong Le
    // (6Cxx), which the transmission rules derive from the length.
    const Bytes& record = ef->records[number - 1];
    if (*command.ne < record.size())
        return {record, sw::kNormal};
    return readFrom(command, record, 0);
}

} // namespace cardlink::sim
