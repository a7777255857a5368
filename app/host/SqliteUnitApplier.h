#pragma once

#include "host/HostStore.h"

namespace cardlink::host {

class SqliteDatabase;

// Checks one CommitUnit's guards against the database and applies it, with
// the same rules as core's MemoryHostStore. Runs inside the writer's open
// transaction and a SAVEPOINT of its own: when the result is not Committed
// (or an Error), the caller rolls the savepoint back, so a failed unit leaves
// nothing behind while the other units of the group commit go ahead.
class SqliteUnitApplier
{
public:
    static Result<CommitStatus> apply(SqliteDatabase& db, const CommitUnit& unit);

private:
    static Result<CommitStatus> check(SqliteDatabase& db, const CommitUnit& unit);
    static Result<void> write(SqliteDatabase& db, const CommitUnit& unit);
    static Result<void> insertResponse(SqliteDatabase& db, const StoredResponse& response);
};

} // namespace cardlink::host
