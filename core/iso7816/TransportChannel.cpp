#include "iso7816/TransportChannel.h"

#include <optional>
#include <string>
#include <utility>

namespace cardlink::iso7816 {

namespace {

constexpr std::uint8_t kInsGetResponse = 0xC0;
constexpr std::uint8_t kSw1MoreData = 0x61;
constexpr std::uint8_t kSw1WrongLe = 0x6C;
constexpr std::uint8_t kSw1WarningUnchanged = 0x62;
constexpr std::uint8_t kSw1WarningChanged = 0x63;

// SW2 of 61xx and 6Cxx counts bytes; 00 stands for 256
// (ISO/IEC 7816-3:2006, 10.3.3 and 12.2.2).
std::uint32_t countOf(std::uint8_t sw2)
{
    return sw2 == 0 ? 256u : sw2;
}

// GET RESPONSE continues the command on the same logical channel, without
// secure messaging or chaining (ISO/IEC 7816-4:2013, 5.4.1 and 7.6.1): keep
// only the channel number of the command's class byte. For EMV (CLA 00, 80,
// 84, 8C on the basic channel) this is always 00.
std::uint8_t getResponseClass(std::uint8_t cla)
{
    if ((cla & 0x40) == 0)
        return cla & 0x03; // first interindustry coding: channels 0-3
    return static_cast<std::uint8_t>(0x40 | (cla & 0x0F)); // further coding: 4-19
}

bool isWarning(const ResponseApdu& response)
{
    return response.sw1() == kSw1WarningUnchanged || response.sw1() == kSw1WarningChanged;
}

} // namespace

// The state of one transmit(): how many exchanges it has used.
class TransportChannel::Session
{
public:
    Session(CardChannel& card, const TransportLimits& limits) : m_card(card), m_limits(limits) {}

    Result<ResponseApdu> send(const CommandApdu& command)
    {
        if (m_exchanges >= m_limits.maxExchanges)
            return makeError(ErrorCode::Malformed, "card still asked for more exchanges after " +
                                                       std::to_string(m_exchanges) +
                                                       " (61xx/6Cxx loop)");
        ++m_exchanges;
        return m_card.transmit(command);
    }

    // Sends a command with Le; on 6Cxx resends it once with Le = xx.
    Result<ResponseApdu> sendWithLeRetry(const CommandApdu& command)
    {
        auto response = send(command);
        if (!response || response->sw1() != kSw1WrongLe || !command.ne)
            return response;
        CommandApdu retry = command;
        retry.ne = countOf(response->sw2());
        auto retried = send(retry);
        // The copy may hold secrets (a case 4 command's data); do not leave
        // them on the heap.
        secureWipe(retry.data);
        return retried;
    }

    Result<ResponseApdu> getResponse(std::uint8_t cla, std::uint32_t ne)
    {
        return sendWithLeRetry(
            CommandApdu{getResponseClass(cla), kInsGetResponse, 0x00, 0x00, {}, ne});
    }

    Result<void> append(Bytes& data, const Bytes& more) const
    {
        if (more.size() > m_limits.maxResponseBytes - data.size())
            return makeError(ErrorCode::Malformed, "card response longer than " +
                                                       std::to_string(m_limits.maxResponseBytes) +
                                                       " bytes");
        data.insert(data.end(), more.begin(), more.end());
        return {};
    }

private:
    CardChannel& m_card;
    const TransportLimits& m_limits;
    std::size_t m_exchanges = 0;
};

TransportChannel::TransportChannel(CardChannel& card) : TransportChannel(card, TransportLimits{}) {}

TransportChannel::TransportChannel(CardChannel& card, TransportLimits limits)
    : m_card(card), m_limits(limits)
{}

Result<ResponseApdu> TransportChannel::transmit(const CommandApdu& command)
{
    Session session(m_card, m_limits);

    auto first = session.sendWithLeRetry(command);
    if (!first)
        return first;
    ResponseApdu last = std::move(first).value();

    Bytes data;
    if (auto appended = session.append(data, last.data); !appended)
        return appended.error();

    // EMV 4.4 Book 1, Annex A7: case 4, warning, no data -> GET RESPONSE Le=00,
    // and the warning is what the caller gets back.
    std::optional<std::uint16_t> warning;
    if (command.apduCase() == ApduCase::Case4 && last.data.empty() && isWarning(last)) {
        warning = last.sw;
        auto fetched = session.getResponse(command.cla, 256);
        if (!fetched)
            return fetched;
        const bool hasData =
            fetched->sw == 0x9000 || fetched->sw1() == kSw1MoreData || !fetched->data.empty();
        if (!hasData)
            return ResponseApdu{{}, *warning};
        last = std::move(fetched).value();
        if (auto appended = session.append(data, last.data); !appended)
            return appended.error();
    }

    // ISO/IEC 7816-3:2006, 12.2.2 and 12.2.4; EMV 4.4 Book 1, 9.3.1.3.
    while (last.sw1() == kSw1MoreData) {
        auto next = session.getResponse(command.cla, countOf(last.sw2()));
        if (!next)
            return next;
        last = std::move(next).value();
        if (auto appended = session.append(data, last.data); !appended)
            return appended.error();
    }

    const std::uint16_t sw = warning && last.sw == 0x9000 ? *warning : last.sw;
    return ResponseApdu{std::move(data), sw};
}

} // namespace cardlink::iso7816
