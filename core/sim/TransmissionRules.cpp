#include "sim/TransmissionRules.h"

#include "sim/CardStatus.h"

#include <algorithm>

namespace cardlink::sim {

namespace {
using iso7816::CommandApdu;
using iso7816::ResponseApdu;
namespace sw = iso7816::sw;

constexpr std::size_t kShortMax = 256;

// 61xx and 6Cxx carry a length in SW2; 00 stands for 256 (and for "256 or
// more" in 61xx, ISO/IEC 7816-4:2013, 5.6).
std::uint16_t withLength(std::uint16_t base, std::size_t length)
{
    return static_cast<std::uint16_t>(base | (length >= kShortMax ? 0 : length));
}

// Data travel only with "process completed" status words: 9000 and the
// warnings 62xx/63xx (ISO/IEC 7816-4:2013, 5.6).
bool mayCarryData(std::uint16_t statusWord)
{
    const auto sw1 = statusWord >> 8;
    return statusWord == sw::kNormal || sw1 == 0x62 || sw1 == 0x63;
}
} // namespace

TransmissionRules::TransmissionRules(TransmissionProtocol protocol) : m_protocol(protocol) {}

void TransmissionRules::clear()
{
    m_pending.clear();
    m_pendingSw = 0;
    m_hasPending = false;
}

ResponseApdu TransmissionRules::shape(const CommandApdu& command, ResponseApdu answer)
{
    clear();
    if (answer.data.empty())
        return answer;
    if (!mayCarryData(answer.sw))
        return {{}, answer.sw};
    return m_protocol == TransmissionProtocol::T0 ? shapeT0(command, std::move(answer))
                                                  : shapeT1(command, std::move(answer));
}

ResponseApdu TransmissionRules::shapeT0(const CommandApdu& command, ResponseApdu answer)
{
    const std::size_t size = answer.data.size();
    if (command.data.empty() && command.ne) {
        // Case 2: P3 is Le, and the card must send exactly that many bytes.
        const std::size_t ne = *command.ne;
        if (size == ne)
            return answer;
        if (size > kShortMax && ne == kShortMax)
            return sendPart(std::move(answer.data), kShortMax, answer.sw);
        return {{}, withLength(status::kWrongLe, size)};
    }
    if (answer.sw == sw::kNormal)
        return hold(std::move(answer.data), sw::kNormal, withLength(status::kBytesAvailable, size));
    return hold(std::move(answer.data), sw::kNormal, answer.sw);
}

ResponseApdu TransmissionRules::shapeT1(const CommandApdu& command, ResponseApdu answer)
{
    if (!command.ne)
        return {{}, answer.sw};
    const std::size_t ne = *command.ne;
    const std::size_t size = answer.data.size();
    if (size <= ne)
        return answer;
    if (!command.isExtended() && ne == kShortMax)
        return sendPart(std::move(answer.data), kShortMax, answer.sw);
    return {{}, withLength(status::kWrongLe, size)};
}

ResponseApdu TransmissionRules::sendPart(Bytes data, std::size_t count, std::uint16_t finalSw)
{
    ResponseApdu now{Bytes(data.begin(), data.begin() + static_cast<long>(count)), 0};
    data.erase(data.begin(), data.begin() + static_cast<long>(count));
    now.sw = withLength(status::kBytesAvailable, data.size());
    hold(std::move(data), finalSw, 0);
    return now;
}

ResponseApdu TransmissionRules::hold(Bytes data, std::uint16_t finalSw, std::uint16_t sendSw)
{
    m_pending = std::move(data);
    m_pendingSw = finalSw;
    m_hasPending = true;
    return {{}, sendSw};
}

ResponseApdu TransmissionRules::getResponse(const CommandApdu& command)
{
    if (command.p1 != 0 || command.p2 != 0)
        return {{}, sw::kIncorrectP1P2};
    if (!command.data.empty() || !command.ne)
        return {{}, sw::kWrongLength};
    if (!m_hasPending)
        return {{}, sw::kConditionsOfUseNotSatisfied};
    const std::size_t remaining = m_pending.size();
    const std::size_t ne = *command.ne;
    if (m_protocol == TransmissionProtocol::T0 && ne > remaining)
        return {{}, withLength(status::kWrongLe, remaining)};
    const std::size_t count = std::min(ne, remaining);
    ResponseApdu out{Bytes(m_pending.begin(), m_pending.begin() + static_cast<long>(count)), 0};
    m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<long>(count));
    if (m_pending.empty()) {
        out.sw = m_pendingSw;
        clear();
    } else {
        out.sw = withLength(status::kBytesAvailable, m_pending.size());
    }
    return out;
}

} // namespace cardlink::sim
