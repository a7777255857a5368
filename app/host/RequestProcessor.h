#pragma once

#include "SqliteHostStore.h"
#include "host/AuthorizationEngine.h"

#include <QObject>

#include <cstdint>

namespace cardlink::host {

class TerminalConnection;

// Runs a terminal's request through core's AuthorizationEngine on the event
// loop (decide() only reads, and is fast), hands the decision's CommitUnit
// to the store's group commit without blocking, and sends the response when
// the commit is durable: Conflict decides again, a store failure is answered
// 96 (nothing stored). Many requests are in the writer's queue at once; that
// is where the group commit gets its groups from.
class RequestProcessor : public QObject
{
    Q_OBJECT

public:
    RequestProcessor(SqliteHostStore& store, AuthorizationEngine& engine,
                     QObject* parent = nullptr);

    void process(TerminalConnection* connection, const Bytes& request);
    // Requests decided and waiting for their commit.
    int inFlight() const { return m_inFlight; }
    std::uint64_t answered() const { return m_answered; }

signals:
    void idle(); // inFlight() dropped to zero

private:
    void attempt(TerminalConnection* connection, Bytes request, int attempt);
    // The writer's outcome for the unit of `decision`, back on the event loop;
    // connection is null when the terminal went away meanwhile.
    void completed(TerminalConnection* connection, HostDecision decision, Bytes request,
                   int attempt, Result<std::vector<CommitStatus>> result);
    void finish(TerminalConnection* connection, const HostDecision& decision, const Bytes& request);

    SqliteHostStore& m_store;
    AuthorizationEngine& m_engine;
    int m_inFlight = 0;
    std::uint64_t m_answered = 0;
};

} // namespace cardlink::host
