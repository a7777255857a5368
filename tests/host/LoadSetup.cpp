#include "LoadSetup.h"

#include "HostContext.h"

#include <QElapsedTimer>

#include <cstdio>

namespace cardlink::test {

std::unique_ptr<LoadSetup> LoadSetup::make(unsigned terminals, unsigned perTerminal,
                                           std::uint64_t amount)
{
    return make(std::vector<unsigned>(terminals, perTerminal), amount);
}

std::unique_ptr<LoadSetup> LoadSetup::make(const std::vector<unsigned>& perTerminal,
                                           std::uint64_t amount)
{
    const auto terminals = static_cast<unsigned>(perTerminal.size());
    QElapsedTimer timer;
    timer.start();
    auto setup = std::make_unique<LoadSetup>();
    std::vector<std::string> ids;
    for (unsigned i = 1; i <= terminals; ++i) {
        char id[16];
        std::snprintf(id, sizeof id, "T%07u", i);
        ids.push_back(id);
    }
    setup->directory = std::make_unique<HostDirectory>(ids);
    if (!setup->directory->ok())
        return nullptr;
    CardRequests cards;
    std::vector<std::string> pans;
    {
        auto host =
            host::HostContext::open(std::filesystem::path(setup->directory->dir()) / "host.json");
        if (!host)
            return nullptr;
        for (unsigned i = 1; i <= terminals; ++i)
            pans.push_back(cards.addCard(i, *host->store, 1000000000));
    }
    for (unsigned i = 0; i < terminals; ++i) {
        LoadDriver::Terminal terminal;
        terminal.bundle = setup->directory->bundle(ids[i]);
        for (unsigned n = 0; n < perTerminal[i]; ++n)
            terminal.requests.push_back(
                cards.purchase(pans[i], amount, ids[i], HostDirectory::kMerchant));
        setup->terminals.push_back(std::move(terminal));
    }
    setup->preparationSeconds = static_cast<double>(timer.elapsed()) / 1000.0;
    return setup;
}

std::vector<LoadDriver::Terminal> LoadSetup::first(std::size_t count) const
{
    return std::vector<LoadDriver::Terminal>(
        terminals.begin(),
        terminals.begin() + static_cast<std::ptrdiff_t>(std::min(count, terminals.size())));
}

} // namespace cardlink::test
