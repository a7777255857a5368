#include "EmvFixtures.h"
#include "emv/TerminalRiskManagement.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::emv;
using namespace cardlink::test;

using Script = std::vector<ScriptedExchange>;
Q_DECLARE_METATYPE(Script)

class TestEmvRiskManagement : public QObject
{
    Q_OBJECT

private slots:
    // EMV 4.4 Book 3, 10.6.
    void riskManagement_data()
    {
        QTest::addColumn<int>("amount");
        QTest::addColumn<QString>("random");   // two bytes: (value % 99) + 1 is the draw
        QTest::addColumn<QStringList>("card"); // tag=value
        QTest::addColumn<Script>("script");
        QTest::addColumn<QString>("tvr");

        // floor limit 10000, threshold 2000, target 10 %, max 50 %.
        QTest::addRow("below-floor-not-selected")
            << 1000 << "0062" << QStringList{} << Script{} << "0000000000"; // draw 99 > 10
        QTest::addRow("at-floor-limit")
            << 10000 << "0000" << QStringList{} << Script{} << "0000008000";
        QTest::addRow("above-floor-limit")
            << 25000 << "0000" << QStringList{} << Script{} << "0000008000";
        QTest::addRow("random-selected-below-threshold")
            << 1000 << "0008" << QStringList{} << Script{} << "0000001000"; // draw 9 <= 10
        QTest::addRow("random-not-selected-below-threshold")
            << 1000 << "000A" << QStringList{} << Script{} << "0000000000"; // draw 11 > 10
        QTest::addRow("random-interpolated-selected")
            << 6000 << "001D" << QStringList{} << Script{} << "0000001000"; // 30 <= 10+20
        QTest::addRow("random-interpolated-not-selected")
            << 6000 << "001E" << QStringList{} << Script{} << "0000000000"; // 31 > 30
        QTest::addRow("velocity-within-limits")
            << 1000 << "0062" << QStringList{"9F14=03", "9F23=05"}
            << Script{{"80CA9F3600", "9F3602000A9000", "ATC"},
                      {"80CA9F1300", "9F130200089000", "last online ATC"}}
            << "0000000000";
        QTest::addRow("velocity-lower-exceeded")
            << 1000 << "0062" << QStringList{"9F14=03", "9F23=05"}
            << Script{{"80CA9F3600", "9F3602000C9000", "ATC"},
                      {"80CA9F1300", "9F130200089000", "last online ATC"}}
            << "0000004000";
        QTest::addRow("velocity-both-exceeded")
            << 1000 << "0062" << QStringList{"9F14=03", "9F23=05"}
            << Script{{"80CA9F3600", "9F3602000F9000", "ATC"},
                      {"80CA9F1300", "9F130200089000", "last online ATC"}}
            << "0000006000";
        QTest::addRow("velocity-new-card")
            << 1000 << "0062" << QStringList{"9F14=03", "9F23=05"}
            << Script{{"80CA9F3600", "9F360200029000", "ATC"},
                      {"80CA9F1300", "9F130200009000", "last online ATC zero"}}
            << "0008000000";
        QTest::addRow("velocity-get-data-fails")
            << 1000 << "0062" << QStringList{"9F14=03", "9F23=05"}
            << Script{{"80CA9F3600", "6A88", "no ATC"}, {"80CA9F1300", "6A88", "no register"}}
            << "0000006000";
        QTest::addRow("velocity-malformed-answer")
            << 1000 << "0062" << QStringList{"9F14=03", "9F23=05"}
            << Script{{"80CA9F3600", "9F36059000", "truncated"},
                      {"80CA9F1300", "9F130200089000", "last online ATC"}}
            << "0000006000";
        QTest::addRow("velocity-only-one-limit-skipped")
            << 1000 << "0062" << QStringList{"9F14=03"} << Script{} << "0000000000";
    }
    void riskManagement()
    {
        QFETCH(int, amount);
        QFETCH(QString, random);
        QFETCH(QStringList, card);
        QFETCH(Script, script);
        QFETCH(QString, tvr);

        ScriptedCard channel;
        for (const auto& step : script)
            channel.expect(step.command, step.response, step.comment);
        TerminalConfig config = terminalConfig();
        config.randomSelectionThreshold = 2000;
        config.randomSelectionTargetPercent = 10;
        config.randomSelectionMaxTargetPercent = 50;
        TransactionData data;
        data.set(0x9F02, TransactionData::bcd(static_cast<std::uint64_t>(amount), 6));
        for (const auto& item : card) {
            const auto parts = item.split('=');
            data.set(static_cast<tlv::Tag>(parts[0].toUInt(nullptr, 16)),
                     unhex(parts[1].toStdString()));
        }
        FixedRandom rng(unhex(random.toStdString()));
        Tvr result;
        Tsi tsi;
        auto r = performTerminalRiskManagement(channel, data, config, rng, result, tsi);
        QVERIFY(r.ok());
        QVERIFY2(channel.finished(), channel.failure().c_str());
        QCOMPARE(QString::fromStdString(toHex(result.toBytes())), tvr);
        QVERIFY(tsi.test(TsiBit::TerminalRiskManagementPerformed));
    }

    void interpolation()
    {
        TerminalConfig config = terminalConfig();
        config.floorLimit = 10000;
        config.randomSelectionThreshold = 2000;
        config.randomSelectionTargetPercent = 10;
        config.randomSelectionMaxTargetPercent = 50;
        QCOMPARE(randomSelectionPercent(1000, config), 10);
        QCOMPARE(randomSelectionPercent(2000, config), 10);
        QCOMPARE(randomSelectionPercent(6000, config), 30);
        QCOMPARE(randomSelectionPercent(9999, config), 49);
    }

    void cardRemovedDuringGetData()
    {
        ScriptedCard channel;
        channel.expectError("80CA9F3600", makeError(ErrorCode::CardRemoved, "gone"), "pulled");
        TerminalConfig config = terminalConfig();
        TransactionData data;
        data.set(0x9F02, TransactionData::bcd(100, 6));
        data.set(0x9F14, Bytes{3});
        data.set(0x9F23, Bytes{5});
        FixedRandom rng;
        Tvr tvr;
        Tsi tsi;
        auto r = performTerminalRiskManagement(channel, data, config, rng, tvr, tsi);
        QVERIFY(!r.ok());
        QVERIFY(r.error().code == ErrorCode::CardRemoved);
    }
};

QTEST_GUILESS_MAIN(TestEmvRiskManagement)
#include "tst_emv_riskmanagement.moc"
