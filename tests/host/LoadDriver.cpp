#include "LoadDriver.h"

#include "HostTestEnvironment.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QSslSocket>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace cardlink::test {

namespace {
constexpr std::size_t kHandshakesInFlight = 16;

struct Link
{
    std::unique_ptr<QSslSocket> socket;
    std::vector<QByteArray> framed; // the terminal's requests, length-prefixed
    std::size_t next = 0;
    QByteArray buffer;
    qint64 sentAtNs = 0;
    bool done = false;
};

QByteArray framed(const Bytes& message)
{
    QByteArray out;
    out.append(static_cast<char>(message.size() >> 8));
    out.append(static_cast<char>(message.size() & 0xFF));
    out.append(reinterpret_cast<const char*>(message.data()),
               static_cast<qsizetype>(message.size()));
    return out;
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
    std::size_t total = 0;
    for (const auto& terminal : terminals)
        total += terminal.requests.size();
    std::vector<QByteArray> responses;
    responses.reserve(total);
    result.latencyMs.reserve(total);
    std::vector<Link> links(terminals.size());
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    std::size_t encrypted = 0;
    std::size_t finished = 0;
    bool running = false;
    qint64 startNs = 0;
    qint64 endNs = 0;
    std::size_t connecting = 0;
    auto connectNext = [&] {
        if (connecting < links.size())
            links[connecting++].socket->connectToHostEncrypted("127.0.0.1", port);
    };

    auto finish = [&](Link& link, bool failed) {
        if (link.done)
            return;
        link.done = true;
        result.failures += failed ? 1 : 0;
        if (++finished == links.size()) {
            endNs = clock.nsecsElapsed();
            loop.quit();
        }
    };
    auto send = [&](Link& link) {
        if (link.next >= link.framed.size()) {
            finish(link, false);
            return;
        }
        link.sentAtNs = clock.nsecsElapsed();
        link.socket->write(link.framed[link.next++]);
        link.socket->flush(); // as the host does (TerminalConnection::respond)
    };
    for (std::size_t i = 0; i < links.size(); ++i) {
        Link& link = links[i];
        link.framed.reserve(terminals[i].requests.size());
        for (const Bytes& request : terminals[i].requests)
            link.framed.push_back(framed(request));
        link.socket = std::make_unique<QSslSocket>();
        TlsTerminal::configure(*link.socket, terminals[i].bundle);
        QSslSocket* socket = link.socket.get();
        QObject::connect(socket, &QSslSocket::encrypted, &loop, [&] {
            if (++encrypted + finished == links.size())
                loop.quit();
            else
                connectNext();
        });
        QObject::connect(socket, &QSslSocket::disconnected, &loop, [&, &link = link] {
            finish(link, true);
            if (running)
                return;
            if (encrypted + finished == links.size())
                loop.quit();
            else
                connectNext(); // a refused handshake makes room for the next
        });
        QObject::connect(socket, &QSslSocket::readyRead, &loop, [&, socket, &link = link] {
            if (link.buffer.isEmpty())
                link.buffer = socket->readAll();
            else
                link.buffer.append(socket->readAll());
            qsizetype used = 0;
            while (link.buffer.size() - used >= 2) {
                const int length = (static_cast<quint8>(link.buffer[used]) << 8) |
                                   static_cast<quint8>(link.buffer[used + 1]);
                if (link.buffer.size() - used < 2 + length)
                    break;
                result.latencyMs.push_back(
                    static_cast<double>(clock.nsecsElapsed() - link.sentAtNs) / 1e6);
                ++result.answered;
                // Kept as received (a shared slice when the read held one
                // answer), decoded after the timed part.
                responses.push_back(used == 0 && link.buffer.size() == 2 + length
                                        ? link.buffer
                                        : link.buffer.mid(used, 2 + length));
                used += 2 + length;
                if (running)
                    send(link);
            }
            if (used == link.buffer.size())
                link.buffer.clear();
            else if (used > 0)
                link.buffer.remove(0, used);
        });
    }
    // Terminals connect a few at a time, as a real fleet does after a host
    // restart: 500 handshakes at once on 2 CPUs can take longer than the
    // host's 10 s handshake timeout.
    for (std::size_t i = 0; i < std::min(kHandshakesInFlight, links.size()); ++i)
        connectNext();
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!links.empty())
        loop.exec(); // until every handshake is done
    if (encrypted == links.size()) {
        running = true;
        if (started)
            started();
        startNs = clock.nsecsElapsed();
        for (auto& link : links)
            send(link);
        if (finished < links.size())
            loop.exec();
    }
    if (endNs == 0)
        endNs = clock.nsecsElapsed();
    result.seconds = static_cast<double>(endNs - startNs) / 1e9;
    for (auto& link : links)
        if (!link.done)
            ++result.failures;
    for (const auto& response : responses)
        if (responseCodeOf(Bytes(response.begin() + 2, response.end())) == "00")
            ++result.approved;
    return result;
}

} // namespace cardlink::test
