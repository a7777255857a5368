// SqliteJournal: WAL + synchronous=FULL, pending records until updated,
// durable across reopening, never a clear PAN.
#include "journal/SqliteJournal.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace cardlink;
using namespace cardlink::terminal;
using State = JournalRecord::State;

Q_DECLARE_METATYPE(cardlink::terminal::JournalRecord::State)

namespace {
JournalRecord sale(int stan, QString pan = QStringLiteral("476173\u20260010"))
{
    JournalRecord r;
    r.stan = stan;
    r.amount = 1234;
    r.currency = QStringLiteral("GBP");
    r.maskedPan = std::move(pan);
    r.aid = QStringLiteral("A0000009991010");
    return r;
}
} // namespace

class TestJournal : public QObject
{
    Q_OBJECT

private slots:
    void pragmas()
    {
        QTemporaryDir dir;
        auto journal = SqliteJournal::open(dir.filePath(QStringLiteral("j.db")));
        QVERIFY2(journal.ok(), journal.ok() ? "" : journal.error().describe().c_str());
        QCOMPARE((*journal)->pragma(QStringLiteral("journal_mode")), QStringLiteral("wal"));
        QCOMPARE((*journal)->pragma(QStringLiteral("synchronous")), QStringLiteral("2")); // FULL
    }

    void pendingUntilFinal_data()
    {
        QTest::addColumn<State>("final");
        QTest::addRow("approved") << State::Approved;
        QTest::addRow("declined") << State::Declined;
        QTest::addRow("reversed") << State::Reversed;
    }
    void pendingUntilFinal()
    {
        QFETCH(State, final);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("j.db"));
        qint64 id = 0;
        {
            auto journal = SqliteJournal::open(path);
            QVERIFY(journal.ok());
            auto added = (*journal)->add(sale(41));
            QVERIFY2(added.ok(), added.ok() ? "" : added.error().describe().c_str());
            id = *added;
            QVERIFY((*journal)->add(sale(42)).ok());
            auto pending = (*journal)->pending();
            QVERIFY(pending.ok());
            QCOMPARE(pending->size(), std::size_t(2));
            QCOMPARE(pending->front().stan, 41);
        }
        // Reopened, as after a restart: the pending records are still there.
        auto journal = SqliteJournal::open(path);
        QVERIFY(journal.ok());
        QCOMPARE((*journal)->pending()->size(), std::size_t(2));
        QVERIFY(
            (*journal)->update(id, final, QStringLiteral("AB1234"), QStringLiteral("done")).ok());
        auto pending = (*journal)->pending();
        QCOMPARE(pending->size(), std::size_t(1));
        QCOMPARE(pending->front().stan, 42);
        auto latest = (*journal)->latest(10);
        QVERIFY(latest.ok());
        QCOMPARE(latest->size(), std::size_t(2));
        const JournalRecord& first = latest->back();
        QCOMPARE(first.id, id);
        QCOMPARE(first.state, final);
        QCOMPARE(first.authCode, QStringLiteral("AB1234"));
        QCOMPARE(first.amount, qint64(1234));
        QCOMPARE(first.maskedPan, QStringLiteral("476173\u20260010"));
        QVERIFY(first.time.isValid());
    }

    void refusesClearPan_data()
    {
        QTest::addColumn<QString>("pan");
        QTest::addRow("16-digits") << QStringLiteral("4761739001010010");
        QTest::addRow("12-digits") << QStringLiteral("476173900101");
    }
    void refusesClearPan()
    {
        QFETCH(QString, pan);
        QTemporaryDir dir;
        auto journal = SqliteJournal::open(dir.filePath(QStringLiteral("j.db")));
        QVERIFY(journal.ok());
        auto added = (*journal)->add(sale(1, pan));
        QVERIFY(!added.ok());
        QVERIFY(added.error().code == ErrorCode::InvalidArgument);
        QCOMPARE((*journal)->latest(5)->size(), std::size_t(0));
    }

    // The kernel's worker thread writes the pending record.
    void writesFromWorkerThread()
    {
        QTemporaryDir dir;
        auto journal = SqliteJournal::open(dir.filePath(QStringLiteral("j.db")));
        QVERIFY(journal.ok());
        SqliteJournal* j = journal->get();
        bool added = false;
        QString synchronous;
        std::unique_ptr<QThread> worker(QThread::create([&] {
            added = j->add(sale(5)).ok();
            synchronous = j->pragma(QStringLiteral("synchronous"));
        }));
        worker->start();
        QVERIFY(worker->wait(5000));
        QVERIFY(added);
        QCOMPARE(synchronous, QStringLiteral("2"));
        QCOMPARE((*journal)->pending()->size(), std::size_t(1));
    }

    void updateUnknownId()
    {
        QTemporaryDir dir;
        auto journal = SqliteJournal::open(dir.filePath(QStringLiteral("j.db")));
        QVERIFY(journal.ok());
        auto updated = (*journal)->update(99, State::Approved, {}, {});
        QVERIFY(!updated.ok());
        QVERIFY(updated.error().code == ErrorCode::NotFound);
    }

    void unwritablePath()
    {
        auto journal = SqliteJournal::open(QStringLiteral("/nonexistent-dir/j.db"));
        QVERIFY(!journal.ok());
    }
};

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_terminal_journal.moc"
