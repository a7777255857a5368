#include "ScriptedCard.h"

#include <utility>

namespace cardlink::test {

using iso7816::CommandApdu;
using iso7816::ResponseApdu;

ScriptedCard::ScriptedCard(std::initializer_list<ScriptedExchange> script)
{
    for (const auto& exchange : script)
        add(exchange);
}

ScriptedCard& ScriptedCard::expect(std::string command, std::string response, std::string comment)
{
    add(ScriptedExchange{std::move(command), std::move(response), std::move(comment)});
    return *this;
}

ScriptedCard& ScriptedCard::expectError(std::string command, Error error, std::string comment)
{
    add(ScriptedExchange{std::move(command), std::move(error), std::move(comment)});
    return *this;
}

void ScriptedCard::add(const ScriptedExchange& exchange)
{
    Step step;
    step.comment = exchange.comment;
    step.error = exchange.error;
    const std::size_t index = m_steps.size();

    auto command = fromHex(exchange.command);
    if (!command || command->size() < 4) {
        fail(stepLabel(index) + ": bad command hex in the script: '" + exchange.command + "'");
        return;
    }
    step.command = std::move(command).value();
    if (!step.error) {
        auto bytes = fromHex(exchange.response);
        auto response = bytes ? ResponseApdu::parse(*bytes) : Result<ResponseApdu>(bytes.error());
        if (!response) {
            fail(stepLabel(index) + ": bad response hex in the script: '" + exchange.response +
                 "'");
            return;
        }
        step.response = std::move(response).value();
    }
    m_steps.push_back(std::move(step));
}

Error ScriptedCard::fail(std::string message)
{
    if (m_failure.empty())
        m_failure = std::move(message);
    return makeError(ErrorCode::Internal, "scripted card: " + m_failure);
}

std::string ScriptedCard::stepLabel(std::size_t index) const
{
    std::string label = "step " + std::to_string(index + 1);
    if (index < m_steps.size() && !m_steps[index].comment.empty())
        label += " (" + m_steps[index].comment + ")";
    return label;
}

std::string ScriptedCard::failure() const
{
    if (!m_failure.empty())
        return m_failure;
    if (m_position < m_steps.size())
        return "script not finished: " + std::to_string(m_steps.size() - m_position) +
               " step(s) unused, next is " + stepLabel(m_position) + ": " +
               toSpacedHex(m_steps[m_position].command);
    return {};
}

Result<ResponseApdu> ScriptedCard::transmit(const CommandApdu& command)
{
    auto encoded = command.encode();
    Bytes bytes = encoded ? std::move(encoded).value() : Bytes{};
    m_received.push_back(bytes);

    if (failed())
        return makeError(ErrorCode::Internal, "scripted card: already failed: " + m_failure);
    if (!encoded)
        return fail("command does not encode: " + encoded.error().describe());
    if (m_position >= m_steps.size())
        return fail("unexpected command after the end of the script (" +
                    std::to_string(m_steps.size()) + " steps): " + toSpacedHex(bytes));

    const Step& step = m_steps[m_position];
    if (bytes != step.command)
        return fail(stepLabel(m_position) + ": expected " + toSpacedHex(step.command) + ", got " +
                    toSpacedHex(bytes));
    ++m_position;
    if (step.error)
        return *step.error;
    return step.response;
}

} // namespace cardlink::test
