#pragma once

#include "host/Account.h"
#include "host/Card.h"
#include "host/IssuerKeys.h"
#include "host/LedgerEntry.h"
#include "host/Merchant.h"
#include "host/StoredResponse.h"
#include "host/Terminal.h"

#include <optional>
#include <string>

namespace cardlink::host {

class SqliteStatement;

// Rows of the host schema (SchemaMigrations) to and from core/host's structs.
// The SELECT column lists here and the readers below belong together.
namespace rows {
extern const char* const kTerminalColumns;
extern const char* const kMerchantColumns;
extern const char* const kCardColumns;
extern const char* const kAccountColumns;
extern const char* const kIssuerKeysColumns;
extern const char* const kResponseColumns;

Terminal terminal(const SqliteStatement& row);
Merchant merchant(const SqliteStatement& row);
Card card(const SqliteStatement& row);
Account account(const SqliteStatement& row);
IssuerKeys issuerKeys(const SqliteStatement& row);
StoredResponse response(const SqliteStatement& row);

const char* accountKindName(AccountKind kind);
const char* postingKindName(PostingKind kind);
const char* reversalStateName(ReversalState state);
std::optional<CardStatus> cardStatusFromName(const std::string& name);
std::optional<PendingScript> pendingScriptFromName(const std::string& name);
} // namespace rows

} // namespace cardlink::host
