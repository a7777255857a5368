#include "ServeCommand.h"

#include "DukptMessageSecurity.h"
#include "DukptPinVerifier.h"
#include "HostContext.h"
#include "HostFiles.h"
#include "HostLog.h"
#include "HostServer.h"
#include "RequestProcessor.h"
#include "util/Clock.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/signalfd.h>
#include <unistd.h>

namespace cardlink::host {

namespace {
sigset_t stopSignals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    return set;
}
} // namespace

const char* ServeCommand::usage()
{
    return "usage: cardlink-host serve (--config FILE | --dir DIR) [--port-file FILE]\n"
           "Runs the TLS listener (TLS 1.3, client certificate of the terminal CA) and the\n"
           "dial-in listener (plain TCP, DUKPT MAC required) of host.json. Logs to stderr.\n"
           "SIGTERM/SIGINT: stop accepting, finish the commits in flight, exit 0.\n"
           "--port-file: write \"TLSPORT DIALINPORT\" there once listening (port 0 in\n"
           "host.json picks a free port).\n";
}

int ServeCommand::run(const std::vector<std::string>& arguments, std::FILE* out, std::FILE* err)
{
    CommandArguments args;
    if (auto problem =
            CommandArguments::parse(arguments, {"--config", "--dir", "--port-file"}, {}, args)) {
        std::fprintf(err, "cardlink-host serve: %s\n%s", problem->c_str(), usage());
        return 2;
    }
    if (args.wantsHelp()) {
        std::fputs(usage(), out);
        return 0;
    }
    // Before the store starts its writer thread, so that only the event
    // loop's signalfd sees the stop signals.
    const sigset_t stopSet = stopSignals();
    pthread_sigmask(SIG_BLOCK, &stopSet, nullptr);
    const int signalFd = ::signalfd(-1, &stopSet, SFD_NONBLOCK | SFD_CLOEXEC);

    auto context = HostContext::open(args);
    if (!context || signalFd < 0) {
        std::fprintf(err, "cardlink-host serve: %s\n",
                     context ? "signalfd failed" : context.error().describe().c_str());
        return context || context.error().code != ErrorCode::InvalidArgument ? 1 : 2;
    }
    int argc = 1;
    char name[] = "cardlink-host";
    char* argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);
    SystemClock clock;
    DukptPinVerifier pins(*context->store);
    DukptMessageSecurity security(*context->store);
    AuthorizationEngine engine(*context->store, clock, &pins, &security);
    RequestProcessor processor(*context->store, engine);
    HostServer server(context->config, *context->store, processor);
    if (auto listening = server.listen(); !listening) {
        std::fprintf(err, "cardlink-host serve: %s\n", listening.error().describe().c_str());
        return 1;
    }
    if (args.has("--port-file")) {
        const std::string ports =
            std::to_string(server.tlsPort()) + " " + std::to_string(server.dialInPort()) + "\n";
        if (auto ok = writeTextFile(args.value("--port-file"), ports); !ok) {
            std::fprintf(err, "cardlink-host serve: %s\n", ok.error().describe().c_str());
            return 1;
        }
    }
    QSocketNotifier notifier(signalFd, QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, &server, [&] {
        signalfd_siginfo info{};
        if (::read(signalFd, &info, sizeof info) == static_cast<ssize_t>(sizeof info))
            hostLog("signal " + std::to_string(info.ssi_signo) + ": shutting down");
        server.shutdown();
    });
    QObject::connect(&server, &HostServer::drained, &app, [] {
        // Let the closing links flush, then leave the loop.
        QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    });
    const int code = app.exec();
    const auto stats = context->store->commitStats();
    hostLog("stopped: " + std::to_string(processor.answered()) + " answers, " +
            std::to_string(stats.units) + " units in " + std::to_string(stats.transactions) +
            " commits");
    ::close(signalFd);
    return code;
}

} // namespace cardlink::host
