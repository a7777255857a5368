#pragma once

namespace cardlink::sim {

struct CardProfile;
struct CardState;
class PinVerifier;
class RandomSource;

// What a card application may use while it processes a command: the profile
// it was built from, the card's current selection, the PIN and its security
// status, and the random source. Owned by SimulatedCard; valid for one call.
struct CardContext
{
    const CardProfile& profile;
    CardState& state;
    PinVerifier& pin;
    RandomSource& random;
};

} // namespace cardlink::sim
