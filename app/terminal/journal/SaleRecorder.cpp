#include "SaleRecorder.h"

#include "util/Bytes.h"
#include "util/PanMask.h"

#include <QtGlobal>

namespace cardlink::terminal {

namespace {
QString hexOf(const emv::TransactionData& data, tlv::Tag tag)
{
    const auto value = data.get(tag);
    return value ? QString::fromStdString(toHex(*value)) : QString();
}

QString textOf(const emv::TransactionData& data, tlv::Tag tag)
{
    const auto value = data.get(tag);
    return value ? QString::fromLatin1(reinterpret_cast<const char*>(value->data()),
                                       static_cast<qsizetype>(value->size()))
                 : QString();
}

JournalRecord::State finalState(const Result<emv::TransactionOutcome>& result)
{
    if (!result)
        return JournalRecord::State::Failed;
    switch (result->kind) {
    case emv::OutcomeKind::ApprovedOffline:
    case emv::OutcomeKind::ApprovedOnline:
        return JournalRecord::State::Approved;
    case emv::OutcomeKind::GoOnlineFailed:
        return result->approved ? JournalRecord::State::Approved : JournalRecord::State::Declined;
    case emv::OutcomeKind::Cancelled:
        return JournalRecord::State::Cancelled;
    case emv::OutcomeKind::CardError:
        return JournalRecord::State::Failed;
    default:
        return JournalRecord::State::Declined;
    }
}
} // namespace

void SaleRecorder::begin(int stan, qint64 amount, const QString& currency)
{
    std::lock_guard lock(m_mutex);
    m_stan = stan;
    m_amount = amount;
    m_currency = currency;
    m_recordId.reset();
}

JournalRecord SaleRecorder::recordOf(const emv::TransactionData& data) const
{
    JournalRecord record;
    record.stan = m_stan;
    record.amount = m_amount;
    record.currency = m_currency;
    // 5A is BCD: the hex digits are the PAN, 'F' padding dropped.
    QString pan = hexOf(data, 0x5A);
    pan.remove(QLatin1Char('F'));
    record.maskedPan = QString::fromStdString(maskPan(pan.toStdString()));
    record.aid = hexOf(data, 0x84);
    return record;
}

emv::OnlineResponse SaleRecorder::authorize(const emv::OnlineRequest& request)
{
    {
        std::lock_guard lock(m_mutex);
        auto id = m_journal.add(recordOf(request.data));
        if (!id) {
            qWarning("journal: %s; not going online", id.error().describe().c_str());
            // No durable record, no message: recovery could not resolve it.
            emv::OnlineResponse unable;
            unable.decision = emv::OnlineDecision::UnableToGoOnline;
            return unable;
        }
        m_recordId = *id;
    }
    emv::OnlineResponse response = m_host.authorize(request);
    std::lock_guard lock(m_mutex);
    const QString code(
        QString::fromLatin1(reinterpret_cast<const char*>(response.authorisationCode.data()),
                            static_cast<qsizetype>(response.authorisationCode.size())));
    switch (response.decision) {
    case emv::OnlineDecision::Approved:
        (void)m_journal.update(*m_recordId, JournalRecord::State::Approved, code,
                               QStringLiteral("host approved"));
        break;
    case emv::OnlineDecision::Declined:
        (void)m_journal.update(*m_recordId, JournalRecord::State::Declined, code,
                               QStringLiteral("host declined"));
        break;
    case emv::OnlineDecision::UnableToGoOnline:
        // Stays Pending: whether the host saw the request is unknown, so
        // recovery sends a reversal for it.
        break;
    }
    return response;
}

Result<void> SaleRecorder::finish(const Result<emv::TransactionOutcome>& result)
{
    std::lock_guard lock(m_mutex);
    const JournalRecord::State state = finalState(result);
    const QString detail =
        result ? QString::fromStdString(std::string(emv::outcomeKindName(result->kind)))
               : QString::fromStdString(result.error().describe());
    const QString code = result ? textOf(result->data, 0x89) : QString();
    if (m_recordId)
        return m_journal.update(*m_recordId, state, code, detail);
    if (!result || result->aid.empty())
        return {}; // no card application: nothing to journal
    JournalRecord record = recordOf(result->data);
    record.state = state;
    record.authCode = code;
    record.detail = detail;
    auto id = m_journal.add(record);
    if (!id)
        return id.error();
    m_recordId = *id;
    return {};
}

} // namespace cardlink::terminal
