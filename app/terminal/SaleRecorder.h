#pragma once

#include "OnlineHost.h"
#include "emv/TransactionOutcome.h"
#include "journal/Journal.h"

#include "HostAuthorizer.h"

#include <memory>
#include <mutex>
#include <optional>

namespace cardlink::terminal {

class HostLinkAuthorizer;

// Keeps the journal (core/journal, docs/journal.md) in step with a sale.
// On the real link it observes link::HostAuthorizer: the built 0200 is
// written Pending (scrubbed request, sealed card) before anything leaves —
// if that write fails nothing is sent — then Sent when the link is up,
// Authorized or Declined with the host's answer (a OnlineHost
// decorator), Reversed when a lost answer was reversed, and after the
// card's second GENERATE AC Completed (TC, or AAC after a host approval,
// which recovery reverses). An offline approval is written Completed with
// its 0220 for recovery to advise. With the stub host (no bundle) the sale
// is written once at the end, without a request.
class SaleRecorder final : public OnlineHost, public link::HostAuthorizer::Observer
{
public:
    SaleRecorder(OnlineHost& host, journal::Journal& journal) : m_host(host), m_journal(journal) {}

    // UI thread: the real link (null: the stub host).
    void setLink(std::shared_ptr<HostLinkAuthorizer> link);
    // UI thread, before the kernel starts.
    void begin();
    // Worker thread.
    emv::OnlineResponse authorize(const emv::OnlineRequest& request) override;
    Result<void> requestBuilt(const iso8583::Message& request) override;
    void requestSending() override;
    void requestNotSent() override;
    void reversing(const online::MessageStamp& stamp) override;
    void reversed() override;
    // UI thread, after the kernel ended.
    Result<void> finish(const Result<emv::TransactionOutcome>& result);

    // The sale's record as last written (none before the first write).
    std::optional<journal::JournalRecord> record() const;
    // The sale in progress: recovery leaves its record alone.
    bool isActive(std::int64_t recordId) const;

private:
    Result<void> write(const journal::JournalRecord& record);
    Result<void> finishOnline(journal::JournalRecord record,
                              const emv::TransactionOutcome* outcome);
    // The record of a sale the link did not journal (offline, stub host);
    // `replaces`: the id of a Pending record whose request never left.
    Result<void> finishUnjournaled(const emv::TransactionOutcome& outcome,
                                   std::int64_t replaces = 0);

    OnlineHost& m_host;
    journal::Journal& m_journal;
    std::shared_ptr<HostLinkAuthorizer> m_link;
    mutable std::mutex m_mutex;
    std::optional<journal::JournalRecord> m_record;
    bool m_active = false;
    bool m_sent = false;
};

} // namespace cardlink::terminal
