#pragma once

#include "util/Bytes.h"

#include <QString>

#include <cstdint>
#include <functional>
#include <vector>

namespace cardlink::test {

// Many TLS terminals on one event loop, each sending its requests one after
// the other (the next when the answer came), as a terminal does. Used by the
// load test and bench_host. On OpenSSL and epoll directly, not QSslSocket:
// the generator shares the CPUs with the host, so every microsecond it spends
// per authorization is one the host cannot show.
class LoadDriver
{
public:
    struct Terminal
    {
        QString bundle; // add-terminal's JSON (client certificate, key, CA)
        std::vector<Bytes> requests;
    };
    struct Result
    {
        std::uint64_t answered = 0;
        std::uint64_t approved = 0;    // field 39 = 00
        std::uint64_t failures = 0;    // links that failed or closed early
        std::vector<double> latencyMs; // per answered request
        double seconds = 0;            // first request sent .. last answer
        double percentile(double p) const;
        double perSecond() const
        {
            return seconds > 0 ? static_cast<double>(answered) / seconds : 0;
        }
    };

    // Connects all terminals first (TLS handshakes are not timed), then runs;
    // `started` is called once the handshakes are done, just before the first
    // request is sent (a benchmark reads CPU clocks there). The requests are
    // framed before anything is sent; while timed, an answer costs one read
    // and the next request one write.
    static Result run(quint16 port, const std::vector<Terminal>& terminals, int timeoutMs,
                      const std::function<void()>& started = {});
};

} // namespace cardlink::test
