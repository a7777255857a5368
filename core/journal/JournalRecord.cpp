#include "journal/JournalRecord.h"

#include <array>
#include <utility>

namespace cardlink::journal {

namespace {
constexpr std::array kStates{std::pair{JournalState::Pending, "pending"},
                             std::pair{JournalState::Sent, "sent"},
                             std::pair{JournalState::Authorized, "authorized"},
                             std::pair{JournalState::Declined, "declined"},
                             std::pair{JournalState::Completed, "completed"},
                             std::pair{JournalState::Reversed, "reversed"},
                             std::pair{JournalState::AdviceSent, "advice-sent"}};
constexpr std::array kKinds{
    std::pair{CryptogramKind::None, "none"}, std::pair{CryptogramKind::Aac, "AAC"},
    std::pair{CryptogramKind::Tc, "TC"}, std::pair{CryptogramKind::Arqc, "ARQC"}};
constexpr std::array kModes{std::pair{AuthorizationMode::Online, "online"},
                            std::pair{AuthorizationMode::Offline, "offline"}};

template <typename Table, typename E> const char* nameIn(const Table& table, E value)
{
    for (const auto& [v, name] : table)
        if (v == value)
            return name;
    return "?";
}

template <typename Table, typename E>
bool parseIn(const Table& table, const std::string& name, E& value)
{
    for (const auto& [v, n] : table)
        if (name == n) {
            value = v;
            return true;
        }
    return false;
}
} // namespace

const char* journalStateName(JournalState state)
{
    return nameIn(kStates, state);
}
const char* cryptogramKindName(CryptogramKind kind)
{
    return nameIn(kKinds, kind);
}
const char* authorizationModeName(AuthorizationMode mode)
{
    return nameIn(kModes, mode);
}
bool parseJournalState(const std::string& name, JournalState& state)
{
    return parseIn(kStates, name, state);
}
bool parseCryptogramKind(const std::string& name, CryptogramKind& kind)
{
    return parseIn(kKinds, name, kind);
}
bool parseAuthorizationMode(const std::string& name, AuthorizationMode& mode)
{
    return parseIn(kModes, name, mode);
}

} // namespace cardlink::journal
