#pragma once

#include "iso7816/CardChannel.h"
#include "util/Result.h"

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace cardlink::test {

// One step of a card script: the command the test expects (hex, spaces
// allowed), the card's answer (response data + SW1 SW2 in hex) and a comment
// that names the step in failure messages. With `error` set, the step answers
// with that Error instead (a card pulled mid-transaction) and `response` is
// ignored.
struct ScriptedExchange
{
    ScriptedExchange(std::string commandHex, std::string responseHex, std::string note = {})
        : command(std::move(commandHex)), response(std::move(responseHex)), comment(std::move(note))
    {}
    ScriptedExchange(std::string commandHex, Error failure, std::string note = {})
        : command(std::move(commandHex)), comment(std::move(note)), error(std::move(failure))
    {}

    std::string command;
    std::string response;
    std::string comment;
    std::optional<Error> error;
};

// A card that plays a script of expected exchanges, in the manner of
// emv-utils' emulated card reader (tests/emv_cardreader_emul.c). Any
// deviation fails at once: an unexpected command or a command after the end
// of the script makes transmit() return an Error (ErrorCode::Internal) and
// records a failure message; every later transmit() fails too. At the end of
// a test, check `finished()` (every step used, nothing failed) and print
// `failure()` when it is not:
//
//   ScriptedCard card{
//       {"00 A4 04 00 07 A0000000041010 00", "6F 10 ... 90 00", "select"},
//       {"80 A8 00 00 02 8300 00", "80 06 1800 08010100 90 00", "gpo"},
//   };
//   ... run the code under test over `card` ...
//   QVERIFY2(card.finished(), card.failure().c_str());
//
// Commands are compared as encoded bytes (CommandApdu::encode()). A script
// whose hex does not parse fails the same way, naming the bad step.
class ScriptedCard final : public iso7816::CardChannel
{
public:
    ScriptedCard() = default;
    ScriptedCard(std::initializer_list<ScriptedExchange> script);

    // Appends a step; returns *this for chaining.
    ScriptedCard& expect(std::string command, std::string response, std::string comment = {});
    ScriptedCard& expectError(std::string command, Error error, std::string comment = {});

    Result<iso7816::ResponseApdu> transmit(const iso7816::CommandApdu& command) override;

    // Every step was used and nothing went wrong.
    bool finished() const { return !failed() && m_position == m_steps.size(); }
    bool failed() const { return !m_failure.empty(); }
    // The first failure, or "" when none. When the script is merely not
    // finished, describes the next unused step.
    std::string failure() const;

    std::size_t stepsUsed() const { return m_position; }
    std::size_t stepCount() const { return m_steps.size(); }
    // Every command received, as encoded bytes, expected or not.
    const std::vector<Bytes>& received() const { return m_received; }

private:
    struct Step
    {
        Bytes command;
        iso7816::ResponseApdu response;
        std::optional<Error> error;
        std::string comment;
    };

    void add(const ScriptedExchange& exchange);
    Error fail(std::string message);
    std::string stepLabel(std::size_t index) const;

    std::vector<Step> m_steps;
    std::size_t m_position = 0;
    std::string m_failure;
    std::vector<Bytes> m_received;
};

} // namespace cardlink::test
