#pragma once

#include "host/Card.h"
#include "host/LedgerEntry.h"
#include "host/StoredResponse.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cardlink::host {

// Changes to a card that a request makes (ATC seen, PIN tries, a script
// delivered). Applied only if the card's version is still `expectedVersion`.
struct CardUpdate
{
    std::string pan;
    std::uint8_t psn = 0;
    std::uint64_t expectedVersion = 0;
    std::optional<std::uint16_t> lastAtc;
    std::optional<unsigned> pinTryCount;
    std::optional<PendingScript> pendingScript;
    std::optional<CardStatus> status;
};

// Guard on an account the engine read: the unit is refused if a posting
// has touched the account since (its version moved).
struct AccountCheck
{
    std::string accountId;
    std::uint64_t expectedVersion = 0;
};

// Marks an earlier StoredResponse (the original of a reversal) as reversed.
// Applied only if it is still in `expectedState`.
struct ReversalMark
{
    RequestKey original;
    ReversalState expectedState = ReversalState::Posted;
};

// Closes the terminal's open batch: batchNumber becomes `newBatchNumber`,
// only if it is still `expectedBatchNumber`.
struct BatchClose
{
    std::string terminalId;
    std::uint32_t expectedBatchNumber = 0;
    std::uint32_t newBatchNumber = 0;
};

// Everything one request changes, applied by HostStore::commit all-or-nothing.
// `response.key` (and `tombstone->key`) must not exist yet (a repeat racing
// its original); every guard must hold; postings must sum to zero.
struct CommitUnit
{
    StoredResponse response;
    std::vector<LedgerEntry> postings;
    std::vector<AccountCheck> accountChecks;
    std::optional<CardUpdate> card;
    std::optional<ReversalMark> reversal;
    std::optional<BatchClose> batchClose;
    // A reversal of a request the host has not seen stores a tombstone under
    // the original's key (StoredResponse::tombstone), so the original is
    // refused if it still arrives. Like `response.key`, its key must not
    // exist yet (the original won the race): else Conflict.
    std::optional<StoredResponse> tombstone;
};

} // namespace cardlink::host
