#include "CardSimServer.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <poll.h>

namespace cardlink::cardsim {

namespace {
using namespace std::chrono;
constexpr milliseconds kRetryInterval{100};
constexpr std::size_t kReceiveBuffer = 4096;

int msUntil(steady_clock::time_point now, steady_clock::time_point when)
{
    if (when <= now)
        return 0;
    // Round up, so the loop does not wake just before the deadline.
    return static_cast<int>(duration_cast<milliseconds>(when - now + microseconds(999)).count());
}
} // namespace

CardSimServer::CardSimServer(const CardSimOptions& options, sim::SimulatedCard& card,
                             std::FILE* out, std::FILE* err)
    : m_options(options), m_card(card), m_out(out), m_err(err), m_log(err, options.verbose)
{}

void CardSimServer::fail(const std::string& message)
{
    std::fprintf(m_err, "cardsim: error: %s\n", message.c_str());
    std::fflush(m_err);
    m_exitCode = 1;
    m_running = false;
}

void CardSimServer::beginConnecting(Clock::time_point now)
{
    m_state = State::Connecting;
    m_connectDeadline = now + milliseconds(m_options.connectTimeoutMs);
    m_reinsertAt.reset();
    m_retryAt = now;
}

bool CardSimServer::attemptConnect(Clock::time_point now)
{
    m_retryAt.reset();
    auto started = m_socket.startConnect(m_options.host, m_options.port);
    if (!started) {
        if (started.error().code == ErrorCode::InvalidArgument) {
            fail(started.error().message);
            return false;
        }
        m_lastConnectError = started.error().message;
        if (now >= m_connectDeadline) {
            fail("cannot connect to vpcd at " + m_options.host + ":" +
                 std::to_string(m_options.port) + ": " + m_lastConnectError + " (gave up after " +
                 std::to_string(m_options.connectTimeoutMs) + " ms)");
            return false;
        }
        m_retryAt = now + kRetryInterval;
        return false;
    }
    if (m_socket.isConnected())
        onConnected(now);
    return true;
}

bool CardSimServer::onConnectReady(Clock::time_point now)
{
    auto finished = m_socket.finishConnect();
    if (finished) {
        onConnected(now);
        return true;
    }
    m_lastConnectError = finished.error().message;
    if (now >= m_connectDeadline) {
        fail("cannot connect to vpcd at " + m_options.host + ":" + std::to_string(m_options.port) +
             ": " + m_lastConnectError + " (gave up after " +
             std::to_string(m_options.connectTimeoutMs) + " ms)");
        return false;
    }
    m_retryAt = now + kRetryInterval;
    return false;
}

void CardSimServer::onConnected(Clock::time_point now)
{
    m_state = State::Inserted;
    m_codec.reset();
    m_card.powerOff(); // a freshly inserted card waits for vpcd to power it
    std::fputs("cardsim: inserted\n", m_out);
    std::fflush(m_out);
    if (m_options.removeAfterMs && !m_removeTimerUsed) {
        m_removeTimerUsed = true;
        m_removeAt = now + milliseconds(*m_options.removeAfterMs);
    }
}

void CardSimServer::remove(Removal why, Clock::time_point now)
{
    const bool wasInserted = m_state == State::Inserted;
    m_socket.close();
    m_codec.reset();
    m_card.powerOff();
    secureWipe(m_pendingResponse);
    m_pendingResponse.clear();
    m_responseDueAt.reset();
    m_retryAt.reset();
    if (wasInserted) {
        std::fputs("cardsim: removed\n", m_out);
        std::fflush(m_out);
    }
    if (why == Removal::ByVpcd) {
        beginConnecting(now);
        return;
    }
    m_state = State::Removed;
    if (m_options.reinsertAfterMs)
        m_reinsertAt = now + milliseconds(*m_options.reinsertAfterMs);
}

void CardSimServer::onSignal(int signal, Clock::time_point now)
{
    switch (signal) {
    case SIGTERM:
    case SIGINT:
        m_log.event(signal == SIGTERM ? "SIGTERM: exiting" : "SIGINT: exiting");
        if (m_state != State::Removed)
            remove(Removal::ByUser, now);
        m_running = false;
        break;
    case SIGUSR1:
        if (m_state != State::Removed) {
            m_log.event("SIGUSR1: removing the card");
            remove(Removal::ByUser, now);
        }
        break;
    case SIGUSR2:
        if (m_state == State::Removed) {
            m_log.event("SIGUSR2: inserting the card");
            beginConnecting(now);
        }
        break;
    default:
        break;
    }
}

void CardSimServer::onReadable(Clock::time_point now)
{
    std::array<std::uint8_t, kReceiveBuffer> buffer;
    auto received = m_socket.receive(buffer);
    if (!received || *received == 0) {
        m_log.event(received ? "vpcd closed the connection"
                             : "connection lost: " + received.error().message);
        remove(Removal::ByVpcd, now);
        return;
    }
    m_codec.feed(ByteView(buffer.data(), *received));
    secureWipe(buffer.data(), *received); // may hold a PIN block
    processMessages(now);
}

void CardSimServer::processMessages(Clock::time_point now)
{
    while (m_running && m_state == State::Inserted && !m_responseDueAt) {
        auto next = m_codec.next();
        if (!next) {
            std::fprintf(m_err, "cardsim: error: %s\n", next.error().message.c_str());
            std::fflush(m_err);
            remove(Removal::ByVpcd, now);
            return;
        }
        if (!next->has_value())
            return;
        handle(**next, now);
        secureWipe((*next)->apdu);
    }
}

void CardSimServer::handle(sim::VpcdMessage& message, Clock::time_point now)
{
    switch (message.request) {
    case sim::VpcdRequest::PowerOff:
        m_log.event("power off");
        m_card.powerOff();
        return;
    case sim::VpcdRequest::PowerOn:
        m_log.event("power on");
        m_card.powerOn();
        return;
    case sim::VpcdRequest::Reset:
        m_log.event("reset");
        m_card.reset();
        return;
    case sim::VpcdRequest::GetAtr:
        // vpcd polls about every 400 ms for presence: answer at once, no delay.
        if (auto framed = sim::VpcdCodec::frame(m_card.atr()))
            m_socket.sendAll(*framed).ok();
        return;
    case sim::VpcdRequest::Apdu:
        break;
    }
    m_commandTime = now;
    m_log.command(message.apdu);
    if (!m_card.isPowered()) {
        // pcscd powers the card before sending APDUs; should one come anyway,
        // answer it rather than leave vpcd waiting.
        m_log.event("APDU while unpowered: powering on");
        m_card.powerOn();
    }
    auto response = m_card.transmitBytes(message.apdu);
    Bytes answer = response ? std::move(*response) : Bytes{0x6F, 0x00};
    send(answer, Clock::now());
}

void CardSimServer::send(ByteView payload, Clock::time_point now)
{
    auto framed = sim::VpcdCodec::frame(payload);
    if (!framed) {
        fail(framed.error().message);
        return;
    }
    m_pendingResponse = std::move(*framed);
    if (m_options.delayMs > 0) {
        m_responseDueAt = now + milliseconds(m_options.delayMs);
        return;
    }
    sendPending();
}

void CardSimServer::sendPending()
{
    m_responseDueAt.reset();
    const Bytes framed = std::move(m_pendingResponse);
    m_pendingResponse.clear();
    auto sent = m_socket.sendAll(framed);
    const auto elapsed = duration<double, std::milli>(Clock::now() - m_commandTime).count();
    m_log.response(ByteView(framed).subspan(sim::VpcdCodec::kHeaderSize), elapsed);
    if (!sent) {
        m_log.event("connection lost: " + sent.error().message);
        remove(Removal::ByVpcd, Clock::now());
    }
}

int CardSimServer::pollTimeoutMs(Clock::time_point now) const
{
    int timeout = -1;
    for (const auto& when : {m_retryAt, m_removeAt, m_reinsertAt, m_responseDueAt}) {
        if (!when)
            continue;
        const int ms = msUntil(now, *when);
        timeout = timeout < 0 ? ms : std::min(timeout, ms);
    }
    if (m_state == State::Connecting && m_socket.isOpen()) {
        const int ms = msUntil(now, m_connectDeadline);
        timeout = timeout < 0 ? ms : std::min(timeout, ms);
    }
    return timeout;
}

int CardSimServer::run()
{
    if (auto opened = m_signals.open(); !opened) {
        fail(opened.error().message);
        return m_exitCode;
    }
    beginConnecting(Clock::now());
    while (m_running) {
        auto now = Clock::now();
        if (m_state == State::Connecting && !m_socket.isOpen() && m_retryAt && *m_retryAt <= now) {
            attemptConnect(now);
            continue;
        }
        std::array<pollfd, 2> fds{};
        fds[0] = {m_signals.fd(), POLLIN, 0};
        nfds_t count = 1;
        if (m_state == State::Connecting && m_socket.isOpen()) {
            fds[1] = {m_socket.fd(), POLLOUT, 0};
            count = 2;
        } else if (m_state == State::Inserted && !m_responseDueAt) {
            fds[1] = {m_socket.fd(), POLLIN, 0};
            count = 2;
        }
        const int ready = ::poll(fds.data(), count, pollTimeoutMs(now));
        if (ready < 0 && errno != EINTR) {
            fail(std::string("poll: ") + std::strerror(errno));
            break;
        }
        now = Clock::now();
        if (fds[0].revents & POLLIN) {
            while (auto signal = m_signals.take())
                onSignal(*signal, now);
            if (!m_running)
                break;
        }
        if (count == 2 && fds[1].revents != 0 && m_socket.isOpen()) {
            if (m_state == State::Connecting)
                onConnectReady(now);
            else if (m_state == State::Inserted)
                onReadable(now);
        }
        if (m_state == State::Connecting && m_socket.isOpen() && !m_socket.isConnected() &&
            now >= m_connectDeadline) {
            m_socket.close();
            fail("cannot connect to vpcd at " + m_options.host + ":" +
                 std::to_string(m_options.port) + ": no answer (gave up after " +
                 std::to_string(m_options.connectTimeoutMs) + " ms)");
            break;
        }
        if (m_responseDueAt && *m_responseDueAt <= now) {
            sendPending();
            processMessages(now);
        }
        if (m_removeAt && *m_removeAt <= now) {
            m_removeAt.reset();
            if (m_state != State::Removed) {
                m_log.event("--remove-after: removing the card");
                remove(Removal::ByUser, now);
            }
        }
        if (m_reinsertAt && *m_reinsertAt <= now) {
            m_reinsertAt.reset();
            if (m_state == State::Removed) {
                m_log.event("--reinsert-after: inserting the card");
                beginConnecting(now);
            }
        }
    }
    return m_exitCode;
}

} // namespace cardlink::cardsim
