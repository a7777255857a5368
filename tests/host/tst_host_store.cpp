// SqliteHostStore: group commit, per-unit outcomes, durability across a
// reopen, schema migrations. On a host directory made by cardlink-host itself.
#include "HostContext.h"
#include "HostTestEnvironment.h"
#include "SchemaMigrations.h"
#include "SqliteDatabase.h"

#include <QTest>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace cardlink;
using namespace cardlink::host;
using namespace cardlink::test;

namespace {
const std::string kMerchantAccount = std::string("merchant:") + HostDirectory::kMerchant;
const std::string kCardAccount = "card:pin-online-1";

CommitUnit purchase(unsigned stan, Money amount)
{
    CommitUnit unit;
    char text[8];
    std::snprintf(text, sizeof text, "%06u", stan);
    unit.response.key = RequestKey{"TERM0001", text, "1202010000"};
    unit.response.requestMti = "0200";
    unit.response.requestHash = Bytes(32, static_cast<std::uint8_t>(stan));
    unit.response.response = Bytes{0x02, 0x10};
    unit.response.responseCode = "00";
    unit.response.reversal = ReversalState::Posted;
    unit.response.amount = amount;
    unit.response.debitAccountId = kCardAccount;
    unit.response.creditAccountId = kMerchantAccount;
    unit.response.batchNumber = 1;
    unit.response.reference = text;
    unit.postings = {
        LedgerEntry{kCardAccount, -amount, PostingKind::Purchase, "TERM0001", 1, text},
        LedgerEntry{kMerchantAccount, amount, PostingKind::Purchase, "TERM0001", 1, text}};
    return unit;
}
} // namespace

class TestHostStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HostDirectory> m_dir;

    HostContext open()
    {
        auto context = HostContext::open(std::filesystem::path(m_dir->dir()) / "host.json");
        if (!context)
            qFatal("host: %s", context.error().describe().c_str());
        return std::move(*context);
    }

private slots:
    void init()
    {
        m_dir = std::make_unique<HostDirectory>();
        QVERIFY(m_dir->ok());
        QCOMPARE(m_dir->admin({"issue-card", "--test-keys", "--limit", "100000.00"}), 0);
    }

    void concurrentUnitsAreCommittedInGroups()
    {
        HostContext host = open();
        constexpr unsigned kThreads = 16;
        constexpr unsigned kPerThread = 25;
        std::atomic<unsigned> committed{0};
        std::vector<std::thread> threads;
        for (unsigned t = 0; t < kThreads; ++t)
            threads.emplace_back([&, t] {
                for (unsigned i = 0; i < kPerThread; ++i) {
                    auto status = host.store->commitOne(purchase(t * kPerThread + i + 1, 100));
                    if (status && *status == CommitStatus::Committed)
                        ++committed;
                }
            });
        for (auto& thread : threads)
            thread.join();
        QCOMPARE(committed.load(), kThreads * kPerThread);
        const auto stats = host.store->commitStats();
        QCOMPARE(stats.units, std::uint64_t{kThreads * kPerThread});
        // With 16 callers waiting, each COMMIT serves several of them.
        QVERIFY2(stats.transactions < stats.units / 2,
                 qPrintable(
                     QString("%1 commits for %2 units").arg(stats.transactions).arg(stats.units)));
        QVERIFY(stats.largestGroup > 1);
        QCOMPARE(*host.store->ledgerSum(), Money{0});
        QCOMPARE((*host.store->findAccount(kMerchantAccount))->balance,
                 Money{kThreads * kPerThread * 100});
    }

    void walIsCheckpointedWhileServing()
    {
        // Each COMMIT appends a few pages to host.db-wal; SQLite's automatic
        // checkpoint (at SqliteDatabase::kWalAutocheckpointPages) copies them
        // into host.db so the WAL is reused from its start. It once always
        // failed (the writer's cached lookups held a read transaction over
        // COMMIT): the WAL only grew.
        HostContext host = open();
        constexpr unsigned kUnits = 3000; // ~8 pages each: over two checkpoints' worth
        for (unsigned i = 1; i <= kUnits; ++i)
            QCOMPARE(*host.store->commitOne(purchase(i, 1)), CommitStatus::Committed);
        const auto wal = std::filesystem::file_size(m_dir->dir() + "/host.db-wal");
        // One checkpoint's worth of 4 KiB pages and a little more, not all
        // 3,000 units' pages (about 90 MB).
        const auto limit = std::uintmax_t{SqliteDatabase::kWalAutocheckpointPages} * 4096 * 6 / 5;
        QVERIFY2(wal < limit, qPrintable(QString("WAL of %1 bytes").arg(wal)));
        QCOMPARE((*host.store->findAccount(kMerchantAccount))->balance, Money{kUnits});
    }

    void eachUnitOfAGroupStandsAlone_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("expected");
        QTest::addRow("repeat-of-a-stored-key") << 0 << int(CommitStatus::Conflict);
        QTest::addRow("postings-not-balanced") << 1 << int(CommitStatus::Rejected);
        QTest::addRow("unknown-account") << 2 << int(CommitStatus::Rejected);
        QTest::addRow("stale-account-version") << 3 << int(CommitStatus::Conflict);
    }
    void eachUnitOfAGroupStandsAlone()
    {
        QFETCH(int, kind);
        QFETCH(int, expected);
        HostContext host = open();
        QCOMPARE(*host.store->commitOne(purchase(1, 500)), CommitStatus::Committed);
        CommitUnit bad = purchase(kind == 0 ? 1 : 2, 700);
        if (kind == 1)
            bad.postings[1].amount = 600;
        if (kind == 2)
            bad.postings[1].accountId = "merchant:nobody";
        if (kind == 3)
            bad.accountChecks = {AccountCheck{kMerchantAccount, 0}}; // moved to 1
        // One group: the good units on either side still commit.
        const std::vector<CommitUnit> units{purchase(10, 1), bad, purchase(11, 2)};
        auto statuses = host.store->commit(units);
        QVERIFY(statuses.ok());
        QCOMPARE(statuses->size(), std::size_t{3});
        QCOMPARE((*statuses)[0], CommitStatus::Committed);
        QCOMPARE(int((*statuses)[1]), expected);
        QCOMPARE((*statuses)[2], CommitStatus::Committed);
        QCOMPARE((*host.store->findAccount(kMerchantAccount))->balance, Money{503});
        QCOMPARE(*host.store->ledgerSum(), Money{0});
    }

    void committedDataSurvivesReopen()
    {
        {
            HostContext host = open();
            QCOMPARE(*host.store->commitOne(purchase(7, 1234)), CommitStatus::Committed);
        } // store closed: the writer finished, connections closed
        HostContext again = open();
        auto stored = again.store->findResponse(RequestKey{"TERM0001", "000007", "1202010000"});
        QVERIFY(stored.ok() && stored->has_value());
        QCOMPARE((*stored)->amount, Money{1234});
        QCOMPARE((*again.store->findAccount(kCardAccount))->balance, Money{-1234});
        auto totals = again.store->batchTotals("TERM0001", 1);
        QVERIFY(totals.ok());
        QCOMPARE(totals->debitCount, 1u);
        QCOMPARE(totals->debitAmount, Money{1234});
        std::string report;
        QCOMPARE(m_dir->admin({"report"}, &report), 0);
        QVERIFY2(report.find("ledger sum 0.00 (balanced)") != std::string::npos, report.c_str());
    }

    // A reversal of an unseen original stores a tombstone under the
    // original's key in the same unit: it survives a reopen, the original's
    // unit then conflicts, and a tombstone over a taken key conflicts with
    // nothing of its unit applied.
    void tombstoneTakesTheOriginalsKey()
    {
        const RequestKey originalKey{"TERM0001", "000042", "1202010000"};
        CommitUnit reversal;
        reversal.response.key = RequestKey{"TERM0001", "000043", "1202010500"};
        reversal.response.requestMti = "0400";
        reversal.response.requestHash = Bytes(32, 0x43);
        reversal.response.response = Bytes{0x04, 0x10};
        reversal.response.responseCode = "25";
        reversal.tombstone = StoredResponse::tombstone(originalKey, "0200", "000000000043");
        {
            HostContext host = open();
            QCOMPARE(*host.store->commitOne(reversal), CommitStatus::Committed);
        }
        HostContext host = open();
        auto stored = host.store->findResponse(originalKey);
        QVERIFY(stored.ok() && stored->has_value());
        QVERIFY((*stored)->isTombstone());
        QVERIFY((*stored)->response.empty());
        QCOMPARE((*stored)->requestMti, std::string("0200"));
        QCOMPARE((*stored)->reversal, ReversalState::Reversed);
        QVERIFY(host.store->findResponse(reversal.response.key)->has_value());

        QCOMPARE(*host.store->commitOne(purchase(42, 500)), CommitStatus::Conflict);
        QCOMPARE(*host.store->commitOne(purchase(44, 500)), CommitStatus::Committed);
        CommitUnit late = reversal;
        late.response.key.stan = "000045";
        late.tombstone->key.stan = "000044"; // the purchase above holds it
        QCOMPARE(*host.store->commitOne(late), CommitStatus::Conflict);
        QVERIFY(!(*host.store->findResponse(late.response.key)).has_value());
        QVERIFY(!(*(*host.store->findResponse(late.tombstone->key))).isTombstone());
        QCOMPARE((*host.store->findAccount(kMerchantAccount))->balance, Money{500});
        QCOMPARE(*host.store->ledgerSum(), Money{0});
    }

    // Field 42 is ans 15, fixed: a shorter merchant id is padded right with
    // spaces (the form the terminal sends and the engine compares), in
    // add-merchant, add-terminal --merchant and balance --merchant alike; a
    // longer one is refused with a message that says why.
    void shortMerchantIdIsPadded()
    {
        std::string output;
        QCOMPARE(m_dir->admin({"add-merchant", "--id", "SHOP2", "--currency", "826"}, &output), 0);
        QVERIFY2(output.find("field 42 'SHOP2          '") != std::string::npos, output.c_str());
        QCOMPARE(m_dir->admin({"add-terminal", "--id", "TERM0009", "--merchant", "SHOP2"}), 0);
        QCOMPARE(m_dir->admin({"balance", "--merchant", "SHOP2"}, &output), 0);
        QVERIFY2(output.find("merchant:SHOP2") != std::string::npos, output.c_str());
        {
            HostContext host = open();
            auto merchant = host.store->findMerchant("SHOP2          ");
            QVERIFY(merchant.ok() && merchant->has_value());
            QCOMPARE((*merchant)->accountId, std::string("merchant:SHOP2"));
            auto terminal = host.store->findTerminal("TERM0009");
            QVERIFY(terminal.ok() && terminal->has_value());
            QCOMPARE((*terminal)->merchantId, std::string("SHOP2          "));
            QVERIFY(!(*host.store->findMerchant("SHOP2")).has_value());
        }

        std::string errors;
        QVERIFY(m_dir->admin({"add-merchant", "--id", "SHOP00000000000X"}, nullptr, &errors) != 0);
        QVERIFY2(errors.find("'SHOP00000000000X' has 16 characters") != std::string::npos,
                 errors.c_str());
        QVERIFY(m_dir->admin({"add-merchant", "--id", "SHOP 3"}, nullptr, &errors) != 0);
        QVERIFY2(errors.find("without spaces") != std::string::npos, errors.c_str());
        QVERIFY(m_dir->admin({"add-terminal", "--id", "TERM0010", "--merchant", "SHOP00000000000X"},
                             nullptr, &errors) != 0);
        QVERIFY2(errors.find("has 16 characters") != std::string::npos, errors.c_str());
    }

    void keyFilesOpenToOthersAreRefused_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("mode");
        QTest::addRow("pvk-world-readable") << "pvk.key" << 0644;
        QTest::addRow("bdk-group-readable") << "bdk.key" << 0640;
        QTest::addRow("ca-key-others-writable") << "ca.key" << 0602;
        QTest::addRow("server-key-group-readable") << "server.key" << 0640;
    }

    void keyFilesOpenToOthersAreRefused()
    {
        QFETCH(QString, file);
        QFETCH(int, mode);
        const std::filesystem::path path = std::filesystem::path(m_dir->dir()) / file.toStdString();
        QVERIFY(std::filesystem::exists(path));
        // cardlink-host init wrote every key 0600: the host starts.
        QCOMPARE(std::filesystem::status(path).permissions() & std::filesystem::perms::mask,
                 std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
        std::filesystem::permissions(path, static_cast<std::filesystem::perms>(mode));

        // Each key is refused where it is used, and the message says what to do.
        std::string errors;
        if (file == "server.key") {
            HostProcess host(*m_dir);
            QVERIFY(!host.start());
            errors = host.log().toStdString();
        } else if (file == "ca.key") {
            QVERIFY(m_dir->admin({"add-terminal", "--id", "TERM0011", "--merchant",
                                  HostDirectory::kMerchant},
                                 nullptr, &errors) != 0);
        } else {
            auto context = HostContext::open(std::filesystem::path(m_dir->dir()) / "host.json");
            QVERIFY(!context.ok());
            errors = context.error().describe();
        }
        QVERIFY2(errors.find(path.string()) != std::string::npos, errors.c_str());
        QVERIFY2(errors.find("chmod 600") != std::string::npos, errors.c_str());

        std::filesystem::permissions(path, std::filesystem::perms::owner_read |
                                               std::filesystem::perms::owner_write);
        if (file == "server.key") {
            HostProcess host(*m_dir);
            QVERIFY2(host.start(), qPrintable(host.log()));
            QCOMPARE(host.stop(), 0);
        } else if (file == "ca.key") {
            QCOMPARE(m_dir->admin({"add-terminal", "--id", "TERM0011", "--merchant",
                                   HostDirectory::kMerchant}),
                     0);
        } else {
            QVERIFY(HostContext::open(std::filesystem::path(m_dir->dir()) / "host.json").ok());
        }
    }

    void migrationsAreIdempotent()
    {
        auto db = SqliteDatabase::open(m_dir->dir() + "/host.db");
        QVERIFY(db.ok());
        for (int run = 0; run < 3; ++run)
            QVERIFY(SchemaMigrations::migrate(*db).ok());
        QCOMPARE(*SchemaMigrations::currentVersion(*db), SchemaMigrations::latestVersion());
        auto rows = db->prepare("SELECT COUNT(*) FROM schema_version");
        QVERIFY(rows.ok() && rows->step().ok());
        QCOMPARE(rows->integer(0), std::int64_t{SchemaMigrations::latestVersion()});
        auto mode = db->prepare("PRAGMA journal_mode");
        QVERIFY(mode.ok() && mode->step().ok());
        QCOMPARE(mode->text(0), std::string("wal"));
    }

    void newerSchemaIsRefused()
    {
        auto db = SqliteDatabase::open(m_dir->dir() + "/host.db");
        QVERIFY(db.ok());
        QVERIFY(db->exec("INSERT INTO schema_version VALUES (99, 'future')").ok());
        auto migrated = SchemaMigrations::migrate(*db);
        QVERIFY(!migrated.ok());
        QCOMPARE(migrated.error().code, ErrorCode::Unsupported);
    }
};

QTEST_GUILESS_MAIN(TestHostStore)
#include "tst_host_store.moc"
