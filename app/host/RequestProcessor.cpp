#include "RequestProcessor.h"

#include "HostLog.h"
#include "TerminalConnection.h"
#include "iso8583/CardLinkProfile.h"
#include "iso8583/MessageCodec.h"

namespace cardlink::host {

RequestProcessor::RequestProcessor(SqliteHostStore& store, AuthorizationEngine& engine,
                                   QObject* parent)
    : QObject(parent), m_store(store), m_engine(engine), m_engineContext(new QObject)
{
    m_engineThread.setObjectName(kEngineThreadName); // also the thread's name in /proc
    m_engineContext->moveToThread(&m_engineThread);
    connect(&m_engineThread, &QThread::finished, m_engineContext, &QObject::deleteLater);
    m_engineThread.start();
}

RequestProcessor::~RequestProcessor()
{
    m_engineThread.quit();
    m_engineThread.wait();
}

void RequestProcessor::process(TerminalConnection* connection, const Bytes& request)
{
    if (connection->identity().channel == TerminalChannel::DialIn) {
        // A dial-in link has no certificate: the terminal is the one field 41
        // names, and the engine insists on a valid MAC under its DUKPT key.
        const iso8583::MessageCodec codec(iso8583::cardLinkProfile());
        auto message = codec.decode(request);
        const std::string* terminalId =
            message ? message->text(iso8583::field::kTerminalId) : nullptr;
        if (!terminalId) {
            connection->close("dial-in request without a readable field 41");
            return;
        }
        if (connection->identity().terminalId.empty())
            connection->setTerminalId(*terminalId);
        else if (connection->identity().terminalId != *terminalId) {
            connection->close("dial-in link changed its terminal id");
            return;
        }
    }
    ++m_inFlight;
    dispatch(connection, request, 1);
}

void RequestProcessor::dispatch(TerminalConnection* connection, Bytes request, int attempt)
{
    QMetaObject::invokeMethod(
        m_engineContext,
        [this, target = QPointer<TerminalConnection>(connection), identity = connection->identity(),
         request = std::move(request),
         attempt]() mutable { decide(target, std::move(identity), std::move(request), attempt); },
        Qt::QueuedConnection);
}

void RequestProcessor::decide(QPointer<TerminalConnection> target, TerminalIdentity identity,
                              Bytes request, int attempt)
{
    HostDecision decision;
    {
        // The request's reads (terminal, card, keys, accounts, stored
        // response) in one read transaction.
        SqliteHostStore::ReadScope reads(m_store);
        decision = m_engine.decide(request, identity);
    }
    if (decision.disposition == Disposition::Close || !decision.unit) {
        QMetaObject::invokeMethod(
            this,
            [this, target, decision = std::move(decision)] { finish(target.data(), decision); },
            Qt::QueuedConnection);
        return;
    }
    // The unit goes to the writer; the rest of the decision (answer, log
    // lines) waits for its outcome. Moved, not copied: a unit holds the
    // stored response and the postings.
    std::vector<CommitUnit> units;
    units.push_back(std::move(*decision.unit));
    decision.unit.reset();
    m_store.commitAsync(std::move(units), [this, target, decision = std::move(decision),
                                           request = std::move(request), attempt](
                                              Result<std::vector<CommitStatus>> result) mutable {
        // On the writer thread: back to the event loop with the outcome.
        QMetaObject::invokeMethod(
            this,
            [this, target, decision = std::move(decision), request = std::move(request), attempt,
             result = std::move(result)]() mutable {
                completed(target.data(), std::move(decision), std::move(request), attempt,
                          std::move(result));
            },
            Qt::QueuedConnection);
    });
}

void RequestProcessor::completed(TerminalConnection* connection, HostDecision decision,
                                 Bytes request, int attempt,
                                 Result<std::vector<CommitStatus>> result)
{
    if (!connection) { // the terminal went away; the unit stands
        if (--m_inFlight == 0)
            emit idle();
        return;
    }
    // The host's own failure: 96, nothing stored (docs/host.md).
    if (!result || result->size() != 1 || result->front() == CommitStatus::Rejected) {
        decision = m_engine.systemMalfunction(
            request, connection->identity(),
            "store: " + (result ? std::string(commitStatusName(
                                      result->empty() ? CommitStatus::Rejected : result->front()))
                                : result.error().describe()));
    } else if (result->front() == CommitStatus::Conflict) {
        if (attempt < AuthorizationEngine::kMaxAttempts) {
            dispatch(connection, std::move(request), attempt + 1);
            return;
        }
        decision = m_engine.systemMalfunction(request, connection->identity(),
                                              "store: still conflicting after retries");
    }
    finish(connection, decision);
}

void RequestProcessor::finish(TerminalConnection* connection, const HostDecision& decision)
{
    if (connection) {
        if (!decision.log.empty()) { // most answers log nothing: no string built for them
            const std::string& id = connection->identity().terminalId;
            const std::string who = "terminal " + (id.empty() ? std::string("?") : id);
            for (const auto& line : decision.log)
                hostLog(who + ": " + line);
        }
        if (decision.disposition == Disposition::Close) {
            connection->close("request refused");
        } else {
            connection->respond(decision.response);
            ++m_answered;
        }
    }
    if (--m_inFlight == 0)
        emit idle();
}

} // namespace cardlink::host
