// BatchSummary: the 0500 totals of a batch from the terminal journal
// (docs/host.md, "Reconciliation: 0500"). One row per kind of record: what
// the host posted counts (approved sale: debit; approved then reversed:
// debit and reversal), declines, other batches and requests the host never
// approved do not, and records recovery still owes are counted apart.
#include "journal/BatchSummary.h"
#include "journal/MemoryJournal.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::journal;

Q_DECLARE_METATYPE(cardlink::journal::JournalRecord)

namespace {
JournalRecord record(JournalState state, std::int64_t amount,
                     const std::string& authCode = "A1B2C3",
                     AuthorizationMode mode = AuthorizationMode::Online, int batch = 1)
{
    JournalRecord r;
    r.terminalId = "TERM0001";
    r.stan = 1;
    r.transmissionDateTime = "1202041500";
    r.amount = amount;
    r.currency = "826";
    r.maskedPan = "476173\xE2\x80\xA6"
                  "0010";
    r.mode = mode;
    r.state = state;
    r.cryptogram = state == JournalState::Completed ? CryptogramKind::Tc : CryptogramKind::None;
    r.authCode = state == JournalState::Declined ? std::string() : authCode;
    r.arc = state == JournalState::Declined ? "05" : "00";
    r.batch = batch;
    return r;
}
} // namespace

class TestJournalBatchSummary : public QObject
{
    Q_OBJECT

private slots:
    void oneRecord_data()
    {
        QTest::addColumn<JournalRecord>("record");
        QTest::addColumn<int>("debitCount");
        QTest::addColumn<qint64>("debitAmount");
        QTest::addColumn<int>("reversalCount");
        QTest::addColumn<int>("unresolved");
        using S = JournalState;
        using M = AuthorizationMode;
        QTest::addRow("approved-sale") << record(S::Completed, 1234) << 1 << qint64{1234} << 0 << 0;
        QTest::addRow("approved-then-reversed")
            << record(S::Reversed, 1234) << 1 << qint64{1234} << 1 << 0;
        QTest::addRow("declined") << record(S::Declined, 1234) << 0 << qint64{0} << 0 << 0;
        QTest::addRow("reversed-never-approved")
            << record(S::Reversed, 1234, "") << 0 << qint64{0} << 0 << 0;
        QTest::addRow("offline-advice-sent")
            << record(S::AdviceSent, 700, "", M::Offline) << 1 << qint64{700} << 0 << 0;
        QTest::addRow("offline-advice-owed")
            << record(S::Completed, 700, "", M::Offline) << 0 << qint64{0} << 0 << 1;
        QTest::addRow("pending") << record(S::Pending, 1234, "") << 0 << qint64{0} << 0 << 1;
        QTest::addRow("authorized-card-unknown")
            << record(S::Authorized, 1234) << 0 << qint64{0} << 0 << 1;
        QTest::addRow("other-batch")
            << record(S::Completed, 1234, "A1B2C3", M::Online, 2) << 0 << qint64{0} << 0 << 0;
    }
    void oneRecord()
    {
        QFETCH(JournalRecord, record);
        QFETCH(int, debitCount);
        QFETCH(qint64, debitAmount);
        QFETCH(int, reversalCount);
        QFETCH(int, unresolved);
        const BatchSummary summary = BatchSummary::of({record}, 1);
        QCOMPARE(summary.batch, 1u);
        QCOMPARE(int(summary.totals.debitCount), debitCount);
        QCOMPARE(summary.totals.debitAmount, debitAmount);
        QCOMPARE(int(summary.totals.reversalCount), reversalCount);
        QCOMPARE(summary.totals.reversalAmount, reversalCount ? debitAmount : 0);
        QCOMPARE(summary.unresolved, unresolved);
        QCOMPARE(summary.records, record.batch == 1 ? 1 : 0);
    }

    // A day's batch in the MemoryJournal: two approved sales count, the
    // reversed one nets to zero, the decline does not count.
    void journalBatch()
    {
        MemoryJournal journal;
        using S = JournalState;
        for (const JournalRecord& r :
             {record(S::Completed, 1000), record(S::Completed, 250), record(S::Reversed, 999),
              record(S::Declined, 5000),
              record(S::Completed, 77, "A1B2C3", AuthorizationMode::Online, 2)}) {
            auto id = journal.begin(r);
            QVERIFY2(id.ok(), id.ok() ? "" : id.error().describe().c_str());
        }
        auto summary = BatchSummary::of(journal, 1);
        QVERIFY(summary.ok());
        QCOMPARE(summary->records, 4);
        QCOMPARE(summary->totals.debitCount, 3u);
        QCOMPARE(summary->totals.debitAmount, qint64{2249});
        QCOMPARE(summary->totals.reversalCount, 1u);
        QCOMPARE(summary->totals.reversalAmount, qint64{999});
        QCOMPARE(summary->netAmount(), qint64{1250});
        QCOMPARE(summary->unresolved, 0);
        auto next = BatchSummary::of(journal, 2);
        QVERIFY(next.ok());
        QCOMPARE(next->totals.debitAmount, qint64{77});
        auto empty = BatchSummary::of(journal, 3);
        QVERIFY(empty.ok());
        QCOMPARE(empty->records, 0);
        QCOMPARE(empty->totals, host::BatchTotals{});
    }
};

QTEST_GUILESS_MAIN(TestJournalBatchSummary)
#include "tst_journal_batchsummary.moc"
