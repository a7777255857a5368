#pragma once

#include "sim/emv/EmvProfile.h"

#include <cstdint>

namespace cardlink::sim::emv {

// What the EMV payment application keeps in its "EEPROM": it survives reset,
// power off and removal for the life of the SimulatedCard (one cardsim run).
// It starts from the profile; it is not written back to the profile file.
struct EmvCardState
{
    std::uint16_t atc = 0;                   // 9F36, Book 3, Annex A
    std::uint16_t lastOnlineAtc = 0;         // 9F13, updated on issuer authentication
    bool applicationBlocked = false;         // APPLICATION BLOCK (Book 3, 6.5.1)
    bool cardBlocked = false;                // CARD BLOCK (Book 3, 6.5.3)
    bool issuerAuthenticationFailed = false; // in the last online transaction

    static EmvCardState fromProfile(const EmvProfile& profile)
    {
        EmvCardState state;
        state.atc = profile.atc;
        state.lastOnlineAtc = profile.lastOnlineAtc;
        state.applicationBlocked = profile.applicationBlocked;
        state.cardBlocked = profile.cardBlocked;
        state.issuerAuthenticationFailed = profile.issuerAuthenticationFailed;
        return state;
    }
};

} // namespace cardlink::sim::emv
