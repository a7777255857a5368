#pragma once

#include "SqliteHostStore.h"
#include "host/AuthorizationEngine.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <cstdint>

namespace cardlink::host {

class TerminalConnection;

// Runs a terminal's request through core's AuthorizationEngine on a thread
// of its own ("host-engine": decide() only reads, in one read transaction),
// hands the decision's CommitUnit to the store's group commit without
// blocking, and sends the response from the event loop when the commit is
// durable: Conflict decides again, a store failure is answered 96 (nothing
// stored). So the event loop's thread carries only TLS and framing, the
// engine thread the decisions and the writer thread the commits: three
// stages that run at once on a machine with more than one CPU. Many requests
// are in the writer's queue at once; that is where the group commit gets its
// groups from. A terminal has one request in work at a time
// (TerminalConnection), so its answers keep their order.
class RequestProcessor : public QObject
{
    Q_OBJECT

public:
    RequestProcessor(SqliteHostStore& store, AuthorizationEngine& engine,
                     QObject* parent = nullptr);
    ~RequestProcessor() override; // stops the engine thread

    // On the event loop's thread, as everything below but decide().
    void process(TerminalConnection* connection, const Bytes& request);
    // Requests in work: being decided or waiting for their commit.
    int inFlight() const { return m_inFlight; }
    std::uint64_t answered() const { return m_answered; }

    static constexpr const char* kEngineThreadName = "host-engine";

signals:
    void idle(); // inFlight() dropped to zero

private:
    // Queues the request for the engine thread.
    void dispatch(TerminalConnection* connection, Bytes request, int attempt);
    // On the engine thread: decide, then commit or answer at once.
    void decide(QPointer<TerminalConnection> target, TerminalIdentity identity, Bytes request,
                int attempt);
    // The writer's outcome for the unit of `decision`, back on the event loop;
    // connection is null when the terminal went away meanwhile.
    void completed(TerminalConnection* connection, HostDecision decision, Bytes request,
                   int attempt, Result<std::vector<CommitStatus>> result);
    void finish(TerminalConnection* connection, const HostDecision& decision);

    SqliteHostStore& m_store;
    AuthorizationEngine& m_engine;
    QThread m_engineThread;
    QObject* m_engineContext; // lives on m_engineThread, deleted when it ends
    int m_inFlight = 0;
    std::uint64_t m_answered = 0;
};

} // namespace cardlink::host
