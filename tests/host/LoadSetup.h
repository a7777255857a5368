#pragma once

#include "CardRequests.h"
#include "HostTestEnvironment.h"
#include "LoadDriver.h"

#include <memory>

namespace cardlink::test {

// A host directory with `terminals` terminals (T0000001...), one card per
// terminal, and `perTerminal` genuine 0200s of `amount` for each, made
// before anything is timed.
struct LoadSetup
{
    std::unique_ptr<HostDirectory> directory;
    std::vector<LoadDriver::Terminal> terminals;
    double preparationSeconds = 0;

    static std::unique_ptr<LoadSetup> make(unsigned terminals, unsigned perTerminal,
                                           std::uint64_t amount);
    // Terminal i gets perTerminal[i] requests.
    static std::unique_ptr<LoadSetup> make(const std::vector<unsigned>& perTerminal,
                                           std::uint64_t amount);
    // `count` terminals from the prepared ones (the first).
    std::vector<LoadDriver::Terminal> first(std::size_t count) const;
};

} // namespace cardlink::test
