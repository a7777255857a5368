#include "BatchController.h"

#include "AmountEntry.h"
#include "HostLinkAuthorizer.h"
#include "TerminalBundle.h"
#include "TerminalState.h"

#include <QThread>

#include <memory>

namespace cardlink::terminal {

BatchController::BatchController(int currencyExponent, QString currencyAlpha,
                                 std::string currencyCode, QObject* parent)
    : QObject(parent), m_exponent(currencyExponent), m_currencyAlpha(std::move(currencyAlpha)),
      m_currencyCode(std::move(currencyCode))
{}

BatchController::~BatchController()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void BatchController::setHost(HostLinkAuthorizer* host)
{
    m_host = host;
    refresh();
}

void BatchController::setJournal(journal::Journal* journal)
{
    m_journal = journal;
    refresh();
}

void BatchController::setState(State state)
{
    m_state = state;
    emit changed();
}

bool BatchController::canClose() const
{
    return m_host && m_journal && !m_thread && m_state != State::Unavailable &&
           m_summary.unresolved == 0;
}

void BatchController::refresh()
{
    if (m_thread)
        return;
    m_error.clear();
    m_hostTotals.reset();
    if (!m_host || !m_journal) {
        m_error = !m_host ? tr("No host link is set up: choose a terminal bundle in Settings.")
                          : tr("The journal could not be opened.");
        setState(State::Unavailable);
        return;
    }
    auto batch = link::TerminalState(m_host->bundle().stateFile()).currentBatch();
    auto summary = batch ? journal::BatchSummary::of(*m_journal, *batch)
                         : Result<journal::BatchSummary>(batch.error());
    if (!summary) {
        m_error = QString::fromStdString(summary.error().describe());
        setState(State::Unavailable);
        return;
    }
    m_summary = *summary;
    m_openBatch = m_summary.batch;
    setState(State::Ready);
}

void BatchController::journalChanged()
{
    if (m_state == State::Ready || m_state == State::Unavailable)
        refresh();
}

bool BatchController::closeBatch()
{
    if (!canClose())
        return false;
    QPointer<HostLinkAuthorizer> host = m_host;
    journal::Journal* journal = m_journal;
    const std::string currency = m_currencyCode;
    m_thread = QThread::create([this, host, journal, currency] {
        auto outcome = std::make_shared<Result<link::BatchCloser::Outcome>>(
            host ? host->closeBatch(*journal, currency)
                 : Result<link::BatchCloser::Outcome>(
                       makeError(ErrorCode::NotFound, "the host link went away")));
        QMetaObject::invokeMethod(
            this, [this, outcome] { onClosed(*outcome); }, Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("batch-close"));
    m_thread->start();
    setState(State::Running);
    return true;
}

void BatchController::onClosed(const Result<link::BatchCloser::Outcome>& outcome)
{
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    if (!outcome) {
        m_error = QString::fromStdString(outcome.error().describe());
        setState(State::Failed);
        emit finished(m_state);
        return;
    }
    m_summary = outcome->terminal;
    m_hostTotals = outcome->host;
    m_openBatch = outcome->openBatch;
    using Kind = link::BatchCloser::Outcome::Kind;
    switch (outcome->kind) {
    case Kind::Closed:
        setState(State::Closed);
        break;
    case Kind::Mismatch:
        setState(State::Mismatch);
        break;
    case Kind::Refused:
        m_error = tr("The host refused the batch totals (code %1).")
                      .arg(QString::fromStdString(outcome->responseCode));
        setState(State::Failed);
        break;
    }
    emit finished(m_state);
}

QString BatchController::totalsText(const host::BatchTotals& totals) const
{
    const auto money = [this](qint64 minor) {
        return AmountEntry::format(minor, m_exponent) + QLatin1Char(' ') + m_currencyAlpha;
    };
    const QString sales =
        totals.debitCount == 1
            ? tr("1 sale %1").arg(money(totals.debitAmount))
            : tr("%1 sales %2").arg(totals.debitCount).arg(money(totals.debitAmount));
    const QString reversals =
        totals.reversalCount == 1
            ? tr("1 reversal %1").arg(money(totals.reversalAmount))
            : tr("%1 reversals %2").arg(totals.reversalCount).arg(money(totals.reversalAmount));
    return sales + QStringLiteral(", ") + reversals;
}

QString BatchController::batchText() const
{
    if (m_state == State::Unavailable)
        return {};
    return tr("Batch %1").arg(m_summary.batch);
}

QString BatchController::terminalTotals() const
{
    return m_state == State::Unavailable ? QString() : totalsText(m_summary.totals);
}

QString BatchController::hostTotals() const
{
    return m_hostTotals ? totalsText(*m_hostTotals) : QString();
}

QString BatchController::title() const
{
    switch (m_state) {
    case State::Ready:
        return tr("Close batch %1?").arg(m_summary.batch);
    case State::Unavailable:
        return tr("Batch close is not available");
    case State::Running:
        return tr("Sending the batch totals to the host…");
    case State::Closed:
        return tr("Batch %1 closed").arg(m_summary.batch);
    case State::Mismatch:
        return tr("Batch %1 does not balance").arg(m_summary.batch);
    case State::Failed:
        return tr("Batch %1 not closed").arg(m_summary.batch);
    }
    return {};
}

QString BatchController::detail() const
{
    switch (m_state) {
    case State::Ready:
        return m_summary.unresolved > 0
                   ? tr("Sales still waiting for a reversal or advice: %1. The batch can be "
                        "closed once the terminal has sent them.")
                         .arg(m_summary.unresolved)
                   : tr("The totals below go to the host, which compares them with its own.");
    case State::Unavailable:
    case State::Failed:
        return m_error;
    case State::Running:
        return {};
    case State::Closed:
        return tr("The host's totals agree. New sales go into batch %1.").arg(m_openBatch);
    case State::Mismatch:
        return tr("The host's totals differ from the terminal's. The batch stays open: "
                  "check the journal with the host's report before closing it again.");
    }
    return {};
}

} // namespace cardlink::terminal
