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
struct Link
{
    std::unique_ptr<QSslSocket> socket;
    const LoadDriver::Terminal* terminal = nullptr;
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
                                   int timeoutMs)
{
    Result result;
    std::vector<Bytes> responses;
    std::vector<Link> links(terminals.size());
    QEventLoop loop;
    QElapsedTimer clock;
    clock.start();
    std::size_t encrypted = 0;
    std::size_t finished = 0;
    bool running = false;
    qint64 startNs = 0;
    qint64 endNs = 0;

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
        if (link.next >= link.terminal->requests.size()) {
            finish(link, false);
            return;
        }
        link.sentAtNs = clock.nsecsElapsed();
        link.socket->write(framed(link.terminal->requests[link.next++]));
    };
    for (std::size_t i = 0; i < links.size(); ++i) {
        Link& link = links[i];
        link.terminal = &terminals[i];
        link.socket = std::make_unique<QSslSocket>();
        TlsTerminal::configure(*link.socket, terminals[i].bundle);
        QSslSocket* socket = link.socket.get();
        QObject::connect(socket, &QSslSocket::encrypted, &loop, [&] {
            if (++encrypted == links.size())
                loop.quit();
        });
        QObject::connect(socket, &QSslSocket::disconnected, &loop,
                         [&link, &finish] { finish(link, true); });
        QObject::connect(socket, &QSslSocket::readyRead, &loop, [&, socket, &link = link] {
            link.buffer.append(socket->readAll());
            while (link.buffer.size() >= 2) {
                const int length = (static_cast<quint8>(link.buffer[0]) << 8) |
                                   static_cast<quint8>(link.buffer[1]);
                if (link.buffer.size() < 2 + length)
                    break;
                const Bytes response(link.buffer.begin() + 2, link.buffer.begin() + 2 + length);
                link.buffer.remove(0, 2 + length);
                result.latencyMs.push_back(
                    static_cast<double>(clock.nsecsElapsed() - link.sentAtNs) / 1e6);
                ++result.answered;
                responses.push_back(response); // decoded after the timed part
                if (running)
                    send(link);
            }
        });
        socket->connectToHostEncrypted("127.0.0.1", port);
    }
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!links.empty())
        loop.exec(); // until every handshake is done
    if (encrypted == links.size()) {
        running = true;
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
        if (responseCodeOf(response) == "00")
            ++result.approved;
    return result;
}

} // namespace cardlink::test
