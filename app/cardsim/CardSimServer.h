#pragma once

#include "CardSimOptions.h"
#include "ExchangeLog.h"
#include "SignalChannel.h"
#include "VpcdSocket.h"
#include "sim/SimulatedCard.h"
#include "sim/VpcdCodec.h"

#include <chrono>
#include <cstdio>
#include <optional>

namespace cardlink::cardsim {

// The card's life on vpcd: one single-threaded poll() loop over the vpcd
// socket, a signalfd and a few deadlines.
//
//   Connecting --connect--> Inserted --SIGUSR1 / --remove-after--> Removed
//       ^   \--retry every 100 ms until --connect-timeout: exit 1   |
//       |            Inserted --vpcd closed / broken stream--> Connecting
//       +----------- SIGUSR2 / --reinsert-after ----------------- Removed
//
// "cardsim: inserted" / "cardsim: removed" go to stdout (flushed) on each
// connect and disconnect. SIGTERM/SIGINT end the loop with status 0.
class CardSimServer
{
public:
    CardSimServer(const CardSimOptions& options, sim::SimulatedCard& card, std::FILE* out,
                  std::FILE* err);

    // The process exit status.
    int run();

private:
    using Clock = std::chrono::steady_clock;
    enum class State { Connecting, Inserted, Removed };
    enum class Removal { ByUser, ByVpcd };

    void beginConnecting(Clock::time_point now);
    bool attemptConnect(Clock::time_point now);
    bool onConnectReady(Clock::time_point now);
    void onConnected(Clock::time_point now);
    void remove(Removal why, Clock::time_point now);
    void onSignal(int signal, Clock::time_point now);
    void onReadable(Clock::time_point now);
    void processMessages(Clock::time_point now);
    void handle(sim::VpcdMessage& message, Clock::time_point now);
    void send(ByteView payload, Clock::time_point now);
    void sendPending();
    int pollTimeoutMs(Clock::time_point now) const;
    void fail(const std::string& message);

    const CardSimOptions& m_options;
    sim::SimulatedCard& m_card;
    std::FILE* m_out;
    std::FILE* m_err;
    ExchangeLog m_log;
    SignalChannel m_signals;
    VpcdSocket m_socket;
    sim::VpcdCodec m_codec;

    State m_state = State::Connecting;
    bool m_running = true;
    int m_exitCode = 0;
    bool m_removeTimerUsed = false;
    std::string m_lastConnectError;
    Clock::time_point m_connectDeadline;
    std::optional<Clock::time_point> m_retryAt;
    std::optional<Clock::time_point> m_removeAt;
    std::optional<Clock::time_point> m_reinsertAt;
    std::optional<Clock::time_point> m_responseDueAt;
    Bytes m_pendingResponse; // framed, waiting for --delay-ms
    Clock::time_point m_commandTime;
};

} // namespace cardlink::cardsim
