#include "SqliteJournal.h"

#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QUuid>
#include <QVariant>

namespace cardlink::terminal {

namespace {
Error sqlError(const QString& what, const QSqlError& error)
{
    return makeError(ErrorCode::Io, (what + QStringLiteral(": ") + error.text()).toStdString());
}

// Qt binds a null QString as SQL NULL; the columns are NOT NULL text.
QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QString(QLatin1String(""))) : QVariant(value);
}

// 12 or more digits in a row would be a clear PAN (ISO/IEC 7812: 12..19).
bool looksLikeClearPan(const QString& text)
{
    static const QRegularExpression digits(QStringLiteral("[0-9]{12,}"));
    return digits.match(text).hasMatch();
}

JournalRecord recordFrom(const QSqlQuery& q)
{
    JournalRecord r;
    r.id = q.value(0).toLongLong();
    r.stan = q.value(1).toInt();
    r.state = static_cast<JournalRecord::State>(q.value(2).toInt());
    r.time = QDateTime::fromMSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
    r.amount = q.value(4).toLongLong();
    r.currency = q.value(5).toString();
    r.maskedPan = q.value(6).toString();
    r.aid = q.value(7).toString();
    r.authCode = q.value(8).toString();
    r.detail = q.value(9).toString();
    return r;
}
} // namespace

const char* journalStateName(JournalRecord::State state)
{
    switch (state) {
    case JournalRecord::State::Pending:
        return "pending";
    case JournalRecord::State::Approved:
        return "approved";
    case JournalRecord::State::Declined:
        return "declined";
    case JournalRecord::State::Cancelled:
        return "cancelled";
    case JournalRecord::State::Failed:
        return "failed";
    case JournalRecord::State::Reversed:
        return "reversed";
    case JournalRecord::State::Advised:
        return "advised";
    }
    return "?";
}

SqliteJournal::SqliteJournal(QString connection)
    : m_connection(std::move(connection)), m_thread(QThread::currentThread())
{}

QSqlDatabase SqliteJournal::database() const
{
    QThread* thread = QThread::currentThread();
    if (thread == m_thread)
        return QSqlDatabase::database(m_connection);
    const QString name =
        m_connection + QStringLiteral("-%1").arg(reinterpret_cast<quintptr>(thread), 0, 16);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name);
    QSqlDatabase db = QSqlDatabase::cloneDatabase(m_connection, name);
    if (db.open()) {
        // Per connection, unlike journal_mode.
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA synchronous=FULL"));
        q.exec(QStringLiteral("PRAGMA busy_timeout=5000"));
    }
    QObject::connect(
        thread, &QThread::finished, thread, [name] { QSqlDatabase::removeDatabase(name); },
        Qt::DirectConnection);
    return db;
}

SqliteJournal::~SqliteJournal()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Result<std::unique_ptr<SqliteJournal>> SqliteJournal::open(const QString& path)
{
    const QString connection =
        QStringLiteral("cardlink-journal-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<SqliteJournal> journal(new SqliteJournal(connection));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
    db.setDatabaseName(path);
    if (!db.open())
        return sqlError(QStringLiteral("open ") + path, db.lastError());
    QSqlQuery q(db);
    for (const char* statement : {
             "PRAGMA journal_mode=WAL",
             "PRAGMA synchronous=FULL",
             "PRAGMA busy_timeout=5000",
             "CREATE TABLE IF NOT EXISTS transactions ("
             " id INTEGER PRIMARY KEY AUTOINCREMENT, stan INTEGER NOT NULL,"
             " state INTEGER NOT NULL, time_ms INTEGER NOT NULL, amount INTEGER NOT NULL,"
             " currency TEXT NOT NULL, masked_pan TEXT NOT NULL, aid TEXT NOT NULL,"
             " auth_code TEXT NOT NULL DEFAULT '', detail TEXT NOT NULL DEFAULT '')",
             "CREATE INDEX IF NOT EXISTS transactions_state ON transactions(state)",
         }) {
        if (!q.exec(QString::fromLatin1(statement)))
            return sqlError(QString::fromLatin1(statement), q.lastError());
    }
    if (journal->pragma(QStringLiteral("journal_mode")) != QLatin1String("wal"))
        return makeError(ErrorCode::Unsupported, "journal: SQLite refused WAL mode");
    return journal;
}

QString SqliteJournal::pragma(const QString& name) const
{
    QSqlQuery q(database());
    if (!q.exec(QStringLiteral("PRAGMA ") + name) || !q.next())
        return {};
    return q.value(0).toString();
}

Result<qint64> SqliteJournal::add(const JournalRecord& record)
{
    if (looksLikeClearPan(record.maskedPan) || looksLikeClearPan(record.detail))
        return makeError(ErrorCode::InvalidArgument, "journal: PAN not masked");
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "INSERT INTO transactions (stan, state, time_ms, amount, currency, masked_pan, aid,"
        " auth_code, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QDateTime time = record.time.isValid() ? record.time : QDateTime::currentDateTimeUtc();
    for (const QVariant& value :
         {QVariant(record.stan), QVariant(static_cast<int>(record.state)),
          QVariant(time.toMSecsSinceEpoch()), QVariant(record.amount), text(record.currency),
          text(record.maskedPan), text(record.aid), text(record.authCode), text(record.detail)})
        q.addBindValue(value);
    if (!q.exec())
        return sqlError(QStringLiteral("journal add"), q.lastError());
    return q.lastInsertId().toLongLong();
}

Result<void> SqliteJournal::update(qint64 id, JournalRecord::State state, const QString& authCode,
                                   const QString& detail)
{
    if (looksLikeClearPan(detail))
        return makeError(ErrorCode::InvalidArgument, "journal: PAN not masked");
    QSqlQuery q(database());
    q.prepare(QStringLiteral(
        "UPDATE transactions SET state = ?, auth_code = ?, detail = ? WHERE id = ?"));
    q.addBindValue(static_cast<int>(state));
    q.addBindValue(text(authCode));
    q.addBindValue(text(detail));
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(QStringLiteral("journal update"), q.lastError());
    if (q.numRowsAffected() != 1)
        return makeError(ErrorCode::NotFound, "journal: no record " + std::to_string(id));
    return {};
}

Result<std::vector<JournalRecord>> SqliteJournal::pending() const
{
    return select(QStringLiteral("WHERE state = %1 ORDER BY id ASC")
                      .arg(static_cast<int>(JournalRecord::State::Pending)),
                  -1);
}

Result<std::vector<JournalRecord>> SqliteJournal::latest(int limit) const
{
    return select(QStringLiteral("ORDER BY id DESC"), limit);
}

Result<std::vector<JournalRecord>> SqliteJournal::select(const QString& where, int limit) const
{
    QSqlQuery q(database());
    const QString sql = QStringLiteral("SELECT id, stan, state, time_ms, amount, currency,"
                                       " masked_pan, aid, auth_code, detail FROM transactions ") +
                        where + (limit >= 0 ? QStringLiteral(" LIMIT %1").arg(limit) : QString());
    if (!q.exec(sql))
        return sqlError(QStringLiteral("journal select"), q.lastError());
    std::vector<JournalRecord> records;
    while (q.next())
        records.push_back(recordFrom(q));
    return records;
}

} // namespace cardlink::terminal
