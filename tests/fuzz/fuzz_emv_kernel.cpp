// Runs the whole EMV kernel (EmvKernel::run) against a card whose every
// response comes from the fuzz input, in the manner of OpenSC's fuzzing
// reader: input = a sequence of [2-byte big-endian length][R-APDU bytes]
// records, one per command the kernel sends; the online host's answer is
// read from the same stream when the kernel asks for it. When the input runs
// out the card is "removed". Nothing may crash, and the number of commands
// is bounded (the kernel must not loop on a card's whim).
#include "emv/EmvKernel.h"

#include <cstdlib>

using namespace cardlink;
using namespace cardlink::emv;

namespace {
constexpr std::size_t kMaxCommands = 200;

class Input
{
public:
    Input(const std::uint8_t* data, std::size_t size) : m_data(data), m_size(size) {}

    std::optional<Bytes> next()
    {
        if (m_pos + 2 > m_size)
            return std::nullopt;
        const std::size_t length = (m_data[m_pos] << 8) | m_data[m_pos + 1];
        m_pos += 2;
        const std::size_t take = std::min(length, m_size - m_pos);
        Bytes out(m_data + m_pos, m_data + m_pos + take);
        m_pos += take;
        return out;
    }

private:
    const std::uint8_t* m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
};

class FuzzCard final : public iso7816::CardChannel
{
public:
    explicit FuzzCard(Input& input) : m_input(input) {}
    Result<iso7816::ResponseApdu> transmit(const iso7816::CommandApdu& command) override
    {
        if (!command.encode())
            std::abort(); // the kernel must only send encodable commands
        if (++m_commands > kMaxCommands)
            std::abort();
        auto bytes = m_input.next();
        if (!bytes)
            return makeError(ErrorCode::CardRemoved, "end of fuzz input");
        auto response = iso7816::ResponseApdu::parse(*bytes);
        if (!response)
            return makeError(ErrorCode::Io, "short response");
        return response;
    }

private:
    Input& m_input;
    std::size_t m_commands = 0;
};

class FuzzCardholder final : public Cardholder
{
public:
    std::optional<std::size_t> chooseApplication(std::span<const ApplicationChoice> c) override
    {
        return c.empty() ? std::nullopt : std::optional<std::size_t>(c.size() - 1);
    }
    bool confirmApplication(const ApplicationChoice&) override { return true; }
    bool confirmAmount(std::uint64_t, const std::string&) override { return true; }
    PinEntry enterPin(const PinRequest&) override
    {
        PinEntry entry;
        entry.status = PinEntryStatus::Entered;
        const Bytes digits{'1', '2', '3', '4'};
        entry.digits = pin::SecretBytes(digits);
        return entry;
    }
    void showMessage(CardholderMessage) override {}
};

class FixedClock final : public Clock
{
public:
    std::chrono::system_clock::time_point now() const override
    {
        return std::chrono::system_clock::time_point{std::chrono::seconds{1764072000}};
    }
    std::chrono::steady_clock::time_point monotonic() const override { return {}; }
};

class CountingRandom final : public Random
{
public:
    void fill(std::span<std::uint8_t> out) override
    {
        for (auto& byte : out)
            byte = static_cast<std::uint8_t>(m_next++ * 37);
    }

private:
    std::uint8_t m_next = 1;
};

TerminalConfig config()
{
    TerminalConfig c;
    c.aids = {{Bytes{0xA0, 0x00, 0x00, 0x00, 0x04, 0x10, 0x10}, true},
              {Bytes{0xA0, 0x00, 0x00, 0x00, 0x03}, true}};
    c.floorLimit = 5000;
    c.randomSelectionThreshold = 1000;
    c.randomSelectionTargetPercent = 20;
    c.randomSelectionMaxTargetPercent = 60;
    c.lowerConsecutiveOfflineLimit = 2;
    c.upperConsecutiveOfflineLimit = 4;
    c.defaultTdol = Bytes{0x9F, 0x02, 0x06};
    return c;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    Input input(data, size);
    FuzzCard card(input);
    FuzzCardholder cardholder;
    FixedClock clock;
    CountingRandom random;
    CaPublicKeyStore keys;
    auto online = [&](const OnlineRequest&) {
        OnlineResponse response;
        auto decision = input.next();
        if (!decision || decision->empty())
            return response;
        response.decision = static_cast<OnlineDecision>((*decision)[0] % 3);
        if (decision->size() >= 3)
            response.authorisationResponseCode.assign(decision->begin() + 1, decision->begin() + 3);
        if (auto arpc = input.next())
            response.issuerAuthenticationData = std::move(*arpc);
        if (auto scripts = input.next())
            response.issuerScripts = std::move(*scripts);
        return response;
    };
    EmvKernel kernel(card, cardholder, config(), keys, online, clock, random);
    TransactionRequest request;
    request.amount = 1234;
    auto outcome = kernel.run(request);
    if (outcome && outcome->kind == OutcomeKind::CardError && outcome->action.empty())
        std::abort();
    return 0;
}
