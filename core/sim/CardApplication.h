#pragma once

#include "iso7816/Apdu.h"
#include "sim/CardContext.h"

#include <cstdint>
#include <optional>

namespace cardlink::sim {

// One application on the simulated card. SimulatedCard offers each command
// first to the application bound to the current DF's name (an AID registered
// with SimulatedCard::addApplication, e.g. the EMV payment application), then
// to the card's base application, the ISO/IEC 7816-4 file system
// (IsoApplication). An application that does not implement a command returns
// std::nullopt and the next one is asked; if none answers, the card sends
// 6D00 (instruction not supported).
//
// Answers are the logical response (all the data, the final status word);
// the card applies the transmission protocol's rules (61xx, 6Cxx, Ne) after.
class CardApplication
{
public:
    virtual ~CardApplication() = default;

    // Class bytes this application understands. A command whose CLA no
    // application accepts gets 6E00 (ISO/IEC 7816-4:2013, 5.6).
    virtual bool acceptsClass(std::uint8_t cla) const = 0;

    virtual std::optional<iso7816::ResponseApdu> process(const iso7816::CommandApdu& command,
                                                         CardContext& context) = 0;

    // The application's DF has just become the current DF (SELECT).
    virtual void onSelect(CardContext&) {}
    // A SELECT succeeded and the application's DF is current (newly or
    // again). The application may restart its session and change the answer:
    // EMV 4.4 Book 1, 12.3.2 and Book 3, 6.5.11: 6283 for a blocked
    // application, 6A81 for a blocked card.
    virtual void onSelected(iso7816::ResponseApdu& /*answer*/, CardContext&) {}
    // Power-on or reset: forget session state (persistent data stays).
    virtual void reset() {}
};

} // namespace cardlink::sim
