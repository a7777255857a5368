#pragma once

#include "BatchCloser.h"
#include "HostAuthorizer.h"
#include "JournalRecovery.h"
#include "OnlineHost.h"
#include "iso8583/Message.h"

#include <QObject>
#include <QString>

#include <memory>
#include <mutex>

namespace cardlink::journal {
class Journal;
}

namespace cardlink::terminal {

// The GUI's host over the real link (app/link): the kernel's online request
// goes to link::HostAuthorizer (ISO 8583 over TLS 1.3, reversal of a lost
// answer). Reports what happened as signals, which arrive queued on the
// object's (UI) thread: each link log line, and the link's state after each
// exchange. authorize() runs on the kernel's worker thread, echo() on any
// thread; one exchange at a time.
class HostLinkAuthorizer final : public QObject, public OnlineHost
{
    Q_OBJECT

public:
    explicit HostLinkAuthorizer(link::TerminalBundle bundle, QObject* parent = nullptr);
    ~HostLinkAuthorizer() override;

    emv::OnlineResponse authorize(const emv::OnlineRequest& request) override;

    struct EchoResult
    {
        bool ok = false;
        QString responseCode;
        double roundTripMs = 0;
        QString error;
    };
    EchoResult echo();

    QString terminalId() const;
    QString hostName() const;
    const link::TerminalBundle& bundle() const;

    // Follows every authorize() (the SaleRecorder journals with it). Set on
    // the UI thread before sales start.
    void setObserver(link::HostAuthorizer::Observer* observer);
    // The 0220 advice of an offline approval, under the next STAN of the
    // terminal state (secured when recovery sends it). Any thread.
    Result<iso8583::Message> offlineAdvice(const emv::TransactionData& data);
    // Sends what the journal's unresolved records need (link::JournalRecovery),
    // one exchange at a time with sales and echoes; any thread.
    Result<link::JournalRecovery::Summary> recover(journal::Journal& journal,
                                                   const link::JournalRecovery::Skip& skip);
    // Batch close (link::BatchCloser): the open batch's totals in a 0500,
    // one exchange at a time with the rest; any thread.
    Result<link::BatchCloser::Outcome> closeBatch(const journal::Journal& journal,
                                                  const std::string& currencyCode);

signals:
    void logged(const QString& event);
    // reachable: the host answered the last exchange; error: why not.
    void linkChecked(bool reachable, const QString& error);

private:
    std::mutex m_mutex;
    std::unique_ptr<link::HostAuthorizer> m_link;
    link::HostAuthorizer::Observer* m_observer = nullptr;
};

} // namespace cardlink::terminal
