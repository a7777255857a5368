#include "emv/TerminalConfig.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::emv;

class TestEmvTerminalConfig : public QObject
{
    Q_OBJECT

private slots:
    void sampleFile()
    {
        auto config = TerminalConfig::load(std::string(CARDLINK_SOURCE_DIR) +
                                           "/resources/terminal/terminal-demo.json");
        QVERIFY2(config.ok(), config.ok() ? "" : config.error().describe().c_str());
        QCOMPARE(toHex(config->capabilities), std::string("E0F8C8"));
        QCOMPARE(config->aids.size(), std::size_t(5));
        QCOMPARE(toHex(config->aids[0].aid), std::string("A0000000041010"));
        QVERIFY(!config->aids[3].partialSelection);
        // The CardLink test cards' AID (docs/emv-test-cards.md)
        QCOMPARE(toHex(config->aids[4].aid), std::string("A0000009991010"));
        QCOMPARE(toHex(config->tac.online), std::string("FC50BC8800"));
        QCOMPARE(config->floorLimit, std::uint64_t(5000));
        QCOMPARE(config->randomSelectionMaxTargetPercent, 50);
        QCOMPARE(config->upperConsecutiveOfflineLimit.value(), std::uint64_t(5));
        QCOMPARE(config->currencyAlpha, std::string("GBP"));
        QCOMPARE(config->caKeyFile, std::string("ca-keys.json"));
    }

    // Errors name the JSON path of the bad value.
    void errors_data()
    {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("path");
        QTest::addRow("not-json") << "{"
                                  << "not valid JSON";
        QTest::addRow("not-object") << "[]"
                                    << "$";
        QTest::addRow("capabilities-not-hex") << R"({"capabilities":"XYZ"})"
                                              << "capabilities";
        QTest::addRow("capabilities-length") << R"({"capabilities":"E0F0"})"
                                             << "capabilities";
        QTest::addRow("aid-too-short") << R"({"aids":[{"aid":"A0000000041010"},{"aid":"A000"}]})"
                                       << "aids[1].aid";
        QTest::addRow("aid-missing") << R"({"aids":[{"partialSelection":true}]})"
                                     << "aids[0].aid";
        QTest::addRow("partial-not-bool")
            << R"({"aids":[{"aid":"A0000000041010","partialSelection":1}]})"
            << "aids[0].partialSelection";
        QTest::addRow("tac-length") << R"({"tac":{"online":"FC50"}})"
                                    << "tac.online";
        QTest::addRow("floor-negative") << R"({"floorLimit":-1})"
                                        << "floorLimit";
        QTest::addRow("percent-too-high") << R"({"randomSelection":{"targetPercent":120}})"
                                          << "randomSelection.targetPercent";
        QTest::addRow("max-below-target")
            << R"({"randomSelection":{"targetPercent":20,"maxTargetPercent":10}})"
            << "randomSelection.maxTargetPercent";
        QTest::addRow("terminal-id-too-long") << R"({"terminalId":"123456789"})"
                                              << "terminalId";
        QTest::addRow("velocity-not-number")
            << R"({"velocity":{"lowerConsecutiveOfflineLimit":"3"}})"
            << "velocity.lowerConsecutiveOfflineLimit";
    }
    void errors()
    {
        QFETCH(QString, json);
        QFETCH(QString, path);
        auto config = TerminalConfig::fromJson(json.toStdString());
        QVERIFY(!config.ok());
        QVERIFY(config.error().code == ErrorCode::Malformed);
        QVERIFY2(QString::fromStdString(config.error().message).contains(path),
                 config.error().message.c_str());
    }

    void missingFile()
    {
        auto config = TerminalConfig::load("/nonexistent/terminal.json");
        QVERIFY(!config.ok());
        QVERIFY(config.error().code == ErrorCode::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestEmvTerminalConfig)
#include "tst_emv_terminalconfig.moc"
