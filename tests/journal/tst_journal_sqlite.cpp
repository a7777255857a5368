// SqliteJournal: records survive a reopen field for field; a sale killed with
// SIGKILL right after each of its journal writes leaves the record recovery
// needs; damaged or foreign files are refused with an Error; the file holds
// no PIN and no clear PAN.
#include "JournalSample.h"
#include "SqliteJournal.h"
#include "journal/RecoveryPlanner.h"

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cardlink;
using namespace cardlink::journal;

Q_DECLARE_METATYPE(cardlink::journal::JournalState)

namespace {
QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Runs the writer; true when it was killed (CrashExit).
bool runWriter(const QString& path, int killAt)
{
    QProcess writer;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (killAt > 0)
        env.insert("CARDLINK_JOURNAL_KILL_AT", QString::number(killAt));
    else
        env.remove("CARDLINK_JOURNAL_KILL_AT");
    writer.setProcessEnvironment(env);
    writer.start(JOURNAL_WRITER, {path});
    if (!writer.waitForFinished(30000))
        qFatal("journal_writer did not finish");
    return writer.exitStatus() == QProcess::CrashExit;
}
} // namespace

class TestJournalSqlite : public QObject
{
    Q_OBJECT

private slots:
    void writeReopen();
    void killMidSale_data();
    void killMidSale();
    void noSecretsInFiles();
    void damagedFile_data();
    void damagedFile();
};

void TestJournalSqlite::writeReopen()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("journal.db");
    JournalRecord online = sample::sale();
    JournalRecord offline = sample::sale();
    offline.mode = AuthorizationMode::Offline;
    offline.stan = 124;
    auto advice = sample::fullRequest();
    advice.setMti("0220");
    offline.request = StoredRequest::encode(advice).value();
    {
        auto journal = SqliteJournal::open(path);
        QVERIFY2(journal.ok(), journal.ok() ? "" : journal.error().describe().c_str());
        online.id = (*journal)->begin(online).value();
        offline.id = (*journal)->begin(offline).value();
        online.state = JournalState::Sent;
        online.reversalStan = 777;
        online.reversalTime = 1750000000;
        online.reversalAttempts = 1;
        QVERIFY((*journal)->update(online).ok());
        offline.state = JournalState::Completed;
        offline.cryptogram = CryptogramKind::Tc;
        offline.authCode = "Y1";
        QVERIFY((*journal)->finish(offline).ok());
        // Refused writes change nothing.
        JournalRecord clear = online;
        clear.maskedPan = iso8583::samples::kPan;
        QVERIFY(!(*journal)->update(clear).ok());
        QVERIFY(!(*journal)->finish(online).ok());
    }
    auto journal = SqliteJournal::open(path);
    QVERIFY(journal.ok());
    const auto records = (*journal)->all().value();
    QCOMPARE(records.size(), std::size_t(2));
    QCOMPARE(records[0], online);
    QCOMPARE(records[1], offline);
    const auto actions = RecoveryPlanner::plan((*journal)->unresolved().value());
    QCOMPARE(actions.size(), std::size_t(2));
    QCOMPARE(actions[0].kind, RecoveryAction::Kind::Reversal);
    QVERIFY(actions[0].repeat);
    QCOMPARE(actions[1].kind, RecoveryAction::Kind::Advice);
}

void TestJournalSqlite::killMidSale_data()
{
    QTest::addColumn<int>("killAt");
    QTest::addColumn<JournalState>("state");
    QTest::addColumn<bool>("needsReversal");
    QTest::addRow("killed-after-begin") << 1 << JournalState::Pending << true;
    QTest::addRow("killed-after-sent") << 2 << JournalState::Sent << true;
    QTest::addRow("killed-after-authorized") << 3 << JournalState::Authorized << true;
    QTest::addRow("killed-after-completed") << 4 << JournalState::Completed << false;
    QTest::addRow("not-killed") << 0 << JournalState::Completed << false;
}

void TestJournalSqlite::killMidSale()
{
    QFETCH(int, killAt);
    QFETCH(JournalState, state);
    QFETCH(bool, needsReversal);
    QTemporaryDir dir;
    const QString path = dir.filePath("journal.db");
    QCOMPARE(runWriter(path, killAt), killAt > 0);

    auto journal = SqliteJournal::open(path);
    QVERIFY2(journal.ok(), journal.ok() ? "" : journal.error().describe().c_str());
    const auto records = (*journal)->all().value();
    QCOMPARE(records.size(), std::size_t(1));
    QCOMPARE(records[0].state, state);
    const auto unresolved = (*journal)->unresolved().value();
    QCOMPARE(unresolved.size(), std::size_t(needsReversal ? 1 : 0));
    if (!needsReversal)
        return;
    // Recovery: the reversal answered, the record is final and stays so.
    const auto action = RecoveryPlanner::actionFor(unresolved[0]).value();
    QCOMPARE(action.kind, RecoveryAction::Kind::Reversal);
    QVERIFY((*journal)->finish(RecoveryPlanner::resolved(unresolved[0], action)).ok());
    journal = SqliteJournal::open(path);
    QVERIFY(journal.ok());
    QCOMPARE((*journal)->unresolved().value().size(), std::size_t(0));
    QCOMPARE((*journal)->find(records[0].id).value().state, JournalState::Reversed);
}

void TestJournalSqlite::noSecretsInFiles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("journal.db");
    QVERIFY(runWriter(path, 3)); // leaves a WAL behind
    QVERIFY(!runWriter(path, 0));
    const QList<QByteArray> secrets{
        sample::kPin,
        iso8583::samples::kPan,
        QByteArray::fromHex(sample::kPanBcdHex),
        QByteArray::fromHex(sample::kClearPinBlockHex),
        QByteArray(iso8583::samples::kTrack2).left(20),
    };
    int searched = 0;
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        const QByteArray bytes = fileBytes(path + suffix);
        if (bytes.isEmpty())
            continue;
        ++searched;
        for (const QByteArray& secret : secrets)
            QVERIFY2(!bytes.contains(secret), qPrintable("secret found in journal.db" + suffix));
    }
    QVERIFY(searched >= 1);
    // The masked PAN is there: the search does look at the records.
    QVERIFY(fileBytes(path).contains("476173") || fileBytes(path + "-wal").contains("476173"));
}

void TestJournalSqlite::damagedFile_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<int>("code");
    QTest::addRow("not-sqlite") << "garbage" << int(ErrorCode::Malformed);
    QTest::addRow("half-written") << "truncated" << int(ErrorCode::Malformed);
    QTest::addRow("newer-schema") << "future" << int(ErrorCode::Unsupported);
}

void TestJournalSqlite::damagedFile()
{
    QFETCH(QString, damage);
    QFETCH(int, code);
    QTemporaryDir dir;
    const QString path = dir.filePath("journal.db");
    if (damage == "garbage") {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, '\x5A'));
    } else {
        for (int i = 0; i < 20; ++i)
            QVERIFY(!runWriter(path, 0));
        if (damage == "truncated") {
            const QByteArray whole = fileBytes(path);
            QVERIFY(whole.size() > 8192);
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(whole.left(whole.size() / 2));
        } else {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", "raw");
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec("UPDATE schema_version SET version = 2"));
            db.close();
        }
        QSqlDatabase::removeDatabase("raw");
    }
    auto journal = SqliteJournal::open(path);
    QVERIFY(!journal.ok());
    QCOMPARE(int(journal.error().code), code);
    QVERIFY(!journal.error().message.empty());
}

QTEST_GUILESS_MAIN(TestJournalSqlite)
#include "tst_journal_sqlite.moc"
