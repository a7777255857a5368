#include "SqliteJournal.h"

#include "journal/RecoveryPlanner.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QThread>
#include <QUuid>
#include <QVariant>

#include <atomic>
#include <csignal>
#include <cstdlib>

namespace cardlink::journal {

namespace {
constexpr const char* kColumns =
    "terminal_id, stan, transmission_time, amount, currency, masked_pan, pan_token, aid, mode, "
    "state, cryptogram, arc, auth_code, rrn, request, sealed_card, reversal_stan, reversal_time, "
    "reversal_attempts, batch";
constexpr int kColumnCount = 20;

std::atomic<int> g_writes{0};

Error sqlError(const QString& what, const QSqlError& error)
{
    return makeError(ErrorCode::Io, ("journal: " + what + ": " + error.text()).toStdString());
}

QByteArray blob(const Bytes& bytes)
{
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}

Bytes bytesOf(const QVariant& value)
{
    const QByteArray data = value.toByteArray();
    return Bytes(data.begin(), data.end());
}

void bindRecord(QSqlQuery& query, const JournalRecord& r)
{
    query.addBindValue(QString::fromStdString(r.terminalId));
    query.addBindValue(qint64(r.stan));
    query.addBindValue(QString::fromStdString(r.transmissionDateTime));
    query.addBindValue(qint64(r.amount));
    query.addBindValue(QString::fromStdString(r.currency));
    query.addBindValue(QString::fromStdString(r.maskedPan));
    query.addBindValue(QString::fromStdString(r.panToken));
    query.addBindValue(QString::fromStdString(r.aid));
    query.addBindValue(QString(authorizationModeName(r.mode)));
    query.addBindValue(QString(journalStateName(r.state)));
    query.addBindValue(QString(cryptogramKindName(r.cryptogram)));
    query.addBindValue(QString::fromStdString(r.arc));
    query.addBindValue(QString::fromStdString(r.authCode));
    query.addBindValue(QString::fromStdString(r.rrn));
    query.addBindValue(blob(r.request));
    query.addBindValue(blob(r.sealedCard));
    query.addBindValue(qint64(r.reversalStan));
    query.addBindValue(qint64(r.reversalTime));
    query.addBindValue(r.reversalAttempts);
    query.addBindValue(r.batch);
}

Result<JournalRecord> readRecord(const QSqlQuery& q)
{
    JournalRecord r;
    r.id = q.value(0).toLongLong();
    r.terminalId = q.value(1).toString().toStdString();
    r.stan = std::uint32_t(q.value(2).toLongLong());
    r.transmissionDateTime = q.value(3).toString().toStdString();
    r.amount = q.value(4).toLongLong();
    r.currency = q.value(5).toString().toStdString();
    r.maskedPan = q.value(6).toString().toStdString();
    r.panToken = q.value(7).toString().toStdString();
    r.aid = q.value(8).toString().toStdString();
    if (!parseAuthorizationMode(q.value(9).toString().toStdString(), r.mode) ||
        !parseJournalState(q.value(10).toString().toStdString(), r.state) ||
        !parseCryptogramKind(q.value(11).toString().toStdString(), r.cryptogram))
        return makeError(ErrorCode::Malformed,
                         "journal: record " + std::to_string(r.id) + " has an unknown state");
    r.arc = q.value(12).toString().toStdString();
    r.authCode = q.value(13).toString().toStdString();
    r.rrn = q.value(14).toString().toStdString();
    r.request = bytesOf(q.value(15));
    r.sealedCard = bytesOf(q.value(16));
    r.reversalStan = std::uint32_t(q.value(17).toLongLong());
    r.reversalTime = q.value(18).toLongLong();
    r.reversalAttempts = q.value(19).toInt();
    r.batch = q.value(20).toInt();
    return r;
}
} // namespace

SqliteJournal::SqliteJournal(QString connection)
    : m_connection(std::move(connection)), m_thread(QThread::currentThread())
{}

SqliteJournal::~SqliteJournal()
{
    {
        QSqlDatabase db = database();
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QSqlDatabase SqliteJournal::database() const
{
    QThread* thread = QThread::currentThread();
    if (thread == m_thread)
        return QSqlDatabase::database(m_connection, false);
    // A Qt SQL connection belongs to the thread that opened it (Qt docs,
    // "Threads and the SQL Module"); the terminal writes from the EMV
    // kernel's worker thread, so each other thread gets its own connection
    // to the same file, dropped when that thread finishes.
    const QString name = m_connection + QStringLiteral("-%1").arg(quintptr(thread), 0, 16);
    if (QSqlDatabase::contains(name))
        return QSqlDatabase::database(name, false);
    QSqlDatabase db = QSqlDatabase::cloneDatabase(m_connection, name);
    if (db.open()) {
        // synchronous is per connection, unlike journal_mode (sqlite.org/pragma.html).
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA synchronous=FULL"));
        q.exec(QStringLiteral("PRAGMA busy_timeout=5000"));
    }
    QObject::connect(
        thread, &QThread::finished, thread,
        [name] {
            {
                QSqlDatabase other = QSqlDatabase::database(name, false);
                other.close();
            }
            QSqlDatabase::removeDatabase(name);
        },
        Qt::DirectConnection);
    return db;
}

Result<std::unique_ptr<SqliteJournal>> SqliteJournal::open(const QString& path)
{
    const QString name = "cardlink-journal-" + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", name);
        db.setDatabaseName(path);
    }
    std::unique_ptr<SqliteJournal> journal(new SqliteJournal(name));
    QSqlDatabase db = journal->database();
    if (!db.open())
        return sqlError("cannot open " + path, db.lastError());
    QSqlQuery(db).exec(QStringLiteral("PRAGMA busy_timeout=5000"));
    if (auto schema = journal->prepareSchema(); !schema)
        return Error{schema.error().code, schema.error().message + " (" + path.toStdString() + ")"};
    return journal;
}

Result<void> SqliteJournal::prepareSchema()
{
    QSqlDatabase db = database();
    QSqlQuery q(db);
    // A file that is not SQLite fails here, at the first read of its header.
    if (!q.exec("PRAGMA quick_check") || !q.next() || q.value(0).toString() != "ok")
        return makeError(ErrorCode::Malformed,
                         "journal: not a readable journal file (" +
                             (q.lastError().isValid() ? q.lastError().text().toStdString()
                                                      : q.value(0).toString().toStdString()) +
                             ")");
    if (!q.exec("PRAGMA journal_mode=WAL") || !q.next() ||
        q.value(0).toString().compare("wal", Qt::CaseInsensitive) != 0)
        return makeError(ErrorCode::Io, "journal: the file refuses WAL mode");
    // FULL: the WAL is synced at every commit, so a returned write survives
    // a power cut (sqlite.org/pragma.html#pragma_synchronous).
    if (!q.exec("PRAGMA synchronous=FULL") || !q.exec("PRAGMA synchronous") || !q.next() ||
        q.value(0).toInt() != 2)
        return makeError(ErrorCode::Io, "journal: synchronous=FULL not in effect");

    if (!db.transaction())
        return sqlError("begin schema", db.lastError());
    auto rollback = [&db](Error error) {
        db.rollback();
        return error;
    };
    if (!q.exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"))
        return rollback(sqlError("schema_version", q.lastError()));
    if (!q.exec("SELECT version FROM schema_version"))
        return rollback(sqlError("schema_version", q.lastError()));
    if (q.next()) {
        const int version = q.value(0).toInt();
        if (version != kSchemaVersion)
            return rollback(makeError(ErrorCode::Unsupported,
                                      "journal: schema version " + std::to_string(version) +
                                          ", this build reads " + std::to_string(kSchemaVersion)));
    } else {
        const QString table =
            "CREATE TABLE journal (id INTEGER PRIMARY KEY AUTOINCREMENT, terminal_id TEXT NOT "
            "NULL, stan INTEGER NOT NULL, transmission_time TEXT NOT NULL, amount INTEGER NOT "
            "NULL, currency TEXT NOT NULL, masked_pan TEXT NOT NULL, pan_token TEXT NOT NULL, aid "
            "TEXT NOT NULL, mode TEXT NOT NULL, state TEXT NOT NULL, cryptogram TEXT NOT NULL, arc "
            "TEXT NOT NULL, auth_code TEXT NOT NULL, rrn TEXT NOT NULL, request BLOB, sealed_card "
            "BLOB, reversal_stan INTEGER NOT NULL, reversal_time INTEGER NOT NULL, "
            "reversal_attempts INTEGER NOT NULL, batch INTEGER NOT NULL)";
        if (!q.exec(table) || !q.exec("CREATE INDEX journal_state ON journal (state)"))
            return rollback(sqlError("create journal", q.lastError()));
        q.prepare("INSERT INTO schema_version (version) VALUES (?)");
        q.addBindValue(kSchemaVersion);
        if (!q.exec())
            return rollback(sqlError("schema_version", q.lastError()));
    }
    if (!db.commit())
        return sqlError("commit schema", db.lastError());
    return {};
}

void SqliteJournal::afterWrite()
{
    static const int killAt = [] {
        const char* text = std::getenv("CARDLINK_JOURNAL_KILL_AT");
        return text ? std::atoi(text) : 0;
    }();
    const int writes = ++g_writes;
    if (killAt > 0 && writes == killAt)
        std::raise(SIGKILL);
}

Result<std::int64_t> SqliteJournal::begin(const JournalRecord& record)
{
    if (auto checked = checkStorable(record); !checked)
        return checked.error();
    QSqlDatabase db = database();
    QSqlQuery q(db);
    QString marks = "?";
    for (int i = 1; i < kColumnCount; ++i)
        marks += ", ?";
    q.prepare(QString("INSERT INTO journal (%1) VALUES (%2)").arg(kColumns, marks));
    bindRecord(q, record);
    // One statement is one (auto-committed) transaction.
    if (!q.exec())
        return sqlError("begin", q.lastError());
    const std::int64_t id = q.lastInsertId().toLongLong();
    afterWrite();
    return id;
}

Result<void> SqliteJournal::update(const JournalRecord& record)
{
    if (auto checked = checkStorable(record); !checked)
        return checked.error();
    QSqlDatabase db = database();
    QSqlQuery q(db);
    QString sets = QString(kColumns).replace(", ", " = ?, ") + " = ?";
    q.prepare("UPDATE journal SET " + sets + " WHERE id = ?");
    bindRecord(q, record);
    q.addBindValue(qint64(record.id));
    if (!q.exec())
        return sqlError("update", q.lastError());
    if (q.numRowsAffected() != 1)
        return makeError(ErrorCode::NotFound, "journal: no record " + std::to_string(record.id));
    afterWrite();
    return {};
}

Result<void> SqliteJournal::finish(const JournalRecord& record)
{
    if (!isFinalState(record.state))
        return makeError(ErrorCode::InvalidArgument, std::string("journal: ") +
                                                         journalStateName(record.state) +
                                                         " is not a final state");
    return update(record);
}

Result<std::vector<JournalRecord>> SqliteJournal::select(const QString& where) const
{
    QSqlQuery q(database());
    q.setForwardOnly(true);
    if (!q.exec(QString("SELECT id, %1 FROM journal %2 ORDER BY id").arg(kColumns, where)))
        return sqlError("read", q.lastError());
    std::vector<JournalRecord> out;
    while (q.next()) {
        auto record = readRecord(q);
        if (!record)
            return record.error();
        out.push_back(std::move(*record));
    }
    return out;
}

Result<JournalRecord> SqliteJournal::find(std::int64_t id) const
{
    auto found = select(QString("WHERE id = %1").arg(id));
    if (!found)
        return found.error();
    if (found->empty())
        return makeError(ErrorCode::NotFound, "journal: no record " + std::to_string(id));
    return found->front();
}

Result<std::vector<JournalRecord>> SqliteJournal::unresolved() const
{
    auto candidates = select("WHERE state NOT IN ('declined', 'reversed', 'advice-sent')");
    if (!candidates)
        return candidates;
    std::erase_if(*candidates,
                  [](const JournalRecord& r) { return !RecoveryPlanner::actionFor(r); });
    return candidates;
}

Result<std::vector<JournalRecord>> SqliteJournal::all() const
{
    return select("");
}

} // namespace cardlink::journal
