// bench_host: durable authorizations per second and latency (p50, p99) of
// the real cardlink-host process over loopback TLS at 1, 50 and 500
// concurrent terminals. Each request is a genuine 0200 (EMV kernel +
// simulated card, made before timing); each answer leaves the host only after
// its ledger postings are committed (SQLite WAL, synchronous=FULL, group
// commit). Prints the figures and the machine; asserts nothing.
//
// Options: --scale N multiplies the requests per terminal (default 1);
// --pin puts the host on CPU 0 and this load generator on CPU 1
// (sched_setaffinity), so the two do not take turns on one CPU;
// --only T runs only the level with T terminals (1, 50 or 500; for profiling).
#include "LoadSetup.h"
#include "RequestProcessor.h"
#include "SqliteCommitWriter.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSysInfo>
#include <QThread>

#include <sched.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <cstring>

using namespace cardlink::test;

namespace {
struct Level
{
    unsigned terminals;
    unsigned perTerminal;
};
constexpr Level kLevels[] = {{1, 500}, {50, 100}, {500, 20}};

// CPU time (user + system) of this process so far, in seconds.
double ownCpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

bool pinTo(int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return sched_setaffinity(0, sizeof set, &set) == 0;
}

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
    // The load generator on Qt's poll() event loop, as the host (app/host/main.cpp).
    qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    unsigned scale = 1;
    bool pin = false;
    unsigned only = 0;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--pin") == 0)
            pin = true;
        else if (std::strcmp(argv[i], "--scale") == 0 && i + 1 < argc)
            scale = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
        else if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc &&
                 std::any_of(std::begin(kLevels), std::end(kLevels), [&](const Level& level) {
                     return level.terminals == static_cast<unsigned>(std::atoi(argv[i + 1]));
                 }))
            only = static_cast<unsigned>(std::atoi(argv[++i]));
        else {
            std::fprintf(stderr, "usage: bench_host [--scale N] [--pin] [--only 1|50|500]\n");
            return 2;
        }
    }
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
    const auto runs = [&](const Level& level) {
        return only == 0 || level.terminals == only;
    };
    unsigned most = 0;
    for (const Level& level : kLevels)
        if (runs(level))
            most = std::max(most, level.terminals);
    std::vector<unsigned> counts(most, 0);
    for (const Level& level : kLevels)
        if (runs(level))
            for (unsigned t = 0; t < level.terminals; ++t)
                counts[t] += level.perTerminal * scale;
    std::printf("preparing %u terminals and their requests...\n", most);
    std::fflush(stdout);
    auto setup = LoadSetup::make(counts, 100);
    if (!setup) {
        std::fprintf(stderr, "bench_host: setup failed\n");
        return 1;
    }
    std::printf("prepared in %.1f s\n", setup->preparationSeconds);
    HostProcess host(*setup->directory);
    // The host inherits the affinity it is started with (all its threads).
    if (pin && QThread::idealThreadCount() >= 2 && !pinTo(0))
        pin = false;
    if (!host.start()) {
        std::fprintf(stderr, "bench_host: host did not start\n%s", qPrintable(host.log()));
        return 1;
    }
    if (pin)
        pin = pinTo(1);
    std::printf("%s\n", pin ? "pinned: host on CPU 0, load generator on CPU 1"
                            : "not pinned: host and load generator share the CPUs");
    std::fflush(stdout);
    std::vector<std::size_t> used(most, 0);
    std::printf("%-10s %8s %10s %9s %9s %7s %14s %12s %12s %14s\n", "terminals", "auths", "auth/s",
                "p50 ms", "p99 ms", "errors", "host CPU/auth", "of it engine", "writer",
                "gen. CPU/auth");
    for (const Level& level : kLevels) {
        if (!runs(level))
            continue;
        std::vector<LoadDriver::Terminal> terminals;
        for (unsigned t = 0; t < level.terminals; ++t) {
            LoadDriver::Terminal terminal;
            terminal.bundle = setup->terminals[t].bundle;
            const auto& all = setup->terminals[t].requests;
            const auto begin = all.begin() + static_cast<std::ptrdiff_t>(used[t]);
            terminal.requests.assign(begin, begin + level.perTerminal * scale);
            used[t] += level.perTerminal * scale;
            terminals.push_back(std::move(terminal));
        }
        // CPU from the end of the TLS handshakes (not timed) to the last answer.
        double hostBefore = 0;
        double writerBefore = 0;
        double engineBefore = 0;
        double ownBefore = 0;
        double hostAfter = 0;
        double writerAfter = 0;
        double engineAfter = 0;
        double ownAfter = 0;
        const auto result = LoadDriver::run(host.tlsPort(), terminals, 600000, [&] {
            hostBefore = host.cpuSeconds();
            writerBefore = host.threadCpuSeconds(cardlink::host::SqliteCommitWriter::kThreadName);
            engineBefore =
                host.threadCpuSeconds(cardlink::host::RequestProcessor::kEngineThreadName);
            ownBefore = ownCpuSeconds();
        });
        hostAfter = host.cpuSeconds();
        writerAfter = host.threadCpuSeconds(cardlink::host::SqliteCommitWriter::kThreadName);
        engineAfter = host.threadCpuSeconds(cardlink::host::RequestProcessor::kEngineThreadName);
        ownAfter = ownCpuSeconds();
        const auto perAuth = [&](double seconds) {
            return result.answered ? seconds / static_cast<double>(result.answered) * 1e6 : 0;
        };
        std::printf(
            "%-10u %8llu %10.0f %9.2f %9.2f %7llu %11.0f us %9.0f us %9.0f us %11.0f us\n",
            level.terminals, static_cast<unsigned long long>(result.answered), result.perSecond(),
            result.percentile(50), result.percentile(99),
            static_cast<unsigned long long>(result.failures + (result.answered - result.approved)),
            perAuth(hostAfter - hostBefore), perAuth(engineAfter - engineBefore),
            perAuth(writerAfter - writerBefore), perAuth(ownAfter - ownBefore));
        std::fflush(stdout);
        (void)host.log(); // drain the host's stderr pipe so its log writes never block
    }
    host.stop();
    const QString log = host.log();
    const auto stopped = QRegularExpression("stopped: .*").match(log);
    std::printf("host: %s\n", stopped.hasMatch() ? qPrintable(stopped.captured(0)) : "?");
    std::printf("(CPU per authorization from the end of the TLS handshakes to the last answer.\n"
                " The host's includes its event loop (TLS records, framing), the engine\n"
                " thread (decisions, SQLite reads) and the group-committing writer thread\n"
                " with its fsyncs; the two threads are also shown apart. gen. = this load\n"
                " generator, on OpenSSL + epoll)\n");
    return 0;
}
