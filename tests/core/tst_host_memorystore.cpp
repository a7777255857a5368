// The HostStore contract (docs/host.md) on MemoryHostStore: units applied
// all-or-nothing, guards, balanced postings, order within one commit call,
// batch totals and card lookup.
#include "host/MemoryHostStore.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::host;

Q_DECLARE_METATYPE(cardlink::host::CommitStatus)

namespace {

enum class Breakage {
    None,
    Unbalanced,
    UnknownAccount,
    KeyExists,
    StaleCard,
    StaleAccount,
    AlreadyReversed,
    UnknownOriginal,
    StaleBatch
};

void populate(MemoryHostStore& store)
{
    store.addAccount({"a", AccountKind::Cardholder, "826", 1000, 0, 0, 0});
    store.addAccount({"m", AccountKind::Merchant, "826", 0, 0, 0, 0});
    Terminal terminal;
    terminal.id = "T1";
    terminal.merchantId = "M1";
    store.addTerminal(terminal);
    Card card;
    card.pan = "9999990000000001";
    card.psn = 1;
    card.accountId = "a";
    store.addCard(card);
    card.psn = 0;
    store.addCard(card);
}

CommitUnit purchase(const std::string& stan, Money amount)
{
    CommitUnit unit;
    unit.response.key = {"T1", stan, "1125120000"};
    unit.response.reversal = ReversalState::Posted;
    unit.response.amount = amount;
    unit.response.debitAccountId = "a";
    unit.response.creditAccountId = "m";
    unit.postings = {{"a", -amount, PostingKind::Purchase, "T1", 1, stan},
                     {"m", amount, PostingKind::Purchase, "T1", 1, stan}};
    unit.accountChecks = {{"a", 0}};
    unit.card = CardUpdate{"9999990000000001", 1,           0, std::uint16_t{5}, std::nullopt,
                           std::nullopt,       std::nullopt};
    return unit;
}

} // namespace

Q_DECLARE_METATYPE(Breakage)

class TestHostMemoryStore : public QObject
{
    Q_OBJECT

private slots:
    // A unit that breaks one rule changes nothing at all.
    void allOrNothing_data()
    {
        QTest::addColumn<Breakage>("breakage");
        QTest::addColumn<CommitStatus>("status");
        QTest::addRow("valid") << Breakage::None << CommitStatus::Committed;
        QTest::addRow("unbalanced") << Breakage::Unbalanced << CommitStatus::Rejected;
        QTest::addRow("unknown-account") << Breakage::UnknownAccount << CommitStatus::Rejected;
        QTest::addRow("key-exists") << Breakage::KeyExists << CommitStatus::Conflict;
        QTest::addRow("stale-card") << Breakage::StaleCard << CommitStatus::Conflict;
        QTest::addRow("stale-account") << Breakage::StaleAccount << CommitStatus::Conflict;
        QTest::addRow("already-reversed") << Breakage::AlreadyReversed << CommitStatus::Conflict;
        QTest::addRow("unknown-original") << Breakage::UnknownOriginal << CommitStatus::Rejected;
        QTest::addRow("stale-batch") << Breakage::StaleBatch << CommitStatus::Conflict;
    }
    void allOrNothing()
    {
        QFETCH(Breakage, breakage);
        QFETCH(CommitStatus, status);
        MemoryHostStore store;
        populate(store);
        // An earlier purchase, reversed already, and the terminal's batch 1.
        CommitUnit earlier = purchase("000001", 100);
        QCOMPARE(*store.commitOne(earlier), CommitStatus::Committed);
        CommitUnit reversal;
        reversal.response.key = {"T1", "000002", "1125120000"};
        reversal.postings = {{"a", 100, PostingKind::Reversal, "T1", 1, "r"},
                             {"m", -100, PostingKind::Reversal, "T1", 1, "r"}};
        reversal.reversal = ReversalMark{earlier.response.key, ReversalState::Posted};
        QCOMPARE(*store.commitOne(reversal), CommitStatus::Committed);
        const auto ledgerBefore = store.ledger().size();
        const auto card = **store.findCard("9999990000000001", 1);
        const auto account = **store.findAccount("a");

        CommitUnit unit = purchase("000003", 250);
        unit.card->expectedVersion = card.version;
        unit.accountChecks = {{"a", account.version}};
        unit.batchClose = BatchClose{"T1", 1, 2};
        switch (breakage) {
        case Breakage::None:
            break;
        case Breakage::Unbalanced:
            unit.postings[1].amount = 249;
            break;
        case Breakage::UnknownAccount:
            unit.postings[1].accountId = "nobody";
            break;
        case Breakage::KeyExists:
            unit.response.key = earlier.response.key;
            break;
        case Breakage::StaleCard:
            unit.card->expectedVersion = card.version - 1;
            break;
        case Breakage::StaleAccount:
            unit.accountChecks = {{"a", account.version + 7}};
            break;
        case Breakage::AlreadyReversed:
            unit.reversal = ReversalMark{earlier.response.key, ReversalState::Posted};
            break;
        case Breakage::UnknownOriginal:
            unit.reversal = ReversalMark{{"T1", "999999", "1125120000"}, ReversalState::Posted};
            break;
        case Breakage::StaleBatch:
            unit.batchClose->expectedBatchNumber = 7;
            break;
        }
        auto result = store.commitOne(unit);
        QVERIFY(result.ok());
        QCOMPARE(*result, status);
        const bool applied = status == CommitStatus::Committed;
        QCOMPARE(store.ledger().size(), ledgerBefore + (applied ? 2 : 0));
        QCOMPARE((*store.findAccount("a"))->balance, applied ? Money{750} : Money{1000});
        QCOMPARE((*store.findCard("9999990000000001", 1))->lastAtc.has_value(), true);
        QCOMPARE((*store.findCard("9999990000000001", 1))->version,
                 card.version + (applied ? 1 : 0));
        QCOMPARE((*store.findTerminal("T1"))->batchNumber, applied ? 2u : 1u);
        QCOMPARE((*store.findResponse(unit.response.key)).has_value(),
                 applied || breakage == Breakage::KeyExists);
        QCOMPARE(*store.ledgerSum(), Money{0});
    }

    // Units of one call are applied in order, each seeing the ones before;
    // one failing leaves the others alone (group commit).
    void groupCommit()
    {
        MemoryHostStore store;
        populate(store);
        std::vector<CommitUnit> units{purchase("000001", 100), purchase("000002", 200),
                                      purchase("000003", 300)};
        units[1].card.reset(); // second unit: no card, but its account guard is stale by then
        units[2].card.reset();
        units[2].accountChecks.clear();
        auto statuses = store.commit(units);
        QVERIFY(statuses.ok());
        QCOMPARE(statuses->size(), std::size_t(3));
        QCOMPARE(statuses->at(0), CommitStatus::Committed);
        QCOMPARE(statuses->at(1), CommitStatus::Conflict);
        QCOMPARE(statuses->at(2), CommitStatus::Committed);
        QCOMPARE((*store.findAccount("a"))->balance, Money{600});
        QCOMPARE((*store.findAccount("m"))->balance, Money{400});
        QCOMPARE(store.committedUnits(), std::size_t(2));
        QCOMPARE(*store.ledgerSum(), Money{0});
    }

    void batchTotals()
    {
        MemoryHostStore store;
        populate(store);
        QCOMPARE(*store.commitOne(purchase("000001", 100)), CommitStatus::Committed);
        CommitUnit second = purchase("000002", 40);
        second.card.reset();
        second.accountChecks.clear();
        QCOMPARE(*store.commitOne(second), CommitStatus::Committed);
        CommitUnit reversal;
        reversal.response.key = {"T1", "000003", "1125120000"};
        reversal.postings = {{"a", 40, PostingKind::Reversal, "T1", 1, "r"},
                             {"m", -40, PostingKind::Reversal, "T1", 1, "r"}};
        QCOMPARE(*store.commitOne(reversal), CommitStatus::Committed);
        const BatchTotals expected{2, 140, 1, 40};
        QCOMPARE(*store.batchTotals("T1", 1) == expected, true);
        QCOMPARE(*store.batchTotals("T1", 2) == BatchTotals{}, true);
        QCOMPARE(*store.batchTotals("T2", 1) == BatchTotals{}, true);
    }

    void findCard()
    {
        MemoryHostStore store;
        populate(store);
        QCOMPARE((*store.findCard("9999990000000001", std::nullopt))->psn, std::uint8_t{0});
        QCOMPARE((*store.findCard("9999990000000001", 1))->psn, std::uint8_t{1});
        QVERIFY(!store.findCard("9999990000000001", 2)->has_value());
        QVERIFY(!store.findCard("999999000000000", std::nullopt)->has_value());
        QVERIFY(!store.findCard("9999990000000002", std::nullopt)->has_value());
    }
};

QTEST_GUILESS_MAIN(TestHostMemoryStore)
#include "tst_host_memorystore.moc"
