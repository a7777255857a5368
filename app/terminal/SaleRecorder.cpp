#include "SaleRecorder.h"

#include "HostLinkAuthorizer.h"
#include "JournalEntry.h"
#include "journal/RecoveryPlanner.h"
#include "util/Bytes.h"

#include <QLoggingCategory>

namespace cardlink::terminal {

using journal::AuthorizationMode;
using journal::CryptogramKind;
using journal::JournalRecord;
using journal::JournalState;

namespace {
Q_LOGGING_CATEGORY(lcRecorder, "cardlink.journal")

std::string textOf(const Bytes& bytes)
{
    return std::string(bytes.begin(), bytes.end());
}

std::string textOf(const emv::TransactionData& data, tlv::Tag tag)
{
    const auto value = data.get(tag);
    return value ? std::string(value->begin(), value->end()) : std::string();
}

// EMV 4.4 Book 3, 6.5.5.4, Table 15: CID bits 8-7 give the cryptogram type.
CryptogramKind cryptogramOf(const emv::TransactionData& data)
{
    const auto cid = data.get(0x9F27);
    if (!cid || cid->empty())
        return CryptogramKind::None;
    switch ((*cid)[0] & 0xC0) {
    case 0x00:
        return CryptogramKind::Aac;
    case 0x40:
        return CryptogramKind::Tc;
    case 0x80:
        return CryptogramKind::Arqc;
    default:
        return CryptogramKind::None;
    }
}

// The card approved without the host: at the first GENERATE AC, or by the
// default action codes after the host could not be reached (Book 3, 10.7).
bool approvedOffline(const emv::TransactionOutcome& outcome)
{
    return outcome.kind == emv::OutcomeKind::ApprovedOffline ||
           (outcome.kind == emv::OutcomeKind::GoOnlineFailed && outcome.approved);
}
} // namespace

void SaleRecorder::setLink(std::shared_ptr<HostLinkAuthorizer> link)
{
    std::lock_guard lock(m_mutex);
    m_link = std::move(link);
}

void SaleRecorder::begin()
{
    std::lock_guard lock(m_mutex);
    m_record.reset();
    m_active = true;
    m_sent = false;
}

std::optional<JournalRecord> SaleRecorder::record() const
{
    std::lock_guard lock(m_mutex);
    return m_record;
}

bool SaleRecorder::isActive(std::int64_t recordId) const
{
    std::lock_guard lock(m_mutex);
    return m_active && m_record && m_record->id == recordId;
}

Result<void> SaleRecorder::write(const JournalRecord& record)
{
    auto written =
        journal::isFinalState(record.state) ? m_journal.finish(record) : m_journal.update(record);
    if (!written) {
        qCWarning(lcRecorder, "journal record %lld: %s", static_cast<long long>(record.id),
                  written.error().describe().c_str());
        return written;
    }
    m_record = record;
    return {};
}

Result<void> SaleRecorder::requestBuilt(const iso8583::Message& request)
{
    std::lock_guard lock(m_mutex);
    if (!m_link)
        return makeError(ErrorCode::InvalidArgument, "journal: no terminal bundle to seal with");
    auto record =
        link::JournalEntry::fromRequest(request, m_link->bundle(), AuthorizationMode::Online);
    if (!record)
        return record.error();
    record->state = JournalState::Pending;
    auto id = m_journal.begin(*record);
    if (!id)
        return id.error();
    record->id = *id;
    m_record = std::move(*record);
    return {};
}

void SaleRecorder::requestSending()
{
    std::lock_guard lock(m_mutex);
    m_sent = true;
    if (!m_record)
        return;
    JournalRecord record = *m_record;
    record.state = JournalState::Sent;
    (void)write(record);
}

void SaleRecorder::requestNotSent()
{
    std::lock_guard lock(m_mutex);
    m_sent = false;
}

void SaleRecorder::reversing(const online::MessageStamp& stamp)
{
    std::lock_guard lock(m_mutex);
    if (!m_record)
        return;
    // Journaled before the 0400 leaves: recovery repeats it as 0401 with
    // the same stamp if its answer is lost too.
    (void)write(journal::RecoveryPlanner::withReversalStamp(*m_record, stamp));
}

void SaleRecorder::reversed()
{
    std::lock_guard lock(m_mutex);
    if (!m_record)
        return;
    JournalRecord record = *m_record;
    record.state = JournalState::Reversed;
    (void)write(record);
}

emv::OnlineResponse SaleRecorder::authorize(const emv::OnlineRequest& request)
{
    emv::OnlineResponse response = m_host.authorize(request);
    std::lock_guard lock(m_mutex);
    // Nothing journaled (the stub host), or the answer was lost: the
    // record stays as the observer left it (Pending, Sent or Reversed).
    if (!m_record || !m_sent || response.decision == emv::OnlineDecision::UnableToGoOnline ||
        m_record->state != JournalState::Sent)
        return response;
    JournalRecord record = *m_record;
    record.arc = textOf(response.authorisationResponseCode);
    record.authCode = textOf(response.authorisationCode);
    record.state = response.decision == emv::OnlineDecision::Approved ? JournalState::Authorized
                                                                      : JournalState::Declined;
    (void)write(record);
    return response;
}

Result<void> SaleRecorder::finish(const Result<emv::TransactionOutcome>& result)
{
    std::lock_guard lock(m_mutex);
    m_active = false;
    if (m_record)
        return finishOnline(*m_record, result ? &*result : nullptr);
    if (!result || result->aid.empty())
        return {}; // no card application: nothing happened worth a record
    return finishUnjournaled(*result);
}

Result<void> SaleRecorder::finishOnline(JournalRecord record,
                                        const emv::TransactionOutcome* outcome)
{
    if (outcome) {
        record.aid = toHex(outcome->aid);
        record.cryptogram = cryptogramOf(outcome->data);
    }
    switch (record.state) {
    case JournalState::Pending:
        // The request never left the terminal.
        if (outcome && approvedOffline(*outcome) && record.cryptogram == CryptogramKind::Tc)
            return finishUnjournaled(*outcome, record.id);
        record.state = JournalState::Declined;
        return write(record);
    case JournalState::Authorized:
        // The card's second GENERATE AC: TC completes the sale; an AAC after
        // the host's approval is Completed too, and recovery reverses it
        // (RecoveryPlanner: AAC with an auth code). No outcome from the card
        // (removed, error): stays Authorized, which recovery reverses.
        if (record.cryptogram == CryptogramKind::Tc || record.cryptogram == CryptogramKind::Aac) {
            record.state = JournalState::Completed;
            return write(record);
        }
        return {};
    case JournalState::Declined:
        // Final already; the card's AAC and the AID complete the record.
        return outcome ? write(record) : Result<void>{};
    case JournalState::Sent:
        // No answer and the reversal unanswered: recovery repeats it.
    case JournalState::Reversed:
    case JournalState::Completed:
    case JournalState::AdviceSent:
        return {};
    }
    return {};
}

Result<void> SaleRecorder::finishUnjournaled(const emv::TransactionOutcome& outcome,
                                             std::int64_t replaces)
{
    const bool approved =
        approvedOffline(outcome) || outcome.kind == emv::OutcomeKind::ApprovedOnline;
    const bool declined = outcome.kind == emv::OutcomeKind::Declined ||
                          outcome.kind == emv::OutcomeKind::NotAccepted ||
                          outcome.kind == emv::OutcomeKind::CardBlocked ||
                          (outcome.kind == emv::OutcomeKind::GoOnlineFailed && !outcome.approved);
    if (!approved && !declined)
        return {}; // cancelled or a card error: no money moved
    const CryptogramKind cryptogram = cryptogramOf(outcome.data);
    JournalRecord record;
    if (approvedOffline(outcome) && cryptogram == CryptogramKind::Tc && m_link) {
        // EMV 4.4 Book 4, 12.2.4: the offline approval is advised (0220),
        // which recovery sends once the link is up.
        auto advice = m_link->offlineAdvice(outcome.data);
        if (!advice)
            return advice.error();
        auto built =
            link::JournalEntry::fromRequest(*advice, m_link->bundle(), AuthorizationMode::Offline);
        if (!built)
            return built.error();
        record = std::move(*built);
    } else {
        record.mode = outcome.online || outcome.kind == emv::OutcomeKind::ApprovedOnline
                          ? AuthorizationMode::Online
                          : AuthorizationMode::Offline;
        record.maskedPan = outcome.maskedPan;
        record.amount = static_cast<std::int64_t>(outcome.data.getBcd(0x9F02).value_or(0));
        if (const auto currency = outcome.data.getBcd(0x5F2A))
            record.currency = std::to_string(*currency);
        if (m_link)
            record.terminalId = m_link->bundle().terminalId.toStdString();
    }
    record.aid = toHex(outcome.aid);
    record.cryptogram = cryptogram;
    record.authCode = textOf(outcome.data, 0x89);
    record.state = approved ? JournalState::Completed : JournalState::Declined;
    if (replaces != 0) {
        record.id = replaces;
        return write(record);
    }
    auto id = m_journal.begin(record);
    if (!id)
        return id.error();
    record.id = *id;
    m_record = std::move(record);
    return {};
}

} // namespace cardlink::terminal
