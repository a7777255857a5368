#pragma once

#include "emv/Cardholder.h"
#include "util/Bytes.h"

#include <functional>
#include <optional>

namespace cardlink::cli {

// The Cardholder port for a terminal program without a screen
// (cardlink-cli read / pay): the application is chosen automatically (the
// first candidate in priority order, or the one whose AID starts with
// `preferredAid`), confirmations and the amount are accepted, and the PIN
// comes from `pinSource` (PinReader: stdin, a file or a descriptor, never the
// command line). Messages go to stdout as "Message: ..." lines.
class ConsoleCardholder final : public emv::Cardholder
{
public:
    // nullopt: no PIN available (the entry is cancelled).
    using PinSource = std::function<std::optional<pin::SecretBytes>(const emv::PinRequest&)>;

    ConsoleCardholder(Bytes preferredAid, PinSource pinSource);

    std::optional<std::size_t>
    chooseApplication(std::span<const emv::ApplicationChoice> candidates) override;
    bool confirmApplication(const emv::ApplicationChoice& candidate) override;
    bool confirmAmount(std::uint64_t amount, const std::string& currency) override;
    emv::PinEntry enterPin(const emv::PinRequest& request) override;
    void showMessage(emv::CardholderMessage message) override;

    int pinRequests() const { return m_pinRequests; }

private:
    Bytes m_preferredAid;
    PinSource m_pinSource;
    int m_pinRequests = 0;
};

const char* cardholderMessageText(emv::CardholderMessage message);

} // namespace cardlink::cli
