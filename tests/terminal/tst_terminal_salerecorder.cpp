// SaleRecorder over the core journal: the built request is Pending (scrubbed,
// card sealed) before anything leaves, then Sent, Authorized/Declined and,
// after the card's second GENERATE AC, Completed; a journal that cannot
// write keeps the request from leaving; offline approvals keep their 0220.
#include "HostLinkAuthorizer.h"
#include "JournalKeys.h"
#include "SaleRecorder.h"
#include "TerminalBundle.h"
#include "core/Iso8583Samples.h"
#include "journal/CardSeal.h"
#include "journal/MemoryJournal.h"
#include "journal/RecoveryPlanner.h"
#include "journal/StoredRequest.h"

#include <QTemporaryDir>
#include <QTest>

using namespace cardlink;
using namespace cardlink::terminal;
using journal::CryptogramKind;
using journal::JournalState;

namespace {
// Plays link::HostAuthorizer's part: tells the observer what it does, then
// answers with `decision`.
class FakeLink final : public OnlineHost
{
public:
    link::HostAuthorizer::Observer* observer = nullptr;
    emv::OnlineDecision decision = emv::OnlineDecision::Approved;
    bool reachable = true;
    int sent = 0;

    emv::OnlineResponse authorize(const emv::OnlineRequest&) override
    {
        emv::OnlineResponse response;
        auto request = iso8583::samples::authorizationRequest();
        request.setMti("0200");
        if (!observer->requestBuilt(request))
            return response; // not journaled, not sent
        if (!reachable) {
            observer->requestNotSent();
            return response;
        }
        observer->requestSending();
        ++sent;
        response.decision = decision;
        const std::uint8_t second = decision == emv::OnlineDecision::Approved ? '0' : '5';
        response.authorisationResponseCode = {'0', second};
        response.authorisationCode = {'A', '1', 'B', '2', 'C', '3'};
        return response;
    }
};

class BrokenJournal final : public journal::MemoryJournal
{
public:
    Result<std::int64_t> begin(const journal::JournalRecord&) override
    {
        return makeError(ErrorCode::Io, "disk full");
    }
};

// The outcome after the card's second GENERATE AC with CID `cid`.
emv::TransactionOutcome outcome(emv::OutcomeKind kind, std::uint8_t cid)
{
    emv::TransactionOutcome result;
    result.kind = kind;
    result.aid = {0xA0, 0x00, 0x00, 0x09, 0x99, 0x10, 0x10};
    result.maskedPan = "476173…0010";
    result.data.set(0x9F27, {cid});
    result.data.set(0x9F02, {0x00, 0x00, 0x00, 0x00, 0x12, 0x34});
    result.data.set(0x5F2A, {0x08, 0x26});
    result.data.set(0x5A, {0x47, 0x61, 0x73, 0x90, 0x01, 0x01, 0x00, 0x10});
    result.data.set(0x9F26, {1, 2, 3, 4, 5, 6, 7, 8});
    return result;
}

link::TerminalBundle bundle(const QString& dir)
{
    link::TerminalBundle b;
    b.file = dir + QStringLiteral("/TERM0001.json");
    b.terminalId = QStringLiteral("TERM0001");
    b.merchantId = QStringLiteral("MERCHANT0000001");
    b.hostAddress = QStringLiteral("127.0.0.1");
    b.tlsPort = 1;
    const std::uint8_t key[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    b.initialKey = pin::SecretBytes(ByteView(key, sizeof key));
    b.initialKsnHex = QStringLiteral("FFFF9876543210E00000");
    return b;
}
} // namespace

Q_DECLARE_METATYPE(cardlink::emv::OnlineDecision)
Q_DECLARE_METATYPE(cardlink::journal::JournalState)

class TestSaleRecorder : public QObject
{
    Q_OBJECT

    void wire(journal::Journal& journal)
    {
        m_recorder = std::make_unique<SaleRecorder>(m_fake, journal);
        m_link = std::make_shared<HostLinkAuthorizer>(bundle(m_dir.path()));
        m_recorder->setLink(m_link);
        m_fake.observer = m_recorder.get();
        m_fake.sent = 0;
        m_fake.reachable = true;
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_journal = std::make_unique<journal::MemoryJournal>();
        wire(*m_journal);
    }

    void pendingBeforeTheHost()
    {
        m_recorder->begin();
        // What the journal holds when the request leaves (requestSending).
        std::vector<journal::JournalRecord> atSend;
        struct Spy final : link::HostAuthorizer::Observer
        {
            SaleRecorder* inner;
            journal::Journal* journal;
            std::vector<journal::JournalRecord>* seen;
            Result<void> requestBuilt(const iso8583::Message& m) override
            {
                return inner->requestBuilt(m);
            }
            void requestSending() override
            {
                *seen = journal->all().value();
                inner->requestSending();
            }
            void requestNotSent() override { inner->requestNotSent(); }
            void reversing(const online::MessageStamp& s) override { inner->reversing(s); }
            void reversed() override { inner->reversed(); }
        } spy;
        spy.inner = m_recorder.get();
        spy.journal = m_journal.get();
        spy.seen = &atSend;
        m_fake.observer = &spy;
        (void)m_recorder->authorize({});
        QCOMPARE(atSend.size(), std::size_t(1));
        const auto& pending = atSend.front();
        QCOMPARE(pending.state, JournalState::Pending);
        QCOMPARE(pending.terminalId, std::string("TERM0001"));
        QCOMPARE(pending.amount, std::int64_t(1234));
        QCOMPARE(pending.maskedPan, std::string("476173…0010"));
        // Scrubbed: no PAN, track, PIN block or MAC; the card sealed under
        // the bundle's journal key, for this record only.
        auto stored = journal::StoredRequest::decode(pending.request);
        QVERIFY(stored.ok());
        QVERIFY(!journal::StoredRequest::secretField(*stored));
        QVERIFY(!stored->has(64));
        auto key = link::JournalKeys::sealKey(bundle(m_dir.path()));
        QVERIFY(key.ok());
        auto pan = journal::CardSeal::unseal(pending.sealedCard, key->view(),
                                             link::JournalKeys::recordIdentity(pending));
        QVERIFY(pan.ok());
        QCOMPARE(*pan, std::string(iso8583::samples::kPan));
    }

    void hostAnswerThenCard_data()
    {
        QTest::addColumn<emv::OnlineDecision>("decision");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("cid");
        QTest::addColumn<JournalState>("afterHost");
        QTest::addColumn<JournalState>("final");
        QTest::addColumn<bool>("recoveryReverses");
        using K = emv::OutcomeKind;
        QTest::addRow("approved-tc")
            << emv::OnlineDecision::Approved << int(K::ApprovedOnline) << 0x40
            << JournalState::Authorized << JournalState::Completed << false;
        QTest::addRow("approved-card-aac")
            << emv::OnlineDecision::Approved << int(K::Declined) << 0x00 << JournalState::Authorized
            << JournalState::Completed << true;
        QTest::addRow("approved-card-removed")
            << emv::OnlineDecision::Approved << int(K::CardError) << 0x80
            << JournalState::Authorized << JournalState::Authorized << true;
        QTest::addRow("declined") << emv::OnlineDecision::Declined << int(K::Declined) << 0x00
                                  << JournalState::Declined << JournalState::Declined << false;
    }
    void hostAnswerThenCard()
    {
        QFETCH(emv::OnlineDecision, decision);
        QFETCH(int, kind);
        QFETCH(int, cid);
        QFETCH(JournalState, afterHost);
        QFETCH(JournalState, final);
        QFETCH(bool, recoveryReverses);
        m_fake.decision = decision;
        m_recorder->begin();
        (void)m_recorder->authorize({});
        QCOMPARE(m_journal->all()->back().state, afterHost);
        const auto id = m_journal->all()->back().id;
        QVERIFY(m_recorder->isActive(id));
        QVERIFY(m_recorder->finish(outcome(emv::OutcomeKind(kind), std::uint8_t(cid))).ok());
        QVERIFY(!m_recorder->isActive(id));
        const auto record = m_journal->find(id).value();
        QCOMPARE(record.state, final);
        if (final != JournalState::Authorized) // no card outcome: nothing new to write
            QCOMPARE(record.aid, std::string("A0000009991010"));
        QCOMPARE(bool(journal::RecoveryPlanner::actionFor(record)), recoveryReverses);
        QCOMPARE(m_recorder->record()->stan, record.stan);
    }

    void journalFailureSendsNothing()
    {
        BrokenJournal broken;
        wire(broken);
        m_recorder->begin();
        const auto response = m_recorder->authorize({});
        QCOMPARE(response.decision, emv::OnlineDecision::UnableToGoOnline);
        QCOMPARE(m_fake.sent, 0);
        QVERIFY(!m_recorder->record());
    }

    void unreachableHostThenOfflineApproval()
    {
        m_fake.reachable = false;
        m_recorder->begin();
        (void)m_recorder->authorize({});
        const auto pendingId = m_journal->all()->back().id;
        QCOMPARE(m_journal->all()->back().state, JournalState::Pending);
        // The card approves by its default action codes (Y3): an offline
        // approval with its 0220, in place of the request that never left.
        auto approved = outcome(emv::OutcomeKind::GoOnlineFailed, 0x40);
        approved.approved = true;
        QVERIFY(m_recorder->finish(approved).ok());
        QCOMPARE(m_journal->all()->size(), std::size_t(1));
        const auto record = m_journal->find(pendingId).value();
        QCOMPARE(record.mode, journal::AuthorizationMode::Offline);
        QCOMPARE(record.state, JournalState::Completed);
        QCOMPARE(journal::StoredRequest::decode(record.request)->mti(), std::string("0220"));
        const auto action = journal::RecoveryPlanner::actionFor(record);
        QVERIFY(action && action->kind == journal::RecoveryAction::Kind::Advice);
    }

    void unreachableHostThenDecline()
    {
        m_fake.reachable = false;
        m_recorder->begin();
        (void)m_recorder->authorize({});
        QVERIFY(m_recorder->finish(outcome(emv::OutcomeKind::GoOnlineFailed, 0x00)).ok());
        // Nothing left the terminal: nothing for recovery.
        QCOMPARE(m_journal->all()->back().state, JournalState::Declined);
        QVERIFY(m_journal->unresolved()->empty());
    }

    void offlineApprovalKeepsItsAdvice()
    {
        m_recorder->begin();
        QVERIFY(m_recorder->finish(outcome(emv::OutcomeKind::ApprovedOffline, 0x40)).ok());
        const auto records = m_journal->all().value();
        QCOMPARE(records.size(), std::size_t(1));
        QCOMPARE(records[0].mode, journal::AuthorizationMode::Offline);
        QCOMPARE(records[0].state, JournalState::Completed);
        QCOMPARE(records[0].amount, std::int64_t(1234));
        QCOMPARE(records[0].currency, std::string("826"));
        QVERIFY(!records[0].sealedCard.empty());
        QCOMPARE(m_recorder->record()->stan, records[0].stan);
        QCOMPARE(m_journal->unresolved()->size(), std::size_t(1));
    }

    void cancelledSaleNotJournaled()
    {
        m_recorder->begin();
        QVERIFY(m_recorder->finish(outcome(emv::OutcomeKind::Cancelled, 0x00)).ok());
        QVERIFY(m_journal->all()->empty());
    }

private:
    QTemporaryDir m_dir;
    FakeLink m_fake;
    std::unique_ptr<journal::MemoryJournal> m_journal;
    std::shared_ptr<HostLinkAuthorizer> m_link;
    std::unique_ptr<SaleRecorder> m_recorder;
};

QTEST_GUILESS_MAIN(TestSaleRecorder)
#include "tst_terminal_salerecorder.moc"
