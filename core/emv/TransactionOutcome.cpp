#include "emv/TransactionOutcome.h"

namespace cardlink::emv {

const char* outcomeKindName(OutcomeKind kind)
{
    switch (kind) {
    case OutcomeKind::ApprovedOffline:
        return "approved offline";
    case OutcomeKind::ApprovedOnline:
        return "approved online";
    case OutcomeKind::Declined:
        return "declined";
    case OutcomeKind::GoOnlineFailed:
        return "unable to go online";
    case OutcomeKind::CardError:
        return "card error";
    case OutcomeKind::Cancelled:
        return "cancelled";
    case OutcomeKind::CardBlocked:
        return "card blocked";
    case OutcomeKind::NotAccepted:
        return "not accepted";
    }
    return "?";
}

} // namespace cardlink::emv
