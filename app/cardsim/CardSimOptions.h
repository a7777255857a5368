#pragma once

#include "util/Result.h"

#include <QStringList>

#include <cstdint>
#include <optional>
#include <string>

namespace cardlink::cardsim {

// The command line of cardlink-cardsim (docs/card-profile.md). Other programs
// and the integration tests drive it through exactly this contract.
struct CardSimOptions
{
    enum class Mode { Serve, HashPin, Help };

    static constexpr std::uint16_t kDefaultPort = 35963; // vpcd's first slot
    static constexpr int kDefaultConnectTimeoutMs = 10000;
    static constexpr int kMaxMilliseconds = 24 * 60 * 60 * 1000;

    Mode mode = Mode::Serve;
    std::string host = "127.0.0.1";
    std::uint16_t port = kDefaultPort;
    std::string profilePath;
    int delayMs = 0;
    std::optional<int> removeAfterMs;
    std::optional<int> reinsertAfterMs;
    int connectTimeoutMs = kDefaultConnectTimeoutMs;
    bool verbose = false;
    std::string helpText; // Mode::Help

    // `arguments` without the program name. Errors (InvalidArgument) are one
    // line for the user.
    static Result<CardSimOptions> parse(const QStringList& arguments);
};

} // namespace cardlink::cardsim
