#include "SqliteUnitApplier.h"

#include "HostRows.h"
#include "SqliteDatabase.h"

#include <algorithm>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace cardlink::host {

namespace {
// One integer column of the first row, or nullopt without a row.
Result<std::optional<std::int64_t>> scalar(SqliteStatement& statement)
{
    auto step = statement.step();
    if (!step)
        return step.error();
    if (*step == SqliteStatement::Step::Done)
        return std::optional<std::int64_t>{};
    return std::optional<std::int64_t>(statement.integer(0));
}

Result<std::optional<std::int64_t>> lookup(SqliteDatabase& db, std::string_view sql,
                                           std::initializer_list<std::string_view> keys)
{
    auto statement = db.cached(sql);
    if (!statement)
        return statement.error();
    int index = 1;
    for (std::string_view key : keys)
        (*statement)->bind(index++, key);
    return scalar(**statement);
}

// The version of each account a unit touches, read once per unit.
struct AccountVersion
{
    std::string_view id;
    std::int64_t version = 0;
};

const AccountVersion* known(const std::vector<AccountVersion>& versions, std::string_view id)
{
    const auto it = std::find_if(versions.begin(), versions.end(),
                                 [&](const AccountVersion& account) { return account.id == id; });
    return it == versions.end() ? nullptr : &*it;
}
} // namespace

Result<CommitStatus> SqliteUnitApplier::apply(SqliteDatabase& db, const CommitUnit& unit)
{
    auto status = check(db, unit);
    if (!status || *status != CommitStatus::Committed)
        return status;
    if (auto written = write(db, unit); !written)
        return written.error();
    return CommitStatus::Committed;
}

Result<CommitStatus> SqliteUnitApplier::check(SqliteDatabase& db, const CommitUnit& unit)
{
    // Each account posted to must exist (its version is kept for the guards below).
    std::vector<AccountVersion> versions;
    versions.reserve(unit.postings.size());
    Money sum = 0;
    for (const auto& entry : unit.postings) {
        sum += entry.amount;
        if (known(versions, entry.accountId))
            continue;
        auto version = lookup(db, "SELECT version FROM accounts WHERE id = ?", {entry.accountId});
        if (!version)
            return version.error();
        if (!*version)
            return CommitStatus::Rejected;
        versions.push_back({entry.accountId, **version});
    }
    if (sum != 0)
        return CommitStatus::Rejected;
    for (const StoredResponse* stored :
         {&unit.response, unit.tombstone ? &*unit.tombstone : nullptr}) {
        if (!stored)
            continue;
        const RequestKey& key = stored->key;
        auto taken = lookup(db,
                            "SELECT 1 FROM responses WHERE terminal_id = ? AND stan = ? AND "
                            "transmission = ?",
                            {key.terminalId, key.stan, key.transmissionDateTime});
        if (!taken)
            return taken.error();
        if (*taken)
            return CommitStatus::Conflict;
    }
    for (const auto& guard : unit.accountChecks) {
        std::optional<std::int64_t> version;
        if (const AccountVersion* posted = known(versions, guard.accountId)) {
            version = posted->version;
        } else {
            auto looked =
                lookup(db, "SELECT version FROM accounts WHERE id = ?", {guard.accountId});
            if (!looked)
                return looked.error();
            version = *looked;
        }
        if (!version)
            return CommitStatus::Rejected;
        if (static_cast<std::uint64_t>(*version) != guard.expectedVersion)
            return CommitStatus::Conflict;
    }
    if (unit.card) {
        const std::string psn = std::to_string(unit.card->psn);
        auto version = lookup(db, "SELECT version FROM cards WHERE pan = ? AND psn = ?",
                              {unit.card->pan, psn});
        if (!version)
            return version.error();
        if (!*version)
            return CommitStatus::Rejected;
        if (static_cast<std::uint64_t>(**version) != unit.card->expectedVersion)
            return CommitStatus::Conflict;
    }
    if (unit.reversal) {
        const RequestKey& original = unit.reversal->original;
        auto statement = db.cached("SELECT reversal FROM responses WHERE terminal_id = ? AND "
                                   "stan = ? AND transmission = ?");
        if (!statement)
            return statement.error();
        (*statement)
            ->bind(1, original.terminalId)
            .bind(2, original.stan)
            .bind(3, original.transmissionDateTime);
        auto step = (*statement)->step();
        if (!step)
            return step.error();
        if (*step == SqliteStatement::Step::Done)
            return CommitStatus::Rejected;
        if ((*statement)->text(0) != rows::reversalStateName(unit.reversal->expectedState))
            return CommitStatus::Conflict;
    }
    if (unit.batchClose) {
        auto batch = lookup(db, "SELECT batch_number FROM terminals WHERE id = ?",
                            {unit.batchClose->terminalId});
        if (!batch)
            return batch.error();
        if (!*batch)
            return CommitStatus::Rejected;
        if (static_cast<std::uint32_t>(**batch) != unit.batchClose->expectedBatchNumber)
            return CommitStatus::Conflict;
    }
    return CommitStatus::Committed;
}

Result<void> SqliteUnitApplier::write(SqliteDatabase& db, const CommitUnit& unit)
{
    for (const auto& entry : unit.postings) {
        auto update = db.cached(
            "UPDATE accounts SET balance = balance + ?, version = version + 1 WHERE id = ?");
        if (!update)
            return update.error();
        if (auto ok = (*update)->bind(1, entry.amount).bind(2, entry.accountId).run(); !ok)
            return ok;
        auto insert = db.cached("INSERT INTO ledger_entries (account_id, amount, kind, "
                                "terminal_id, batch_number, reference) VALUES (?, ?, ?, ?, ?, ?)");
        if (!insert)
            return insert.error();
        (*insert)
            ->bind(1, entry.accountId)
            .bind(2, entry.amount)
            .bind(3, rows::postingKindName(entry.kind))
            .bind(4, entry.terminalId)
            .bind(5, std::int64_t{entry.batchNumber})
            .bind(6, entry.reference);
        if (auto ok = (*insert)->run(); !ok)
            return ok;
    }
    if (const auto& card = unit.card) {
        auto update = db.cached(
            "UPDATE cards SET last_atc = COALESCE(?, last_atc), pin_try_count = COALESCE(?, "
            "pin_try_count), pending_script = COALESCE(?, pending_script), status = COALESCE(?, "
            "status), version = version + 1 WHERE pan = ? AND psn = ?");
        if (!update)
            return update.error();
        SqliteStatement& s = **update;
        card->lastAtc ? s.bind(1, std::int64_t{*card->lastAtc}) : s.bindNull(1);
        card->pinTryCount ? s.bind(2, std::int64_t{*card->pinTryCount}) : s.bindNull(2);
        card->pendingScript ? s.bind(3, pendingScriptName(*card->pendingScript)) : s.bindNull(3);
        card->status ? s.bind(4, cardStatusName(*card->status)) : s.bindNull(4);
        s.bind(5, card->pan).bind(6, std::int64_t{card->psn});
        if (auto ok = s.run(); !ok)
            return ok;
    }
    if (unit.reversal) {
        const RequestKey& original = unit.reversal->original;
        auto update = db.cached("UPDATE responses SET reversal = 'reversed' WHERE terminal_id = "
                                "? AND stan = ? AND transmission = ?");
        if (!update)
            return update.error();
        (*update)
            ->bind(1, original.terminalId)
            .bind(2, original.stan)
            .bind(3, original.transmissionDateTime);
        if (auto ok = (*update)->run(); !ok)
            return ok;
    }
    if (unit.batchClose) {
        auto update = db.cached("UPDATE terminals SET batch_number = ? WHERE id = ?");
        if (!update)
            return update.error();
        (*update)
            ->bind(1, std::int64_t{unit.batchClose->newBatchNumber})
            .bind(2, unit.batchClose->terminalId);
        if (auto ok = (*update)->run(); !ok)
            return ok;
    }
    if (unit.tombstone)
        if (auto ok = insertResponse(db, *unit.tombstone); !ok)
            return ok;
    return insertResponse(db, unit.response);
}

Result<void> SqliteUnitApplier::insertResponse(SqliteDatabase& db, const StoredResponse& r)
{
    auto insert = db.cached(std::string("INSERT INTO responses (") + rows::kResponseColumns +
                            ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insert)
        return insert.error();
    (*insert)
        ->bind(1, r.key.terminalId)
        .bind(2, r.key.stan)
        .bind(3, r.key.transmissionDateTime)
        .bind(4, r.requestHash)
        .bind(5, r.requestMti)
        .bind(6, r.response)
        .bind(7, r.responseCode)
        .bind(8, rows::reversalStateName(r.reversal))
        .bind(9, r.amount)
        .bind(10, r.debitAccountId)
        .bind(11, r.creditAccountId)
        .bind(12, std::int64_t{r.batchNumber})
        .bind(13, r.reference);
    return (*insert)->run();
}

} // namespace cardlink::host
