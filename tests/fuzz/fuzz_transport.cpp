// Drives TransportChannel and TracingChannel with a card whose answers come
// from the fuzz input: card responses are untrusted. Checks that the
// transport stays within its bounds (exchanges, 64 KiB), that every trace
// entry of a PIN-bearing command is masked, and that formatting never fails.
//
// Input: [selector] [length/case] [Ne] [command data...] then the card's
// answers, each [n] [n bytes: data + SW1 SW2]. Special n values: FF = the
// card is removed (an Error), FE = 256 bytes of data followed by the next two
// input bytes as SW, FD = repeat the previous answer for ever.
#include "iso7816/ApduTrace.h"
#include "iso7816/StatusWord.h"
#include "iso7816/TracingChannel.h"
#include "iso7816/TransportChannel.h"

#include <algorithm>
#include <array>
#include <cstdlib>

using namespace cardlink;
using namespace cardlink::iso7816;

namespace {

constexpr std::array<std::uint8_t, 8> kClasses{0x00, 0x80, 0x84, 0x8C, 0x01, 0x41, 0xFF, 0x0C};
constexpr std::array<std::uint8_t, 16> kInstructions{
    0xA4, 0xB2, 0x20, 0x24, 0x2C, 0xC0, 0xA8, 0xAE, 0xCA, 0x21, 0x2D, 0xB0, 0x88, 0x84, 0xC2, 0x70};
constexpr std::uint8_t kRemoved = 0xFF;
constexpr std::uint8_t kFullChunk = 0xFE;
constexpr std::uint8_t kRepeat = 0xFD;

class FuzzCard final : public CardChannel
{
public:
    explicit FuzzCard(ByteView script) : m_script(script) {}

    Result<ResponseApdu> transmit(const CommandApdu&) override
    {
        ++m_exchanges;
        if (m_repeat)
            return m_last;
        if (m_pos >= m_script.size())
            return makeError(ErrorCode::Io, "fuzz script exhausted");
        const std::uint8_t n = m_script[m_pos++];
        if (n == kRemoved)
            return makeError(ErrorCode::CardRemoved, "fuzz card removed");
        if (n == kRepeat) {
            m_repeat = true;
            return m_last;
        }
        Bytes bytes;
        if (n == kFullChunk) {
            bytes.assign(256, 0xA5);
            for (int i = 0; i < 2 && m_pos < m_script.size(); ++i)
                bytes.push_back(m_script[m_pos++]);
        } else {
            const std::size_t take = std::min<std::size_t>(n, m_script.size() - m_pos);
            bytes.assign(m_script.begin() + static_cast<long>(m_pos),
                         m_script.begin() + static_cast<long>(m_pos + take));
            m_pos += take;
        }
        m_last = ResponseApdu::parse(bytes);
        return m_last;
    }

    std::size_t exchanges() const { return m_exchanges; }

private:
    ByteView m_script;
    std::size_t m_pos = 0;
    std::size_t m_exchanges = 0;
    bool m_repeat = false;
    Result<ResponseApdu> m_last = makeError(ErrorCode::Io, "no answer yet");
};

void checkEntry(const ApduTraceEntry& entry)
{
    if (entry.command.size() >= 6 && carriesSecretData(entry.command[1]) && !entry.commandMasked)
        std::abort(); // PIN data stored in the trace
    if (entry.commandMasked && entry.command.size() > 7)
        std::abort();
    if (entry.format().empty())
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size < 3)
        return 0;
    const std::uint8_t selector = data[0];
    const std::uint8_t shape = data[1];
    const std::uint8_t neByte = data[2];
    std::size_t pos = 3;

    CommandApdu command;
    command.cla = kClasses[selector & 0x07];
    command.ins = kInstructions[(selector >> 3) & 0x0F];
    command.p1 = selector & 0x80 ? 0x04 : 0x00;
    const std::size_t dataLength = std::min<std::size_t>(shape & 0x3F, size - pos);
    command.data.assign(data + pos, data + pos + dataLength);
    pos += dataLength;
    if (shape & 0x80)
        command.ne = neByte == 0 ? 256u : neByte;

    FuzzCard card(ByteView(data + pos, size - pos));
    ApduTrace wireTrace(64);
    ApduTrace commandTrace(8);
    TracingChannel wire(card, wireTrace);
    const TransportLimits limits;
    TransportChannel transport(wire, limits);
    TracingChannel top(transport, commandTrace);

    auto response = top.transmit(command);
    if (response) {
        if (response->data.size() > limits.maxResponseBytes)
            std::abort();
        if (describeStatusWord(response->sw).empty())
            std::abort();
        (void)categorize(response->sw);
    }
    if (card.exchanges() > limits.maxExchanges)
        std::abort();
    if (wireTrace.size() > 64 || commandTrace.size() != 1)
        std::abort();
    for (const auto& entry : wireTrace.entries())
        checkEntry(entry);
    for (const auto& entry : commandTrace.entries())
        checkEntry(entry);
    if (wireTrace.exportText().empty() || commandTrace.exportText().empty())
        std::abort();
    return 0;
}
