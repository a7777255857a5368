#pragma once

#include "util/Result.h"

namespace cardlink::host {

class SqliteDatabase;

// Versioned schema: table schema_version holds one row per applied migration.
// migrate() applies the missing ones in order, each in its own transaction,
// so running it again (every start) changes nothing. A database newer than
// this program (a version above latestVersion()) is refused rather than used.
class SchemaMigrations
{
public:
    static int latestVersion();
    static Result<int> currentVersion(SqliteDatabase& db);
    static Result<void> migrate(SqliteDatabase& db);
};

} // namespace cardlink::host
