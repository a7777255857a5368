#pragma once

#include "HostAuthorizer.h"
#include "Journal.h"
#include "emv/TransactionOutcome.h"

#include <QString>

#include <mutex>
#include <optional>

namespace cardlink::terminal {

// Keeps the journal in step with a sale. It sits in front of the host
// (a HostAuthorizer decorator): before a request goes to the host the sale
// is in the journal as Pending — if that write fails, nothing is sent and
// the kernel sees "unable to go online" — and the host's decision is written
// when it answers. finish() writes the final state after the card's last
// GENERATE AC; a sale that never went online is added there.
class SaleRecorder final : public HostAuthorizer
{
public:
    SaleRecorder(HostAuthorizer& host, Journal& journal) : m_host(host), m_journal(journal) {}

    // UI thread, before the kernel starts.
    void begin(int stan, qint64 amount, const QString& currency);
    // Worker thread.
    emv::OnlineResponse authorize(const emv::OnlineRequest& request) override;
    // UI thread, after the kernel ended.
    Result<void> finish(const Result<emv::TransactionOutcome>& result);

private:
    JournalRecord recordOf(const emv::TransactionData& data) const;

    HostAuthorizer& m_host;
    Journal& m_journal;
    std::mutex m_mutex;
    int m_stan = 0;
    qint64 m_amount = 0;
    QString m_currency;
    std::optional<qint64> m_recordId;
};

} // namespace cardlink::terminal
