// RecoveryPlanner: one row per (mode, state, cryptogram) a journal record can
// be left in, with the action recovery must take, and the messages it builds
// from a stored request (0400, its 0401 repeat with the same stamp, 0220).
#include "Iso8583Samples.h"
#include "iso8583/CardLinkProfile.h"
#include "iso8583/MessageValidator.h"
#include "journal/Journal.h"
#include "journal/RecoveryPlanner.h"
#include "journal/StoredRequest.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::journal;

Q_DECLARE_METATYPE(cardlink::journal::JournalState)
Q_DECLARE_METATYPE(cardlink::journal::CryptogramKind)
Q_DECLARE_METATYPE(cardlink::journal::AuthorizationMode)

namespace {
enum class Expect { Nothing, Reversal, Advice };

JournalRecord record(AuthorizationMode mode, JournalState state, CryptogramKind kind,
                     const char* authCode)
{
    JournalRecord r;
    r.id = 7;
    r.terminalId = "TERM0001";
    r.stan = 123;
    r.mode = mode;
    r.state = state;
    r.cryptogram = kind;
    r.authCode = authCode;
    auto request = mode == AuthorizationMode::Online ? iso8583::samples::authorizationRequest()
                                                     : iso8583::samples::financialAdvice();
    if (mode == AuthorizationMode::Online)
        request.setMti("0200");
    r.request = StoredRequest::encode(request).value();
    return r;
}

online::MessageStamp stampAt(std::uint32_t stan, std::int64_t seconds)
{
    return {stan, std::chrono::system_clock::time_point(std::chrono::seconds(seconds))};
}
} // namespace

Q_DECLARE_METATYPE(Expect)

class TestJournalPlanner : public QObject
{
    Q_OBJECT

private slots:
    void actionPerState_data();
    void actionPerState();
    void planKeepsJournalOrder();
    void reversalFromStoredRequest();
    void repeatReusesFirstStamp();
    void adviceGetsPanBack();
    void adviceNeedsAStored0220();
    void resolvedStates_data();
    void resolvedStates();
};

void TestJournalPlanner::actionPerState_data()
{
    QTest::addColumn<AuthorizationMode>("mode");
    QTest::addColumn<JournalState>("state");
    QTest::addColumn<CryptogramKind>("cryptogram");
    QTest::addColumn<QString>("authCode");
    QTest::addColumn<int>("attempts");
    QTest::addColumn<Expect>("expect");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<bool>("repeat");

    using S = JournalState;
    using C = CryptogramKind;
    const auto on = AuthorizationMode::Online;
    const auto off = AuthorizationMode::Offline;
    QTest::addRow("online-pending")
        << on << S::Pending << C::Arqc << "" << 0 << Expect::Reversal << "68" << false;
    QTest::addRow("online-sent") << on << S::Sent << C::Arqc << "" << 0 << Expect::Reversal << "68"
                                 << false;
    QTest::addRow("online-sent-reversal-tried")
        << on << S::Sent << C::Arqc << "" << 2 << Expect::Reversal << "68" << true;
    QTest::addRow("online-authorized-not-completed")
        << on << S::Authorized << C::Arqc << "A1B2C3" << 0 << Expect::Reversal << "06" << false;
    QTest::addRow("online-declined")
        << on << S::Declined << C::Aac << "" << 0 << Expect::Nothing << "" << false;
    QTest::addRow("online-completed-tc")
        << on << S::Completed << C::Tc << "A1B2C3" << 0 << Expect::Nothing << "" << false;
    QTest::addRow("online-completed-card-refused-after-approval")
        << on << S::Completed << C::Aac << "A1B2C3" << 0 << Expect::Reversal << "06" << false;
    QTest::addRow("online-completed-aac-host-declined")
        << on << S::Completed << C::Aac << "" << 0 << Expect::Nothing << "" << false;
    QTest::addRow("online-reversed")
        << on << S::Reversed << C::Arqc << "" << 1 << Expect::Nothing << "" << false;
    QTest::addRow("online-advice-sent")
        << on << S::AdviceSent << C::Tc << "" << 0 << Expect::Nothing << "" << false;
    QTest::addRow("offline-pending")
        << off << S::Pending << C::None << "" << 0 << Expect::Nothing << "" << false;
    QTest::addRow("offline-completed-tc")
        << off << S::Completed << C::Tc << "Y1" << 0 << Expect::Advice << "" << false;
    QTest::addRow("offline-completed-aac")
        << off << S::Completed << C::Aac << "Z1" << 0 << Expect::Nothing << "" << false;
    QTest::addRow("offline-declined")
        << off << S::Declined << C::Aac << "Z1" << 0 << Expect::Nothing << "" << false;
    QTest::addRow("offline-advice-sent")
        << off << S::AdviceSent << C::Tc << "Y1" << 0 << Expect::Nothing << "" << false;
}

void TestJournalPlanner::actionPerState()
{
    QFETCH(AuthorizationMode, mode);
    QFETCH(JournalState, state);
    QFETCH(CryptogramKind, cryptogram);
    QFETCH(QString, authCode);
    QFETCH(int, attempts);
    QFETCH(Expect, expect);
    QFETCH(QString, reason);
    QFETCH(bool, repeat);

    JournalRecord r = record(mode, state, cryptogram, authCode.toStdString().c_str());
    r.reversalAttempts = attempts;
    const auto action = RecoveryPlanner::actionFor(r);
    QCOMPARE(action.has_value(), expect != Expect::Nothing);
    if (!action)
        return;
    QCOMPARE(action->kind, expect == Expect::Reversal ? RecoveryAction::Kind::Reversal
                                                      : RecoveryAction::Kind::Advice);
    QCOMPARE(action->recordId, r.id);
    QCOMPARE(QString::fromStdString(action->reason), reason);
    QCOMPARE(action->repeat, repeat);

    // Whatever the action, once answered the record needs nothing more.
    const JournalRecord after = RecoveryPlanner::resolved(r, *action);
    QVERIFY(isFinalState(after.state));
    QVERIFY(!RecoveryPlanner::actionFor(after));
}

void TestJournalPlanner::planKeepsJournalOrder()
{
    std::vector<JournalRecord> records;
    for (auto [id, state] : {std::pair{1, JournalState::Completed},
                             {2, JournalState::Sent},
                             {3, JournalState::Declined},
                             {4, JournalState::Pending}}) {
        JournalRecord r = record(AuthorizationMode::Online, state, CryptogramKind::Tc, "");
        r.id = id;
        records.push_back(r);
    }
    JournalRecord offline =
        record(AuthorizationMode::Offline, JournalState::Completed, CryptogramKind::Tc, "Y1");
    offline.id = 5;
    records.push_back(offline);

    const auto actions = RecoveryPlanner::plan(records);
    QCOMPARE(actions.size(), std::size_t(3));
    QCOMPARE(actions[0].recordId, 2);
    QCOMPARE(actions[1].recordId, 4);
    QCOMPARE(actions[2].recordId, 5);
    QCOMPARE(actions[2].kind, RecoveryAction::Kind::Advice);
}

void TestJournalPlanner::reversalFromStoredRequest()
{
    const JournalRecord r =
        record(AuthorizationMode::Online, JournalState::Sent, CryptogramKind::Arqc, "");
    const auto action = RecoveryPlanner::actionFor(r).value();
    // Without the PAN (unsealed by the caller) no reversal can be built.
    QVERIFY(!RecoveryPlanner::message(r, action, stampAt(124, 1750000000), "", {}).ok());
    auto message =
        RecoveryPlanner::message(r, action, stampAt(124, 1750000000), iso8583::samples::kPan, {});
    QVERIFY2(message.ok(), message.ok() ? "" : message.error().describe().c_str());
    QCOMPARE(QString::fromStdString(message->mti()), QStringLiteral("0400"));
    QCOMPARE(QString::fromStdString(*message->text(11)), QStringLiteral("000124"));
    QCOMPARE(QString::fromStdString(*message->text(39)), QStringLiteral("68"));
    // Field 90 names the original by its MTI, STAN and field 7.
    QVERIFY(QString::fromStdString(*message->text(90)).startsWith("02000001230612143005"));
    QCOMPARE(QString::fromStdString(*message->text(2)), QString(iso8583::samples::kPan));
    QVERIFY(!message->has(52));
    auto valid = iso8583::MessageValidator::validate(*message, iso8583::cardLinkProfile());
    QVERIFY2(valid.ok(), valid.ok() ? "" : valid.error().describe().c_str());
}

void TestJournalPlanner::repeatReusesFirstStamp()
{
    JournalRecord r =
        record(AuthorizationMode::Online, JournalState::Sent, CryptogramKind::Arqc, "");
    const auto first = RecoveryPlanner::actionFor(r).value();
    QVERIFY(!first.repeat);
    r = RecoveryPlanner::withReversalStamp(r, stampAt(124, 1750000000));
    QCOMPARE(r.reversalAttempts, 1);
    const auto firstMessage =
        RecoveryPlanner::message(r, first, stampAt(124, 1750000000), iso8583::samples::kPan, {})
            .value();

    // The process died before the answer: the next start repeats it.
    const auto again = RecoveryPlanner::actionFor(r).value();
    QVERIFY(again.repeat);
    r = RecoveryPlanner::withReversalStamp(r, stampAt(999, 1760000000));
    QCOMPARE(r.reversalAttempts, 2);
    QCOMPARE(r.reversalStan, 124u);
    const auto repeat =
        RecoveryPlanner::message(r, again, stampAt(999, 1760000000), iso8583::samples::kPan, {})
            .value();
    QCOMPARE(QString::fromStdString(repeat.mti()), QStringLiteral("0401"));
    QCOMPARE(*repeat.text(11), *firstMessage.text(11));
    QCOMPARE(*repeat.text(7), *firstMessage.text(7));
}

void TestJournalPlanner::adviceGetsPanBack()
{
    const JournalRecord r =
        record(AuthorizationMode::Offline, JournalState::Completed, CryptogramKind::Tc, "Y1");
    const auto action = RecoveryPlanner::actionFor(r).value();
    auto advice =
        RecoveryPlanner::message(r, action, stampAt(1, 0), iso8583::samples::kPan, {}).value();
    QCOMPARE(QString::fromStdString(advice.mti()), QStringLiteral("0220"));
    QCOMPARE(QString::fromStdString(*advice.text(2)), QString(iso8583::samples::kPan));
    QCOMPARE(QString::fromStdString(*advice.text(11)), QStringLiteral("000123"));
    auto valid = iso8583::MessageValidator::validate(advice, iso8583::cardLinkProfile());
    QVERIFY2(valid.ok(), valid.ok() ? "" : valid.error().describe().c_str());
}

void TestJournalPlanner::adviceNeedsAStored0220()
{
    JournalRecord r =
        record(AuthorizationMode::Online, JournalState::Completed, CryptogramKind::Tc, "");
    const RecoveryAction advice{RecoveryAction::Kind::Advice, r.id, "", false};
    auto message = RecoveryPlanner::message(r, advice, stampAt(1, 0), "", {});
    QVERIFY(!message.ok());
    QCOMPARE(message.error().code, ErrorCode::InvalidArgument);
}

void TestJournalPlanner::resolvedStates_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<JournalState>("state");
    QTest::addRow("reversal") << int(RecoveryAction::Kind::Reversal) << JournalState::Reversed;
    QTest::addRow("advice") << int(RecoveryAction::Kind::Advice) << JournalState::AdviceSent;
}

void TestJournalPlanner::resolvedStates()
{
    QFETCH(int, kind);
    QFETCH(JournalState, state);
    const JournalRecord r =
        record(AuthorizationMode::Online, JournalState::Sent, CryptogramKind::Arqc, "");
    const RecoveryAction action{RecoveryAction::Kind(kind), r.id, "68", false};
    QCOMPARE(RecoveryPlanner::resolved(r, action).state, state);
}

QTEST_GUILESS_MAIN(TestJournalPlanner)
#include "tst_journal_planner.moc"
