#include "host/HostStore.h"

namespace cardlink::host {

const char* commitStatusName(CommitStatus status)
{
    switch (status) {
    case CommitStatus::Committed:
        return "committed";
    case CommitStatus::Conflict:
        return "conflict";
    case CommitStatus::Rejected:
        return "rejected";
    }
    return "?";
}

const char* cardStatusName(CardStatus status)
{
    switch (status) {
    case CardStatus::Active:
        return "active";
    case CardStatus::Blocked:
        return "blocked";
    case CardStatus::Lost:
        return "lost";
    case CardStatus::Stolen:
        return "stolen";
    case CardStatus::Inactive:
        return "inactive";
    }
    return "?";
}

const char* pendingScriptName(PendingScript script)
{
    switch (script) {
    case PendingScript::None:
        return "none";
    case PendingScript::ApplicationBlock:
        return "application-block";
    case PendingScript::CardBlock:
        return "card-block";
    case PendingScript::PinUnblock:
        return "pin-unblock";
    }
    return "?";
}

Result<CommitStatus> HostStore::commitOne(const CommitUnit& unit)
{
    auto statuses = commit(std::span<const CommitUnit>(&unit, 1));
    if (!statuses)
        return statuses.error();
    if (statuses->size() != 1)
        return Error{ErrorCode::Internal, "store returned " + std::to_string(statuses->size()) +
                                              " statuses for one unit"};
    return statuses->front();
}

} // namespace cardlink::host
