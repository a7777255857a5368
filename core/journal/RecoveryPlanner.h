#pragma once

#include "iso8583/Message.h"
#include "journal/JournalRecord.h"
#include "journal/RecoveryAction.h"
#include "online/MessageStamp.h"
#include "online/TerminalSecurity.h"
#include "util/Result.h"

#include <optional>
#include <vector>

namespace cardlink::journal {

// What to send for records left unresolved by a crash or a lost answer
// (ARCHITECTURE.md, checkout flow). Pure functions: the caller sends, then
// writes resolved() back. The host's duplicate rules (docs/host.md) make
// every action safe to repeat.
class RecoveryPlanner
{
public:
    // In journal order; records that need nothing are skipped.
    static std::vector<RecoveryAction> plan(const std::vector<JournalRecord>& records);
    static std::optional<RecoveryAction> actionFor(const JournalRecord& record);

    // The message for `action`: a 0400 (0401 when repeated) from the stored
    // request, or the stored 0220 advice, each with `pan` put back in field 2
    // (the caller unseals it from JournalRecord::sealedCard). A first
    // reversal takes `freshStamp`; the caller records it with
    // withReversalStamp() before sending.
    static Result<iso8583::Message> message(const JournalRecord& record,
                                            const RecoveryAction& action,
                                            const online::MessageStamp& freshStamp,
                                            const std::string& pan,
                                            const online::RequestSecurity& security);
    // `record` with the reversal stamp to reuse and one more attempt counted.
    static JournalRecord withReversalStamp(JournalRecord record, const online::MessageStamp& stamp);
    // `record` once the host answered `action` (any answer: a reversal or
    // advice answered at all is settled on the host side).
    static JournalRecord resolved(JournalRecord record, const RecoveryAction& action);
};

} // namespace cardlink::journal
