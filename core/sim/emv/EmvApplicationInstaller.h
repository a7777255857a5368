#pragma once

namespace cardlink::sim {
class SimulatedCard;
}

namespace cardlink::sim::emv {

// Plugs the EMV payment application (and the PSE's, when the profile asks
// for a PSE) into a SimulatedCard whose profile has an "emv" section. The
// SimulatedCard constructor calls it, so every program and test that builds
// a card from such a profile gets the EMV application.
class EmvApplicationInstaller
{
public:
    static void install(SimulatedCard& card);
};

} // namespace cardlink::sim::emv
