#include "LoadDriver.h"

#include "HostTestEnvironment.h"
#include "RawTlsClient.h"

#include <openssl/err.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>

namespace cardlink::test {

namespace {
// The host has a 10 s handshake timeout: 500 handshakes at once on 2 CPUs
// take longer, so terminals connect a few at a time, as a real fleet does
// after a host restart.
constexpr std::size_t kHandshakesInFlight = 16;
constexpr int kEventsPerWait = 256;
using Clock = std::chrono::steady_clock;

enum class State { Waiting, Connecting, Handshaking, Encrypted, Closed };

struct Link
{
    int fd = -1;
    SslPtr ssl;
    State state = State::Waiting;
    std::uint32_t watched = 0;  // epoll events asked for; 0 = not registered
    std::vector<Bytes> framed;  // the terminal's requests, length-prefixed
    std::size_t next = 0;       // next request to send
    bool writePending = false;  // framed[next - 1] waits for SSL_write to be retried
    bool wantsWritable = false; // SSL_connect or SSL_read waits for the socket to take data
    Bytes received;             // every answer as read, framed; decoded after the timed part
    std::size_t parsed = 0;
    Clock::time_point sentAt;
    bool done = false;
};

Bytes lengthPrefixed(const Bytes& message)
{
    Bytes out;
    out.reserve(2 + message.size());
    out.push_back(static_cast<std::uint8_t>(message.size() >> 8));
    out.push_back(static_cast<std::uint8_t>(message.size() & 0xFF));
    out.insert(out.end(), message.begin(), message.end());
    return out;
}

// One epoll loop (level-triggered) over non-blocking sockets, one SSL each.
class Driver
{
public:
    Driver(quint16 port, const std::vector<LoadDriver::Terminal>& terminals, int timeoutMs,
           LoadDriver::Result& result);
    ~Driver();
    Driver(const Driver&) = delete;
    Driver& operator=(const Driver&) = delete;

    // Until every link is encrypted or failed; true when all are encrypted
    // and none has closed.
    bool handshake();
    void run(const std::function<void()>& started);
    // Links that neither finished nor failed in time count as failures.
    void countUnfinished();
    void decodeAnswers();

private:
    void connectMore();
    void connect(Link& link);
    void continueHandshake(Link& link);
    void onEvent(Link& link, std::uint32_t events);
    void read(Link& link);
    void takeAnswers(Link& link);
    void send(Link& link);
    void write(Link& link);
    void watch(Link& link);
    void fail(Link& link);
    void finish(Link& link, bool failed);
    bool dispatch(); // one wait; false when the time is up

    quint16 m_port;
    LoadDriver::Result& m_result;
    RawTlsClient m_tls;
    int m_epoll = -1;
    std::vector<Link> m_links;
    const std::vector<LoadDriver::Terminal>& m_terminals;
    Clock::time_point m_deadline;
    Clock::time_point m_start;
    Clock::time_point m_end;
    std::size_t m_connecting = 0; // links whose connect has begun
    std::size_t m_settled = 0;    // links encrypted or failed before that
    std::size_t m_finished = 0;
    bool m_running = false;
    std::array<std::uint8_t, 16 * 1024> m_chunk{}; // one TLS record's plaintext at most
    std::array<epoll_event, kEventsPerWait> m_events{};
};

Driver::Driver(quint16 port, const std::vector<LoadDriver::Terminal>& terminals, int timeoutMs,
               LoadDriver::Result& result)
    : m_port(port), m_result(result), m_epoll(epoll_create1(EPOLL_CLOEXEC)),
      m_links(terminals.size()), m_terminals(terminals),
      m_deadline(Clock::now() + std::chrono::milliseconds(timeoutMs))
{
    std::size_t total = 0;
    for (std::size_t i = 0; i < terminals.size(); ++i) {
        Link& link = m_links[i];
        link.framed.reserve(terminals[i].requests.size());
        for (const Bytes& request : terminals[i].requests)
            link.framed.push_back(lengthPrefixed(request));
        link.received.reserve(terminals[i].requests.size() * 128);
        total += terminals[i].requests.size();
    }
    m_result.latencyMs.reserve(total);
    ERR_clear_error();
}

Driver::~Driver()
{
    for (Link& link : m_links) {
        link.ssl.reset();
        if (link.fd >= 0)
            ::close(link.fd);
    }
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool Driver::handshake()
{
    if (m_epoll < 0 || !m_tls.ok()) {
        for (Link& link : m_links)
            finish(link, true);
        return false;
    }
    while (m_settled < m_links.size()) {
        connectMore();
        if (m_settled == m_links.size() || !dispatch())
            break;
    }
    return m_settled == m_links.size() && m_finished == 0;
}

void Driver::connectMore()
{
    while (m_connecting < m_links.size() && m_connecting - m_settled < kHandshakesInFlight)
        connect(m_links[m_connecting++]);
}

void Driver::connect(Link& link)
{
    link.state = State::Connecting;
    link.fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (link.fd < 0) {
        fail(link);
        return;
    }
    const int on = 1;
    setsockopt(link.fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    sockaddr_in host{};
    host.sin_family = AF_INET;
    host.sin_port = htons(m_port);
    host.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const auto& terminal = m_terminals[static_cast<std::size_t>(&link - m_links.data())];
    link.ssl = m_tls.link(link.fd, terminal.bundle);
    if (!link.ssl) {
        fail(link);
        return;
    }
    if (::connect(link.fd, reinterpret_cast<const sockaddr*>(&host), sizeof host) == 0) {
        link.state = State::Handshaking;
        continueHandshake(link);
    } else if (errno == EINPROGRESS) {
        watch(link); // EPOLLOUT: connected or refused
    } else {
        fail(link);
    }
}

void Driver::continueHandshake(Link& link)
{
    const int status = SSL_connect(link.ssl.get());
    if (status == 1) {
        link.state = State::Encrypted;
        link.wantsWritable = false;
        ++m_settled;
        watch(link);
        return;
    }
    switch (SSL_get_error(link.ssl.get(), status)) {
    case SSL_ERROR_WANT_READ:
        link.wantsWritable = false;
        watch(link);
        return;
    case SSL_ERROR_WANT_WRITE:
        link.wantsWritable = true;
        watch(link);
        return;
    default:
        ERR_clear_error();
        fail(link);
    }
}

void Driver::watch(Link& link)
{
    std::uint32_t events = EPOLLIN;
    if (link.state == State::Connecting || link.writePending || link.wantsWritable)
        events |= EPOLLOUT;
    if (events == link.watched)
        return;
    epoll_event event{};
    event.events = events;
    event.data.u64 = static_cast<std::uint64_t>(&link - m_links.data());
    epoll_ctl(m_epoll, link.watched == 0 ? EPOLL_CTL_ADD : EPOLL_CTL_MOD, link.fd, &event);
    link.watched = events;
}

bool Driver::dispatch()
{
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(m_deadline - Clock::now());
    if (left.count() <= 0)
        return false;
    const int count = epoll_wait(m_epoll, m_events.data(), kEventsPerWait,
                                 static_cast<int>(std::min<std::int64_t>(left.count(), 1000)));
    if (count < 0)
        return errno == EINTR;
    for (std::size_t i = 0; i < static_cast<std::size_t>(count); ++i)
        onEvent(m_links[m_events[i].data.u64], m_events[i].events);
    return true;
}

void Driver::onEvent(Link& link, std::uint32_t events)
{
    switch (link.state) {
    case State::Connecting: {
        int error = 0;
        socklen_t size = sizeof error;
        if (getsockopt(link.fd, SOL_SOCKET, SO_ERROR, &error, &size) != 0 || error != 0) {
            fail(link);
            return;
        }
        link.state = State::Handshaking;
        continueHandshake(link);
        return;
    }
    case State::Handshaking:
        continueHandshake(link);
        return;
    case State::Encrypted:
        if (link.writePending)
            write(link);
        // EPOLLHUP / EPOLLERR: SSL_read reports the closed link.
        if (link.state == State::Encrypted &&
            ((events & (EPOLLIN | EPOLLHUP | EPOLLERR)) != 0 || link.wantsWritable))
            read(link);
        return;
    case State::Waiting:
    case State::Closed:
        return;
    }
}

// Level-triggered: reads until OpenSSL holds nothing more; what is still in
// the socket wakes the next epoll_wait.
void Driver::read(Link& link)
{
    SSL* ssl = link.ssl.get();
    link.wantsWritable = false;
    for (;;) {
        const int count = SSL_read(ssl, m_chunk.data(), static_cast<int>(m_chunk.size()));
        if (count > 0) {
            link.received.insert(link.received.end(), m_chunk.data(), m_chunk.data() + count);
            if (SSL_has_pending(ssl) == 0)
                break;
            continue;
        }
        const int error = SSL_get_error(ssl, count);
        if (error == SSL_ERROR_WANT_READ || error == SSL_ERROR_WANT_WRITE) {
            link.wantsWritable = error == SSL_ERROR_WANT_WRITE;
            break;
        }
        ERR_clear_error();
        fail(link); // closed by the host, or broken
        return;
    }
    watch(link); // EPOLLOUT only while SSL_read waits to write
    if (m_running)
        takeAnswers(link);
}

void Driver::takeAnswers(Link& link)
{
    const Bytes& in = link.received;
    while (!link.done && in.size() - link.parsed >= 2) {
        const std::size_t length =
            static_cast<std::size_t>((in[link.parsed] << 8) | in[link.parsed + 1]);
        if (in.size() - link.parsed < 2 + length)
            break;
        m_result.latencyMs.push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - link.sentAt).count());
        ++m_result.answered;
        link.parsed += 2 + length;
        send(link);
    }
}

void Driver::send(Link& link)
{
    if (link.done)
        return;
    if (link.next >= link.framed.size()) {
        finish(link, false);
        return;
    }
    link.sentAt = Clock::now();
    ++link.next;
    write(link);
}

// One SSL_write, so one TLS record, per request; retried with the same
// bytes when the socket was full.
void Driver::write(Link& link)
{
    const Bytes& request = link.framed[link.next - 1];
    const int status = SSL_write(link.ssl.get(), request.data(), static_cast<int>(request.size()));
    if (status > 0) {
        if (link.writePending) {
            link.writePending = false;
            watch(link);
        }
        return;
    }
    const int error = SSL_get_error(link.ssl.get(), status);
    if (error == SSL_ERROR_WANT_WRITE || error == SSL_ERROR_WANT_READ) {
        link.writePending = true;
        watch(link);
        return;
    }
    ERR_clear_error();
    fail(link);
}

void Driver::fail(Link& link)
{
    const bool handshaking = link.state == State::Connecting || link.state == State::Handshaking;
    if (link.fd >= 0) {
        if (link.watched != 0)
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, link.fd, nullptr);
        link.ssl.reset();
        ::close(link.fd);
        link.fd = -1;
    }
    link.state = State::Closed;
    if (handshaking)
        ++m_settled; // makes room for the next handshake
    finish(link, true);
}

void Driver::finish(Link& link, bool failed)
{
    if (link.done)
        return;
    link.done = true;
    m_result.failures += failed ? 1 : 0;
    if (++m_finished == m_links.size())
        m_end = Clock::now();
}

void Driver::run(const std::function<void()>& started)
{
    m_running = true;
    if (started)
        started();
    m_start = Clock::now();
    for (Link& link : m_links)
        send(link);
    while (m_finished < m_links.size() && dispatch()) {
    }
    if (m_finished < m_links.size())
        m_end = Clock::now();
    m_result.seconds = std::chrono::duration<double>(m_end - m_start).count();
}

void Driver::countUnfinished()
{
    for (const Link& link : m_links)
        if (!link.done)
            ++m_result.failures;
}

void Driver::decodeAnswers()
{
    for (const Link& link : m_links) {
        const auto* at = link.received.data();
        for (std::size_t used = 0; used < link.parsed;) {
            const std::size_t length = static_cast<std::size_t>((at[used] << 8) | at[used + 1]);
            if (responseCodeOf(Bytes(at + used + 2, at + used + 2 + length)) == "00")
                ++m_result.approved;
            used += 2 + length;
        }
    }
}
} // namespace

double LoadDriver::Result::percentile(double p) const
{
    if (latencyMs.empty())
        return 0;
    std::vector<double> sorted = latencyMs;
    std::sort(sorted.begin(), sorted.end());
    const auto index = static_cast<std::size_t>(p / 100.0 * static_cast<double>(sorted.size() - 1));
    return sorted[index];
}

LoadDriver::Result LoadDriver::run(quint16 port, const std::vector<Terminal>& terminals,
                                   int timeoutMs, const std::function<void()>& started)
{
    Result result;
    const SigpipeBlocked sigpipeBlocked;
    Driver driver(port, terminals, timeoutMs, result);
    if (driver.handshake())
        driver.run(started);
    driver.countUnfinished();
    driver.decodeAnswers(); // after the timed part
    return result;
}

} // namespace cardlink::test
