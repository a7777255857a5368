#include "journal/RecoveryPlanner.h"

#include "journal/StoredRequest.h"
#include "online/ReversalBuilder.h"

#include <chrono>

namespace cardlink::journal {

namespace {
// ISO 8583:1987 response codes as reversal reasons: "68" the answer did not
// arrive in time, "06" error (the card refused after the host approved).
constexpr const char* kNoAnswer = "68";
constexpr const char* kCardRefused = "06";

RecoveryAction reversal(const JournalRecord& record, const char* reason)
{
    return {RecoveryAction::Kind::Reversal, record.id, reason, record.reversalAttempts > 0};
}
} // namespace

const char* recoveryKindName(RecoveryAction::Kind kind)
{
    return kind == RecoveryAction::Kind::Reversal ? "reversal" : "advice";
}

std::optional<RecoveryAction> RecoveryPlanner::actionFor(const JournalRecord& record)
{
    if (record.mode == AuthorizationMode::Offline) {
        // EMV 4.4 Book 4, 12.2.4: an offline approval (TC) is advised to
        // the acquirer; an offline decline or an unfinished sale never left.
        if (record.state == JournalState::Completed && record.cryptogram == CryptogramKind::Tc)
            return RecoveryAction{RecoveryAction::Kind::Advice, record.id, "", false};
        return std::nullopt;
    }
    switch (record.state) {
    case JournalState::Pending:
    case JournalState::Sent:
        // The request may have reached the host; its answer never came back.
        return reversal(record, kNoAnswer);
    case JournalState::Authorized:
        // Approved by the host but the card's second GENERATE AC outcome is
        // unknown: the goods were not handed over (Book 4, 12.2.5).
        return reversal(record, kCardRefused);
    case JournalState::Completed:
        // The host approved but the card declined at the second GENERATE AC.
        if (record.cryptogram == CryptogramKind::Aac && !record.authCode.empty())
            return reversal(record, kCardRefused);
        return std::nullopt;
    case JournalState::Declined:
    case JournalState::Reversed:
    case JournalState::AdviceSent:
        return std::nullopt;
    }
    return std::nullopt;
}

std::vector<RecoveryAction> RecoveryPlanner::plan(const std::vector<JournalRecord>& records)
{
    std::vector<RecoveryAction> actions;
    for (const auto& record : records)
        if (auto action = actionFor(record))
            actions.push_back(*action);
    return actions;
}

Result<iso8583::Message> RecoveryPlanner::message(const JournalRecord& record,
                                                  const RecoveryAction& action,
                                                  const online::MessageStamp& freshStamp,
                                                  const std::string& pan,
                                                  const online::RequestSecurity& security)
{
    auto stored = StoredRequest::decode(record.request);
    if (!stored)
        return stored.error();
    // The journal keeps no clear PAN; both messages need it back (MtiRules:
    // 2 or 35 on a 0400 and on a 0220, the host finds the card by it).
    if (!pan.empty())
        stored->set(2, pan);
    if (action.kind == RecoveryAction::Kind::Advice) {
        iso8583::Message advice = *stored;
        if (advice.mti() != "0220")
            return makeError(ErrorCode::InvalidArgument,
                             "journal: record " + std::to_string(record.id) + " holds a " +
                                 advice.mti() + ", not a 0220 advice");
        if (auto secured = online::TerminalSecurity::protect(advice, security); !secured)
            return secured.error();
        return advice;
    }
    online::MessageStamp stamp = freshStamp;
    if (record.reversalStan != 0)
        stamp = {record.reversalStan,
                 std::chrono::system_clock::time_point(std::chrono::seconds(record.reversalTime))};
    return online::ReversalBuilder::reversal(*stored, stamp, action.reason, action.repeat,
                                             security);
}

JournalRecord RecoveryPlanner::withReversalStamp(JournalRecord record,
                                                 const online::MessageStamp& stamp)
{
    if (record.reversalStan == 0) {
        record.reversalStan = stamp.stan;
        record.reversalTime =
            std::chrono::duration_cast<std::chrono::seconds>(stamp.time.time_since_epoch()).count();
    }
    ++record.reversalAttempts;
    return record;
}

JournalRecord RecoveryPlanner::resolved(JournalRecord record, const RecoveryAction& action)
{
    record.state = action.kind == RecoveryAction::Kind::Reversal ? JournalState::Reversed
                                                                 : JournalState::AdviceSent;
    return record;
}

} // namespace cardlink::journal
