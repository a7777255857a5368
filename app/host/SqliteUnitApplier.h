#pragma once

#include "host/HostStore.h"

namespace cardlink::host {

class SqliteDatabase;

// Checks one CommitUnit's guards against the database and applies it, with
// the same rules as core's MemoryHostStore. Runs inside the writer's open
// transaction. The checks only read and all of them run before the first
// write, so a unit that is Rejected or in Conflict has written nothing and
// the other units of the group commit go ahead without it; an Error from a
// write fails the whole group (the writer rolls it back). No savepoint per
// unit is needed.
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
