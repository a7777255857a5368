#include "payment/ConsoleCardholder.h"

#include "CliOutput.h"

#include <algorithm>

namespace cardlink::cli {

ConsoleCardholder::ConsoleCardholder(Bytes preferredAid, PinSource pinSource)
    : m_preferredAid(std::move(preferredAid)), m_pinSource(std::move(pinSource))
{}

std::optional<std::size_t>
ConsoleCardholder::chooseApplication(std::span<const emv::ApplicationChoice> candidates)
{
    if (candidates.empty())
        return std::nullopt;
    if (m_preferredAid.empty())
        return 0; // the list comes in priority order (EMV 4.4 Book 1, 12.4)
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        const Bytes& aid = candidates[i].aid;
        if (aid.size() >= m_preferredAid.size() &&
            std::equal(m_preferredAid.begin(), m_preferredAid.end(), aid.begin()))
            return i;
    }
    return std::nullopt; // the asked-for application is not on the card
}

bool ConsoleCardholder::confirmApplication(const emv::ApplicationChoice&)
{
    return true;
}

bool ConsoleCardholder::confirmAmount(std::uint64_t, const std::string&)
{
    return true;
}

emv::PinEntry ConsoleCardholder::enterPin(const emv::PinRequest& request)
{
    ++m_pinRequests;
    emv::PinEntry entry;
    entry.status = emv::PinEntryStatus::Cancelled;
    if (!m_pinSource)
        return entry;
    auto pin = m_pinSource(request);
    if (!pin)
        return entry;
    entry.status = emv::PinEntryStatus::Entered;
    entry.digits = std::move(*pin);
    return entry;
}

void ConsoleCardholder::showMessage(emv::CardholderMessage message)
{
    printLine(QStringLiteral("Message: ") + QString::fromLatin1(cardholderMessageText(message)));
}

const char* cardholderMessageText(emv::CardholderMessage message)
{
    // EMV 4.4 Book 4, 11.2, standard messages.
    switch (message) {
    case emv::CardholderMessage::PleaseWait:
        return "please wait";
    case emv::CardholderMessage::IncorrectPin:
        return "incorrect PIN";
    case emv::CardholderMessage::LastPinTry:
        return "last PIN try";
    case emv::CardholderMessage::PinOk:
        return "PIN OK";
    case emv::CardholderMessage::PinBlocked:
        return "PIN blocked";
    case emv::CardholderMessage::ProcessingOnline:
        return "processing online";
    case emv::CardholderMessage::RemoveCard:
        return "remove card";
    }
    return "?";
}

} // namespace cardlink::cli
