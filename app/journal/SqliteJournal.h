#pragma once

#include "journal/Journal.h"

#include <QString>

#include <memory>

class QSqlDatabase;
class QThread;

namespace cardlink::journal {

// The terminal's durable Journal: one SQLite file (QSQLITE) in WAL mode with
// synchronous=FULL, so a write has reached the disk when the call returns
// (ARCHITECTURE.md, ports: Journal). Every begin/update/finish is one
// transaction. A file that is not a CardLink journal, is damaged or has a
// newer schema is refused at open() with an Error.
//
// Usable from any thread: a thread other than the opener's gets its own
// connection to the file (Qt SQL connections are per thread).
//
// Crash testing: CARDLINK_JOURNAL_KILL_AT=N makes the process SIGKILL itself
// right after its N-th committed write (counted over all instances).
class SqliteJournal : public Journal
{
public:
    static constexpr int kSchemaVersion = 1;

    ~SqliteJournal() override;
    SqliteJournal(const SqliteJournal&) = delete;
    SqliteJournal& operator=(const SqliteJournal&) = delete;

    static Result<std::unique_ptr<SqliteJournal>> open(const QString& path);

    Result<std::int64_t> begin(const JournalRecord& record) override;
    Result<void> update(const JournalRecord& record) override;
    Result<void> finish(const JournalRecord& record) override;
    Result<JournalRecord> find(std::int64_t id) const override;
    Result<std::vector<JournalRecord>> unresolved() const override;
    Result<std::vector<JournalRecord>> all() const override;

private:
    explicit SqliteJournal(QString connection);

    QSqlDatabase database() const;
    Result<void> prepareSchema();
    Result<std::vector<JournalRecord>> select(const QString& where) const;
    void afterWrite();

    QString m_connection;
    QThread* m_thread; // the thread of m_connection; others get their own
};

} // namespace cardlink::journal
