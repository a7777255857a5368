#include "JournalRecovery.h"

#include "HostAuthorizer.h"
#include "JournalKeys.h"
#include "journal/CardSeal.h"
#include "journal/Journal.h"
#include "journal/RecoveryPlanner.h"

namespace cardlink::link {

using journal::RecoveryAction;
using journal::RecoveryPlanner;

Result<JournalRecovery::Summary> JournalRecovery::run(const Skip& skip)
{
    auto records = m_journal.unresolved();
    if (!records)
        return records.error();
    Summary summary;
    auto key = JournalKeys::sealKey(m_host.bundle());
    if (!key)
        return key.error();
    for (const auto& original : *records) {
        if (skip && skip(original.id))
            continue;
        const auto action = RecoveryPlanner::actionFor(original);
        if (!action)
            continue;
        ++summary.planned;
        const std::string what = journal::recoveryKindName(action->kind);
        const std::string detail = "of journal record " + std::to_string(original.id) + " (STAN " +
                                   std::to_string(original.stan) + ", card " + original.maskedPan +
                                   ", " + journal::journalStateName(original.state) + ")";
        auto pan = journal::CardSeal::unseal(original.sealedCard, key->view(),
                                             JournalKeys::recordIdentity(original));
        if (!pan) {
            // Without the PAN the host cannot find the card (MtiRules);
            // the record stays for an operator to see in the journal.
            m_host.log("Recovery: cannot unseal the card " + detail + ": " +
                       pan.error().describe());
            ++summary.failed;
            continue;
        }
        journal::JournalRecord record = original;
        online::MessageStamp fresh;
        if (action->kind == RecoveryAction::Kind::Reversal) {
            if (record.reversalStan == 0) {
                auto stamp = m_host.nextStamp();
                if (!stamp)
                    return stamp.error();
                fresh = *stamp;
            }
            // Durable before the 0400 leaves: its repeats keep the stamp.
            record = RecoveryPlanner::withReversalStamp(record, fresh);
            if (auto kept = m_journal.update(record); !kept) {
                m_host.log("Recovery: journal: " + kept.error().describe());
                ++summary.failed;
                continue;
            }
        }
        m_host.log("Recovery: " + what + " " + detail +
                   (action->reason.empty() ? "" : ", reason " + action->reason));
        auto code = m_host.send(
            [&](const online::RequestSecurity& security, int attempt) {
                RecoveryAction next = *action;
                next.repeat = next.repeat || attempt > 0;
                return RecoveryPlanner::message(record, next, fresh, *pan, security);
            },
            what, detail, m_host.options().reversalAttempts);
        if (!code) {
            ++summary.failed;
            m_host.log("Recovery: stopped, the host did not answer; the rest waits for the "
                       "next run");
            break;
        }
        // Any answer settles it on the host side (docs/journal.md).
        if (auto done = m_journal.finish(RecoveryPlanner::resolved(record, *action)); !done) {
            m_host.log("Recovery: journal: " + done.error().describe());
            ++summary.failed;
            continue;
        }
        ++summary.resolved;
        m_host.log("Recovery: record " + std::to_string(record.id) + " " +
                   journal::journalStateName(RecoveryPlanner::resolved(record, *action).state));
    }
    return summary;
}

} // namespace cardlink::link
