// bench_host: durable authorizations per second and latency (p50, p99) of
// the real cardlink-host process over loopback TLS at 1, 50 and 500
// concurrent terminals. Each request is a genuine 0200 (EMV kernel +
// simulated card, made before timing); each answer leaves the host only after
// its ledger postings are committed (SQLite WAL, synchronous=FULL, group
// commit). Prints the figures and the machine; asserts nothing.
#include "LoadSetup.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSysInfo>
#include <QThread>

#include <cstdio>

using namespace cardlink::test;

namespace {
struct Level
{
    unsigned terminals;
    unsigned perTerminal;
};
constexpr Level kLevels[] = {{1, 400}, {50, 40}, {500, 10}};

QString cpuModel()
{
    QFile file("/proc/cpuinfo");
    file.open(QIODevice::ReadOnly);
    const auto match = QRegularExpression("model name\\s*:\\s*(.*)").match(file.readAll());
    return match.hasMatch() ? match.captured(1).trimmed() : QString("unknown CPU");
}

QString loadAverage()
{
    QFile file("/proc/loadavg");
    file.open(QIODevice::ReadOnly);
    return QString::fromUtf8(file.readAll()).section(' ', 0, 2);
}
} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    std::printf("bench_host: machine %s, %d CPUs, %s, load average %s, build %s\n",
                qPrintable(cpuModel()), QThread::idealThreadCount(),
                qPrintable(QSysInfo::prettyProductName()), qPrintable(loadAverage()),
#ifdef NDEBUG
                "optimised"
#else
                "debug (-O0)"
#endif
    );
    // Terminal i's requests in the order they are sent over the three levels,
    // so each card's ATC rises as the host sees it.
    unsigned most = 0;
    for (const Level& level : kLevels)
        most = std::max(most, level.terminals);
    std::vector<unsigned> counts(most, 0);
    for (const Level& level : kLevels)
        for (unsigned t = 0; t < level.terminals; ++t)
            counts[t] += level.perTerminal;
    std::printf("preparing %u terminals and their requests...\n", most);
    std::fflush(stdout);
    auto setup = LoadSetup::make(counts, 100);
    if (!setup) {
        std::fprintf(stderr, "bench_host: setup failed\n");
        return 1;
    }
    std::printf("prepared in %.1f s\n", setup->preparationSeconds);
    HostProcess host(*setup->directory);
    if (!host.start()) {
        std::fprintf(stderr, "bench_host: host did not start\n%s", qPrintable(host.log()));
        return 1;
    }
    std::vector<std::size_t> used(most, 0);
    std::printf("%-10s %10s %12s %10s %10s %8s %14s\n", "terminals", "auths", "auth/s", "p50 ms",
                "p99 ms", "errors", "host CPU/auth");
    for (const Level& level : kLevels) {
        std::vector<LoadDriver::Terminal> terminals;
        for (unsigned t = 0; t < level.terminals; ++t) {
            LoadDriver::Terminal terminal;
            terminal.bundle = setup->terminals[t].bundle;
            const auto& all = setup->terminals[t].requests;
            const auto begin = all.begin() + static_cast<std::ptrdiff_t>(used[t]);
            terminal.requests.assign(begin, begin + level.perTerminal);
            used[t] += level.perTerminal;
            terminals.push_back(std::move(terminal));
        }
        const double cpuBefore = host.cpuSeconds();
        const auto result = LoadDriver::run(host.tlsPort(), terminals, 600000);
        const double cpuPerAuth =
            result.answered ? (host.cpuSeconds() - cpuBefore) / result.answered * 1e6 : 0;
        std::printf(
            "%-10u %10llu %12.0f %10.2f %10.2f %8llu %11.0f us\n", level.terminals,
            static_cast<unsigned long long>(result.answered), result.perSecond(),
            result.percentile(50), result.percentile(99),
            static_cast<unsigned long long>(result.failures + (result.answered - result.approved)),
            cpuPerAuth);
        std::fflush(stdout);
    }
    host.stop();
    const QString log = host.log();
    const auto stopped = QRegularExpression("stopped: .*").match(log);
    std::printf("host: %s\n", stopped.hasMatch() ? qPrintable(stopped.captured(0)) : "?");
    std::printf("(the load generator runs on the same 2 CPUs; host CPU/auth includes TLS, the\n"
                " engine, SQLite reads and the group-committing writer)\n");
    return 0;
}
