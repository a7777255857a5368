#pragma once

#include "BatchCloser.h"
#include "journal/BatchSummary.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <optional>
#include <string>

class QThread;

namespace cardlink::journal {
class Journal;
}

namespace cardlink::terminal {

class HostLinkAuthorizer;

// Batch close for the operator (Settings -> Close batch): the open batch's
// totals from the journal, the 0500 to the host on a thread of its own
// (link::BatchCloser), and the result in words — closed and the next batch
// open, or out of balance with the terminal's and the host's totals side by
// side and the batch still open.
class BatchController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Terminal")
    Q_PROPERTY(State state READ state NOTIFY changed)
    Q_PROPERTY(bool canClose READ canClose NOTIFY changed)
    Q_PROPERTY(QString batchText READ batchText NOTIFY changed)
    Q_PROPERTY(QString terminalTotals READ terminalTotals NOTIFY changed)
    Q_PROPERTY(QString hostTotals READ hostTotals NOTIFY changed)
    Q_PROPERTY(QString title READ title NOTIFY changed)
    Q_PROPERTY(QString detail READ detail NOTIFY changed)

public:
    enum class State { Ready, Unavailable, Running, Closed, Mismatch, Failed };
    Q_ENUM(State)

    // `currencyExponent` and `currencyAlpha` format the totals; `currencyCode`
    // (ISO 4217 numeric) goes into field 49.
    BatchController(int currencyExponent, QString currencyAlpha, std::string currencyCode,
                    QObject* parent = nullptr);
    ~BatchController() override;

    void setHost(HostLinkAuthorizer* host);
    void setJournal(journal::Journal* journal);

    State state() const { return m_state; }
    bool canClose() const;
    QString batchText() const;
    QString terminalTotals() const;
    QString hostTotals() const;
    QString title() const;
    QString detail() const;
    void retranslate() { emit changed(); }

    // Reads the open batch's totals again (Ready, or Unavailable and why).
    Q_INVOKABLE void refresh();
    // The journal changed (a sale, a recovery run): refresh() unless a close
    // result is on screen.
    void journalChanged();
    // Starts the 0500; finished() follows. False when it cannot start.
    Q_INVOKABLE bool closeBatch();

    // "3 sales 22.49 GBP, 1 reversal 9.99 GBP".
    QString totalsText(const host::BatchTotals& totals) const;

signals:
    void changed();
    void finished(cardlink::terminal::BatchController::State state);

private:
    void setState(State state);
    void onClosed(const Result<link::BatchCloser::Outcome>& outcome);

    int m_exponent;
    QString m_currencyAlpha;
    std::string m_currencyCode;
    QPointer<HostLinkAuthorizer> m_host;
    journal::Journal* m_journal = nullptr;
    State m_state = State::Unavailable;
    journal::BatchSummary m_summary;
    std::optional<host::BatchTotals> m_hostTotals;
    std::uint32_t m_openBatch = 0;
    QString m_error;
    QThread* m_thread = nullptr;
};

} // namespace cardlink::terminal
