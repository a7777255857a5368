#pragma once

#include "host/Account.h"
#include "host/Card.h"
#include "host/CommitUnit.h"
#include "host/IssuerKeys.h"
#include "host/LedgerEntry.h"
#include "host/Merchant.h"
#include "host/StoredResponse.h"
#include "host/Terminal.h"
#include "util/Result.h"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cardlink::host {

enum class CommitStatus {
    Committed, // durable: the response may be sent
    Conflict,  // a guard failed or the key exists: nothing applied, decide again
    Rejected,  // the unit itself is invalid (postings not balanced, unknown account)
};

const char* commitStatusName(CommitStatus status);

// The authorization host's port to its database (docs/host.md). The engine
// reads through the find*() calls and writes only through commit(): one
// CommitUnit per request, applied all-or-nothing. An adapter may apply many
// units in one database transaction (group commit); each unit still succeeds
// or fails on its own.
//
// Thread safety: all calls may come from several threads at once.
// Errors (Result) are for I/O or a broken database; a unit that cannot be
// applied is a CommitStatus, not an Error.
class HostStore
{
public:
    virtual ~HostStore() = default;

    // Reads. Absent = std::nullopt; Error only for a failing store.
    virtual Result<std::optional<Terminal>> findTerminal(std::string_view terminalId) = 0;
    virtual Result<std::optional<Merchant>> findMerchant(std::string_view merchantId) = 0;
    // `psn` absent: the card with that PAN and the lowest PSN.
    virtual Result<std::optional<Card>> findCard(std::string_view pan,
                                                 std::optional<std::uint8_t> psn) = 0;
    virtual Result<std::optional<Account>> findAccount(std::string_view accountId) = 0;
    virtual Result<std::optional<IssuerKeys>> findIssuerKeys(std::string_view keysId) = 0;
    // The DUKPT base derivation key of a terminal (Terminal::bdkId).
    virtual Result<std::optional<Bytes>> findBaseDerivationKey(std::string_view bdkId) = 0;
    virtual Result<std::optional<StoredResponse>> findResponse(const RequestKey& key) = 0;
    virtual Result<BatchTotals> batchTotals(std::string_view terminalId,
                                            std::uint32_t batchNumber) = 0;
    // Sum of all ledger entries: zero, always (a check for tests and reports).
    virtual Result<Money> ledgerSum() = 0;

    // Writes: applies each unit all-or-nothing, in order, and returns one
    // status per unit. Returns only when every Committed unit is durable.
    virtual Result<std::vector<CommitStatus>> commit(std::span<const CommitUnit> units) = 0;
    Result<CommitStatus> commitOne(const CommitUnit& unit);
};

} // namespace cardlink::host
