#include "SchemaMigrations.h"

#include "SqliteDatabase.h"
#include "SqliteStatement.h"

#include <array>
#include <string>

namespace cardlink::host {

namespace {
// The tables follow core/host's model (Terminal, Merchant, Card, Account,
// IssuerKeys, LedgerEntry, StoredResponse). Amounts are integers in minor
// units; ledger entries are signed and each unit's entries sum to zero, so the
// whole table does. The PIN itself is never stored, only its keyed hash;
// the keys of that hash (PVK) and of DUKPT (BDK) live in 0600 key files.
constexpr const char* kMigration1 = R"sql(
CREATE TABLE accounts (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('cardholder', 'merchant')),
    currency TEXT NOT NULL,
    balance INTEGER NOT NULL DEFAULT 0,
    credit_limit INTEGER NOT NULL DEFAULT 0,
    per_transaction_limit INTEGER NOT NULL DEFAULT 0,
    version INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE merchants (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    account_id TEXT NOT NULL REFERENCES accounts(id)
);
CREATE TABLE terminals (
    id TEXT PRIMARY KEY,
    merchant_id TEXT NOT NULL REFERENCES merchants(id),
    cert_fingerprint TEXT NOT NULL UNIQUE,
    bdk_id TEXT NOT NULL,
    initial_key_id TEXT NOT NULL UNIQUE,
    mac_required INTEGER NOT NULL DEFAULT 0,
    revoked INTEGER NOT NULL DEFAULT 0,
    batch_number INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE issuer_keys (
    id TEXT PRIMARY KEY,
    algorithm TEXT NOT NULL CHECK (algorithm IN ('3DES', 'AES')),
    ac BLOB NOT NULL,
    smi BLOB NOT NULL,
    smc BLOB NOT NULL
);
CREATE TABLE cards (
    pan TEXT NOT NULL,
    psn INTEGER NOT NULL,
    expiry TEXT NOT NULL,
    kind TEXT NOT NULL,
    status TEXT NOT NULL,
    pending_script TEXT NOT NULL DEFAULT 'none',
    issuer_keys_id TEXT NOT NULL REFERENCES issuer_keys(id),
    account_id TEXT NOT NULL REFERENCES accounts(id),
    pin_verification_value BLOB NOT NULL,
    pin_try_count INTEGER NOT NULL DEFAULT 0,
    pin_try_limit INTEGER NOT NULL DEFAULT 3,
    last_atc INTEGER,
    atc_window INTEGER NOT NULL DEFAULT 1000,
    version INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (pan, psn)
);
CREATE TABLE ledger_entries (
    id INTEGER PRIMARY KEY,
    account_id TEXT NOT NULL REFERENCES accounts(id),
    amount INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('purchase', 'advice', 'reversal')),
    terminal_id TEXT NOT NULL,
    batch_number INTEGER NOT NULL,
    reference TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE INDEX ledger_entries_account ON ledger_entries(account_id);
CREATE INDEX ledger_entries_batch ON ledger_entries(terminal_id, batch_number);
CREATE TABLE responses (
    terminal_id TEXT NOT NULL,
    stan TEXT NOT NULL,
    transmission TEXT NOT NULL,
    request_hash BLOB NOT NULL,
    request_mti TEXT NOT NULL,
    response BLOB NOT NULL,
    response_code TEXT NOT NULL,
    reversal TEXT NOT NULL CHECK (reversal IN ('not-reversible', 'posted', 'reversed')),
    amount INTEGER NOT NULL,
    debit_account_id TEXT NOT NULL,
    credit_account_id TEXT NOT NULL,
    batch_number INTEGER NOT NULL,
    reference TEXT NOT NULL,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (terminal_id, stan, transmission)
);
)sql";

constexpr std::array kMigrations{kMigration1};
} // namespace

int SchemaMigrations::latestVersion()
{
    return static_cast<int>(kMigrations.size());
}

Result<int> SchemaMigrations::currentVersion(SqliteDatabase& db)
{
    if (auto ok = db.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY "
                          "KEY, applied_at TEXT NOT NULL)");
        !ok)
        return ok.error();
    auto statement = db.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_version");
    if (!statement)
        return statement.error();
    auto row = statement->step();
    if (!row)
        return row.error();
    return static_cast<int>(statement->integer(0));
}

Result<void> SchemaMigrations::migrate(SqliteDatabase& db)
{
    auto current = currentVersion(db);
    if (!current)
        return current.error();
    if (*current > latestVersion())
        return makeError(ErrorCode::Unsupported, "database schema version " +
                                                     std::to_string(*current) +
                                                     " is newer than this program (" +
                                                     std::to_string(latestVersion()) + ")");
    for (int version = *current + 1; version <= latestVersion(); ++version) {
        // BEGIN IMMEDIATE takes the write lock first, so two processes
        // migrating at once apply each migration exactly once.
        if (auto ok = db.exec("BEGIN IMMEDIATE"); !ok)
            return ok.error();
        auto again = currentVersion(db);
        Result<void> applied;
        if (!again)
            applied = again.error();
        else if (*again < version)
            applied = db.exec(kMigrations[static_cast<std::size_t>(version - 1)]);
        if (applied && again && *again < version) {
            auto insert = db.prepare("INSERT INTO schema_version (version, applied_at) VALUES "
                                     "(?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
            applied = insert ? insert->bind(1, std::int64_t{version}).run()
                             : Result<void>(insert.error());
        }
        if (!applied) {
            (void)db.exec("ROLLBACK");
            return applied.error();
        }
        if (auto ok = db.exec("COMMIT"); !ok)
            return ok.error();
    }
    return {};
}

} // namespace cardlink::host
