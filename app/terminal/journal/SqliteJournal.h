#pragma once

#include "Journal.h"

#include <QSqlDatabase>
#include <QString>

#include <memory>

class QThread;

namespace cardlink::terminal {

// The Journal in SQLite (Qt SQL), one file per terminal. WAL with
// synchronous=FULL: a commit is on disk before the host message it guards
// leaves (SQLite docs, "PRAGMA synchronous": FULL syncs the WAL on every
// commit, so a committed transaction survives a power loss).
//
// A Qt SQL connection may only be used on the thread that opened it; the
// kernel's worker thread writes the pending record, so each thread gets its
// own connection to the same file, closed when that thread finishes.
class SqliteJournal final : public Journal
{
public:
    ~SqliteJournal() override;
    SqliteJournal(const SqliteJournal&) = delete;
    SqliteJournal& operator=(const SqliteJournal&) = delete;

    static Result<std::unique_ptr<SqliteJournal>> open(const QString& path);

    Result<qint64> add(const JournalRecord& record) override;
    Result<void> update(qint64 id, JournalRecord::State state, const QString& authCode,
                        const QString& detail) override;
    Result<std::vector<JournalRecord>> pending() const override;
    Result<std::vector<JournalRecord>> latest(int limit) const override;

    // The pragma as SQLite reports it ("wal", "2"), for checks and tests.
    QString pragma(const QString& name) const;

private:
    explicit SqliteJournal(QString connection);
    QSqlDatabase database() const;
    Result<std::vector<JournalRecord>> select(const QString& where, int limit) const;

    QString m_connection;
    QThread* m_thread;
};

} // namespace cardlink::terminal
