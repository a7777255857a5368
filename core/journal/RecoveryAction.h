#pragma once

#include <cstdint>
#include <string>

namespace cardlink::journal {

// One message recovery sends for one journal record.
struct RecoveryAction
{
    enum class Kind { Reversal, Advice };

    Kind kind = Kind::Reversal;
    std::int64_t recordId = 0;
    std::string reason;  // field 39 of a reversal; empty for an advice
    bool repeat = false; // 0401: an earlier 0400 for this record went out

    bool operator==(const RecoveryAction&) const = default;
};

const char* recoveryKindName(RecoveryAction::Kind kind);

} // namespace cardlink::journal
