// SaleRecorder: the sale is Pending in the journal before the host is asked,
// the host's decision and the final outcome are written after; a journal
// that cannot write keeps the request from leaving.
#include "journal/SaleRecorder.h"
#include "journal/SqliteJournal.h"
#include "terminal/ScriptedRunner.h"

#include <QTemporaryDir>
#include <QTest>

#include <functional>

using namespace cardlink;
using namespace cardlink::terminal;
using State = JournalRecord::State;

namespace {
class FakeHost final : public HostAuthorizer
{
public:
    emv::OnlineDecision decision = emv::OnlineDecision::Approved;
    std::function<void()> onCall;
    int calls = 0;
    emv::OnlineResponse authorize(const emv::OnlineRequest&) override
    {
        ++calls;
        if (onCall)
            onCall();
        emv::OnlineResponse response;
        response.decision = decision;
        response.authorisationCode = {'0', '0', '1', '2', '3', '4'};
        return response;
    }
};

class BrokenJournal final : public Journal
{
public:
    Result<qint64> add(const JournalRecord&) override
    {
        return makeError(ErrorCode::Io, "disk full");
    }
    Result<void> update(qint64, State, const QString&, const QString&) override
    {
        return makeError(ErrorCode::Io, "disk full");
    }
    Result<std::vector<JournalRecord>> pending() const override
    {
        return std::vector<JournalRecord>{};
    }
    Result<std::vector<JournalRecord>> latest(int) const override
    {
        return std::vector<JournalRecord>{};
    }
};

emv::OnlineRequest onlineRequest()
{
    emv::OnlineRequest request;
    request.data.set(0x5A, {0x47, 0x61, 0x73, 0x90, 0x01, 0x01, 0x00, 0x10});
    request.data.set(0x84, {0xA0, 0x00, 0x00, 0x09, 0x99, 0x10, 0x10});
    return request;
}
} // namespace

Q_DECLARE_METATYPE(cardlink::emv::OnlineDecision)

class TestSaleRecorder : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        auto journal = SqliteJournal::open(
            m_dir.filePath(QTest::currentDataTag() + QStringLiteral("%1.db").arg(++m_n)));
        QVERIFY(journal.ok());
        m_journal = std::move(*journal);
    }

    void pendingBeforeHost_data()
    {
        QTest::addColumn<emv::OnlineDecision>("decision");
        QTest::addColumn<State>("afterHost");
        QTest::addRow("approved") << emv::OnlineDecision::Approved << State::Approved;
        QTest::addRow("declined") << emv::OnlineDecision::Declined << State::Declined;
        QTest::addRow("unable") << emv::OnlineDecision::UnableToGoOnline << State::Pending;
    }
    void pendingBeforeHost()
    {
        QFETCH(emv::OnlineDecision, decision);
        QFETCH(State, afterHost);
        FakeHost host;
        host.decision = decision;
        SaleRecorder recorder(host, *m_journal);
        std::vector<JournalRecord> seenByHost;
        host.onCall = [&] {
            seenByHost = *m_journal->pending();
        };
        recorder.begin(17, 2500, QStringLiteral("GBP"));
        recorder.authorize(onlineRequest());
        QCOMPARE(host.calls, 1);
        QCOMPARE(seenByHost.size(), std::size_t(1));
        QCOMPARE(seenByHost[0].stan, 17);
        QCOMPARE(seenByHost[0].amount, qint64(2500));
        QCOMPARE(seenByHost[0].maskedPan, QStringLiteral("476173\u20260010"));
        QCOMPARE(seenByHost[0].aid, QStringLiteral("A0000009991010"));
        QCOMPARE(m_journal->latest(1)->front().state, afterHost);

        auto outcome = test::ScriptedRunner::approvedOutcome();
        QVERIFY(recorder.finish(outcome).ok());
        QCOMPARE(m_journal->latest(5)->size(), std::size_t(1));
        QCOMPARE(m_journal->latest(1)->front().state, State::Approved);
        QCOMPARE(m_journal->pending()->size(), std::size_t(0));
    }

    void offlineSaleAddedAtFinish_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<State>("state");
        QTest::addRow("approved-offline")
            << int(emv::OutcomeKind::ApprovedOffline) << State::Approved;
        QTest::addRow("declined-offline") << int(emv::OutcomeKind::Declined) << State::Declined;
        QTest::addRow("cancelled") << int(emv::OutcomeKind::Cancelled) << State::Cancelled;
    }
    void offlineSaleAddedAtFinish()
    {
        QFETCH(int, kind);
        QFETCH(State, state);
        FakeHost host;
        SaleRecorder recorder(host, *m_journal);
        recorder.begin(3, 100, QStringLiteral("GBP"));
        auto outcome = test::ScriptedRunner::approvedOutcome();
        outcome.kind = static_cast<emv::OutcomeKind>(kind);
        outcome.data.set(0x5A, {0x47, 0x61, 0x73, 0x90, 0x01, 0x01, 0x00, 0x10});
        QVERIFY(recorder.finish(outcome).ok());
        const auto records = *m_journal->latest(5);
        QCOMPARE(records.size(), std::size_t(1));
        QCOMPARE(records[0].state, state);
        QCOMPARE(records[0].stan, 3);
        QCOMPARE(records[0].maskedPan, QStringLiteral("476173\u20260010"));
        QCOMPARE(host.calls, 0);
    }

    void noJournalNoHostMessage()
    {
        FakeHost host;
        BrokenJournal broken;
        SaleRecorder recorder(host, broken);
        recorder.begin(1, 1, QStringLiteral("GBP"));
        const auto response = recorder.authorize(onlineRequest());
        QCOMPARE(response.decision, emv::OnlineDecision::UnableToGoOnline);
        QCOMPARE(host.calls, 0);
    }

private:
    QTemporaryDir m_dir;
    int m_n = 0;
    std::unique_ptr<SqliteJournal> m_journal;
};

QTEST_GUILESS_MAIN(TestSaleRecorder)
#include "tst_terminal_salerecorder.moc"
