#include "EmvFixtures.h"
#include "emv/ProcessingOptions.h"
#include "emv/RecordReader.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::emv;
using namespace cardlink::test;

using Script = std::vector<ScriptedExchange>;
Q_DECLARE_METATYPE(Script)

namespace {
// Mandatory data of Book 3, 7.2 in two records.
std::string record1()
{
    return record({prim(0x5A, "5413330089600010"), prim(0x5F24, "301231"), prim(0x5F25, "200101")});
}
std::string record2()
{
    return record(
        {prim(0x8C, "9F02069F03069F1A0295055F2A029A039C019F3704"), prim(0x8D, "8A0295059F3704")});
}
} // namespace

class TestEmvGpo : public QObject
{
    Q_OBJECT

private slots:
    // EMV 4.4 Book 3, 10.1 and 6.5.8.
    void gpo_data()
    {
        QTest::addColumn<QString>("pdol");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("response");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("aip");
        QTest::addColumn<QString>("afl");

        QTest::addRow("format1-empty-pdol")
            << ""
            << "80A8000002830000"
            << "800A1800080101001001010190 00" << true << int(GpoStatus::Ok) << "1800"
            << "0801010010010101";
        QTest::addRow("format1-pdol")
            << "9F02069F3704"
            << "80A800000C830A00000000123411223344 00"
            << "8006180008010100 9000" << true << int(GpoStatus::Ok) << "1800"
            << "08010100";
        QTest::addRow("format2") << ""
                                 << "80A8000002830000"
                                 << "7713 82021980 940808010100 10010101 9F360200 01 9000" << true
                                 << int(GpoStatus::Ok) << "1980"
                                 << "0801010010010101";
        QTest::addRow("6985") << ""
                              << "80A8000002830000"
                              << "6985" << true << int(GpoStatus::ConditionsNotSatisfied) << ""
                              << "";
        QTest::addRow("6a88-error") << ""
                                    << "80A8000002830000"
                                    << "6A88" << false << 0 << ""
                                    << "";
        QTest::addRow("malformed-tlv") << ""
                                       << "80A8000002830000"
                                       << "800A1800 9000" << false << 0 << ""
                                       << "";
        QTest::addRow("format1-bad-afl-length") << ""
                                                << "80A8000002830000"
                                                << "8005180008010190 00" << false << 0 << ""
                                                << "";
        QTest::addRow("format2-missing-afl") << ""
                                             << "80A8000002830000"
                                             << "7704 82021980 9000" << false << 0 << ""
                                             << "";
        QTest::addRow("unknown-template") << ""
                                          << "80A8000002830000"
                                          << "6F04 82021980 9000" << false << 0 << ""
                                          << "";
    }
    void gpo()
    {
        QFETCH(QString, pdol);
        QFETCH(QString, command);
        QFETCH(QString, response);
        QFETCH(bool, ok);
        QFETCH(int, status);
        QFETCH(QString, aip);
        QFETCH(QString, afl);

        ScriptedCard card{{command.toStdString(), response.toStdString(), "GPO"}};
        TransactionData data;
        data.set(0x9F02, TransactionData::bcd(1234, 6));
        data.set(0x9F37, unhex("11223344"));
        auto result = initiateApplicationProcessing(card, data, unhex(pdol.toStdString()));
        QVERIFY2(card.finished(), card.failure().c_str());
        QCOMPARE(result.ok(), ok);
        if (!ok)
            return;
        QCOMPARE(int(result->status), status);
        QCOMPARE(QString::fromStdString(toHex(result->aip)), aip);
        QCOMPARE(QString::fromStdString(toHex(result->afl)), afl);
        if (status == int(GpoStatus::Ok)) {
            QCOMPARE(QString::fromStdString(toHex(*data.get(0x82))), aip);
            QCOMPARE(QString::fromStdString(toHex(*data.get(0x94))), afl);
        }
    }

    // Book 3, 10.2.
    void readRecords_data()
    {
        QTest::addColumn<QString>("afl");
        QTest::addColumn<Script>("script");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("error"); // part of the error message
        QTest::addColumn<QString>("odaData");

        const std::string r1 = record1();
        const std::string r2 = record2();
        // The value inside the 70 template of record 1.
        const QString r1Value = QString::fromStdString(r1.substr(4));
        QTest::addRow("two-records-one-for-oda")
            << "08010201"
            << Script{{"00B2010C00", r1 + "9000", "r1"}, {"00B2020C00", r2 + "9000", "r2"}} << true
            << "" << r1Value;
        QTest::addRow("sfi11-whole-record-for-oda")
            << "0801010058010101"
            << Script{{"00B2010C00", r1 + "9000", "r1"}, {"00B2015C00", r2 + "9000", "sfi 11"}}
            << true << "" << QString::fromStdString(r2);
        QTest::addRow("missing-mandatory-data")
            << "08010100" << Script{{"00B2010C00", r1 + "9000", "r1"}} << false
            << "missing mandatory data 8C"
            << "";
        QTest::addRow("duplicate-object")
            << "08010200"
            << Script{{"00B2010C00", r1 + "9000", "r1"}, {"00B2020C00", r1 + "9000", "r1 again"}}
            << false << "appears twice"
            << "";
        QTest::addRow("wrong-length-record")
            << "08010100" << Script{{"00B2010C00", "7010 5A085413330089600010 9000", "short"}}
            << false << "SFI 1 record 1"
            << "";
        QTest::addRow("not-a-70-template")
            << "08010100" << Script{{"00B2010C00", "6103 5A0100 9000", "61"}} << false
            << "not a 70 template"
            << "";
        QTest::addRow("trailing-bytes")
            << "08010100" << Script{{"00B2010C00", "7003 5A0100 5A0100 9000", "extra"}} << false
            << "length does not match"
            << "";
        QTest::addRow("record-not-found") << "08010100" << Script{{"00B2010C00", "6A83", "missing"}}
                                          << false << "record not found"
                                          << "";
        QTest::addRow("bad-afl-first-zero") << "08000100" << Script{} << false << "invalid AFL"
                                            << "";
        QTest::addRow("bad-afl-oda-count") << "08010103" << Script{} << false << "invalid AFL"
                                           << "";
        QTest::addRow("bad-afl-sfi-zero") << "00010100" << Script{} << false << "invalid AFL"
                                          << "";
    }
    void readRecords()
    {
        QFETCH(QString, afl);
        QFETCH(Script, script);
        QFETCH(bool, ok);
        QFETCH(QString, error);
        QFETCH(QString, odaData);

        ScriptedCard card;
        for (const auto& step : script)
            card.expect(step.command, step.response, step.comment);
        TransactionData data;
        auto result = readApplicationData(card, data, unhex(afl.toStdString()));
        QVERIFY2(card.finished(), card.failure().c_str());
        QCOMPARE(result.ok(), ok);
        if (!ok) {
            QVERIFY(result.error().code == ErrorCode::Malformed);
            QVERIFY2(QString::fromStdString(result.error().message).contains(error),
                     result.error().message.c_str());
            return;
        }
        QCOMPARE(QString::fromStdString(toHex(result->odaData)), odaData);
        QVERIFY(data.has(0x5A));
        QVERIFY(data.has(0x8C));
    }

    // A card pulled mid-way is a transport Error, not a card data error.
    void cardRemoved()
    {
        ScriptedCard card;
        card.expect("00B2010C00", record1() + "9000", "r1");
        card.expectError("00B2020C00", makeError(ErrorCode::CardRemoved, "removed"), "pulled");
        TransactionData data;
        auto result = readApplicationData(card, data, unhex("08010200"));
        QVERIFY(!result.ok());
        QVERIFY(result.error().code == ErrorCode::CardRemoved);
    }
};

QTEST_GUILESS_MAIN(TestEmvGpo)
#include "tst_emv_gpo.moc"
