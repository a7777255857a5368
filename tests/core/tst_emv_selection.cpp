#include "EmvFixtures.h"
#include "emv/ApplicationSelection.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::emv;
using namespace cardlink::test;

using Script = std::vector<ScriptedExchange>;
Q_DECLARE_METATYPE(Script)

namespace {
constexpr const char* kMc = "A0000000041010";
constexpr const char* kMaestro = "A0000000043060";
constexpr const char* kVisa = "A0000000031010";

std::string ok(const std::string& data)
{
    return data + "9000";
}
} // namespace

class TestEmvSelection : public QObject
{
    Q_OBJECT

private slots:
    // EMV 4.4 Book 1, 12.3 (candidate list) and 12.4 (final selection).
    void select_data()
    {
        QTest::addColumn<Script>("script");
        QTest::addColumn<QStringList>("aids"); // "AID" or "AID!" (no partial selection)
        QTest::addColumn<int>("choice");       // -1: the cardholder cancels
        QTest::addColumn<bool>("confirm");
        QTest::addColumn<int>("status");          // SelectionStatus after selectNext
        QTest::addColumn<QString>("selected");    // AID selected, "" if none
        QTest::addColumn<QStringList>("offered"); // candidates shown at the first choice
        QTest::addColumn<int>("confirmations");

        const QStringList mcOnly{kMc};
        QTest::addRow("pse")
            << Script{{kPseSelect, ok(pseFci(1)), "select PSE"},
                      {"00B2010C00", ok(record({adfEntry(kMc, "MASTERCARD", "01")})), "dir rec 1"},
                      {"00B2020C00", "6A83", "end of directory"},
                      {selectAid(kMc), ok(fci(kMc, "MASTERCARD", "01")), "final select"}}
            << mcOnly << 0 << true << int(SelectionStatus::Selected) << QString(kMc)
            << QStringList{} << 0;
        QTest::addRow("pse-entry-not-supported-falls-back-to-aid-list")
            << Script{{kPseSelect, ok(pseFci(1)), "select PSE"},
                      {"00B2010C00", ok(record({adfEntry(kVisa, "VISA")})), "dir rec 1"},
                      {"00B2020C00", "6A83", "end of directory"},
                      {selectAid(kMc), ok(fci(kMc, "MASTERCARD")), "aid list"},
                      {selectAid(kMc), ok(fci(kMc, "MASTERCARD")), "final select"}}
            << mcOnly << 0 << true << int(SelectionStatus::Selected) << QString(kMc)
            << QStringList{} << 0;
        QTest::addRow("pse-absent-aid-list")
            << Script{{kPseSelect, "6A82", "no PSE"},
                      {selectAid(kMc), ok(fci(kMc, "MASTERCARD")), "aid list"},
                      {selectAid(kVisa), "6A82", "no visa"},
                      {selectAid(kMc), ok(fci(kMc, "MASTERCARD")), "final select"}}
            << QStringList{kMc, kVisa} << 0 << true << int(SelectionStatus::Selected)
            << QString(kMc) << QStringList{} << 0;
        QTest::addRow("pse-bad-record-aid-list")
            << Script{{kPseSelect, ok(pseFci(1)), "select PSE"},
                      {"00B2010C00", ok("6102FFFF"), "not a 70 record"},
                      {selectAid(kMc), ok(fci(kMc, "MASTERCARD")), "aid list"},
                      {selectAid(kMc), ok(fci(kMc, "MASTERCARD")), "final select"}}
            << mcOnly << 0 << true << int(SelectionStatus::Selected) << QString(kMc)
            << QStringList{} << 0;
        QTest::addRow("partial-selection-next-occurrence")
            << Script{{kPseSelect, "6A82", "no PSE"},
                      {selectAid("A000000004"), ok(fci(kMc, "MASTERCARD")), "first"},
                      {selectAid("A000000004", true), ok(fci(kMaestro, "MAESTRO")), "next"},
                      {selectAid("A000000004", true), "6A82", "no more"},
                      {selectAid(kMaestro), ok(fci(kMaestro, "MAESTRO")), "final select"}}
            << QStringList{"A000000004"} << 1 << true << int(SelectionStatus::Selected)
            << QString(kMaestro) << QStringList{"MASTERCARD", "MAESTRO"} << 0;
        QTest::addRow("no-partial-selection-allowed")
            << Script{{kPseSelect, "6A82", "no PSE"},
                      {selectAid("A000000004"), ok(fci(kMc, "MASTERCARD")), "longer name"}}
            << QStringList{"A000000004!"} << 0 << true << int(SelectionStatus::NoCommonApplication)
            << QString() << QStringList{} << 0;
        QTest::addRow("blocked-application-6283")
            << Script{{kPseSelect, "6A82", "no PSE"},
                      {selectAid(kMc), fci(kMc, "MASTERCARD") + "6283", "blocked"}}
            << mcOnly << 0 << true << int(SelectionStatus::NoCommonApplication) << QString()
            << QStringList{} << 0;
        QTest::addRow("blocked-one-of-two-partial")
            << Script{{kPseSelect, "6A82", "no PSE"},
                      {selectAid("A000000004"), fci(kMc, "MASTERCARD") + "6283", "blocked"},
                      {selectAid("A000000004", true), ok(fci(kMaestro, "MAESTRO")), "next"},
                      {selectAid("A000000004", true), "6A82", "no more"},
                      {selectAid(kMaestro), ok(fci(kMaestro, "MAESTRO")), "final select"}}
            << QStringList{"A000000004"} << 0 << true << int(SelectionStatus::Selected)
            << QString(kMaestro) << QStringList{} << 0;
        QTest::addRow("priority-order-and-choice")
            << Script{{kPseSelect, ok(pseFci(2)), "select PSE"},
                      {"00B2011400",
                       ok(record({adfEntry(kMaestro, "MAESTRO", "02"),
                                  adfEntry(kMc, "MASTERCARD", "01"), adfEntry(kVisa, "VISA")})),
                       "dir rec 1"},
                      {"00B2021400", "6A83", "end"},
                      {selectAid(kMc), ok(fci(kMc, "MASTERCARD", "01")), "final select"}}
            << QStringList{"A000000004", "A000000003"} << 0 << true
            << int(SelectionStatus::Selected) << QString(kMc)
            << QStringList{"MASTERCARD", "MAESTRO", "VISA"} << 0;
        QTest::addRow("single-needs-confirmation-accepted")
            << Script{{kPseSelect, "6A82", "no PSE"},
                      {selectAid(kMc), ok(fci(kMc, "MASTERCARD", "81")), "aid list"},
                      {selectAid(kMc), ok(fci(kMc, "MASTERCARD", "81")), "final select"}}
            << mcOnly << 0 << true << int(SelectionStatus::Selected) << QString(kMc)
            << QStringList{} << 1;
        QTest::addRow("single-needs-confirmation-refused")
            << Script{{kPseSelect, "6A82", "no PSE"},
                      {selectAid(kMc), ok(fci(kMc, "MASTERCARD", "81")), "aid list"}}
            << mcOnly << 0 << false << int(SelectionStatus::Cancelled) << QString() << QStringList{}
            << 1;
        QTest::addRow("choice-cancelled")
            << Script{{kPseSelect, "6A82", "no PSE"},
                      {selectAid(kMc), ok(fci(kMc, "MASTERCARD")), "mc"},
                      {selectAid(kVisa), ok(fci(kVisa, "VISA")), "visa"}}
            << QStringList{kMc, kVisa} << -1 << true << int(SelectionStatus::Cancelled) << QString()
            << QStringList{"MASTERCARD", "VISA"} << 0;
        QTest::addRow("final-select-fails-retry-next")
            << Script{{kPseSelect, "6A82", "no PSE"},
                      {selectAid(kMc), ok(fci(kMc, "MASTERCARD")), "mc"},
                      {selectAid(kVisa), ok(fci(kVisa, "VISA")), "visa"},
                      {selectAid(kMc), "6A82", "final select fails"},
                      {selectAid(kVisa), ok(fci(kVisa, "VISA")), "final select visa"}}
            << QStringList{kMc, kVisa} << 0 << true << int(SelectionStatus::Selected)
            << QString(kVisa) << QStringList{"MASTERCARD", "VISA"} << 0;
    }
    void select()
    {
        QFETCH(Script, script);
        QFETCH(QStringList, aids);
        QFETCH(int, choice);
        QFETCH(bool, confirm);
        QFETCH(int, status);
        QFETCH(QString, selected);
        QFETCH(QStringList, offered);
        QFETCH(int, confirmations);

        ScriptedCard card;
        for (const auto& step : script)
            card.expect(step.command, step.response, step.comment);
        std::vector<std::pair<std::string, bool>> aidList;
        for (const auto& aid : aids)
            aidList.emplace_back(aid.chopped(aid.endsWith('!') ? 1 : 0).toStdString(),
                                 !aid.endsWith('!'));
        const TerminalConfig config = terminalConfig(aidList);
        FakeCardholder cardholder;
        cardholder.choice = choice < 0 ? std::nullopt : std::optional<std::size_t>(choice);
        cardholder.confirm = confirm;

        ApplicationSelection selection(card, cardholder, config);
        auto built = selection.buildCandidateList();
        QVERIFY2(built.ok(), built.ok() ? "" : built.error().describe().c_str());
        SelectionStatus result = *built;
        SelectedApplication app;
        if (result == SelectionStatus::Selected) {
            auto next = selection.selectNext(app);
            QVERIFY(next.ok());
            result = *next;
        }
        QVERIFY2(card.finished(), card.failure().c_str());
        QCOMPARE(int(result), status);
        QCOMPARE(QString::fromStdString(toHex(app.dfName)), selected);
        QCOMPARE(cardholder.confirmations, confirmations);
        if (!offered.isEmpty()) {
            QVERIFY(!cardholder.offered.empty());
            QStringList labels;
            for (const auto& candidate : cardholder.offered.front())
                labels << QString::fromStdString(candidate.label);
            QCOMPARE(labels, offered);
        } else {
            QVERIFY(cardholder.offered.empty());
        }
    }

    // Book 1, 12.3.2: 6A81 to the first SELECT means the card is blocked.
    void cardBlocked_data()
    {
        QTest::addColumn<Script>("script");
        QTest::addRow("pse-6a81") << Script{{kPseSelect, "6A81", "card blocked"}};
        QTest::addRow("aid-6a81") << Script{{kPseSelect, "6A82", "no PSE"},
                                            {selectAid(kMc), "6A81", "card blocked"}};
    }
    void cardBlocked()
    {
        QFETCH(Script, script);
        ScriptedCard card;
        for (const auto& step : script)
            card.expect(step.command, step.response, step.comment);
        const TerminalConfig config = terminalConfig();
        FakeCardholder cardholder;
        ApplicationSelection selection(card, cardholder, config);
        auto built = selection.buildCandidateList();
        QVERIFY(built.ok());
        QCOMPARE(*built, SelectionStatus::CardBlocked);
        QVERIFY2(card.finished(), card.failure().c_str());
    }

    // Book 3, 10.1: an application dropped after 6985 is not offered again.
    void removeCurrent()
    {
        ScriptedCard card{{kPseSelect, "6A82", "no PSE"},
                          {selectAid(kMc), ok(fci(kMc, "MASTERCARD")), "mc"},
                          {selectAid(kVisa), ok(fci(kVisa, "VISA")), "visa"},
                          {selectAid(kMc), ok(fci(kMc, "MASTERCARD")), "final mc"},
                          {selectAid(kVisa), ok(fci(kVisa, "VISA")), "final visa"}};
        const TerminalConfig config = terminalConfig({{kMc, true}, {kVisa, true}});
        FakeCardholder cardholder;
        ApplicationSelection selection(card, cardholder, config);
        QCOMPARE(*selection.buildCandidateList(), SelectionStatus::Selected);
        SelectedApplication app;
        QCOMPARE(*selection.selectNext(app), SelectionStatus::Selected);
        QCOMPARE(toHex(app.dfName), std::string(kMc));
        selection.removeCurrent();
        QCOMPARE(*selection.selectNext(app), SelectionStatus::Selected);
        QCOMPARE(toHex(app.dfName), std::string(kVisa));
        QCOMPARE(*selection.selectNext(app), SelectionStatus::NoCommonApplication);
        QVERIFY2(card.finished(), card.failure().c_str());
    }
};

QTEST_GUILESS_MAIN(TestEmvSelection)
#include "tst_emv_selection.moc"
