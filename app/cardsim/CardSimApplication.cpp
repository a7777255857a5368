#include "CardSimApplication.h"

#include "CardSimOptions.h"
#include "CardSimServer.h"
#include "PinHashCommand.h"
#include "sim/CardProfile.h"
#include "sim/SimulatedCard.h"

#include <cstdio>
#include <unistd.h>

namespace cardlink::cardsim {

namespace {
constexpr int kExitUsage = 2;
} // namespace

int CardSimApplication::run(const QStringList& arguments)
{
    auto options = CardSimOptions::parse(arguments);
    if (!options) {
        std::fprintf(stderr, "cardsim: error: %s (see --help)\n", options.error().message.c_str());
        return kExitUsage;
    }
    switch (options->mode) {
    case CardSimOptions::Mode::Help:
        std::fputs(options->helpText.c_str(), stdout);
        return 0;
    case CardSimOptions::Mode::HashPin:
        return PinHashCommand::run(STDIN_FILENO, stdout, stderr);
    case CardSimOptions::Mode::Serve:
        break;
    }

    auto profile = sim::CardProfile::load(options->profilePath);
    if (!profile) {
        std::fprintf(stderr, "cardsim: error: bad profile: %s\n", profile.error().message.c_str());
        return kExitUsage;
    }
    sim::SimulatedCard card(std::move(*profile));
    CardSimServer server(*options, card, stdout, stderr);
    return server.run();
}

} // namespace cardlink::cardsim
