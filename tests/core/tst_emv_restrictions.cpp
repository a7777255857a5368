#include "EmvFixtures.h"
#include "emv/ProcessingRestrictions.h"
#include "emv/TerminalConfig.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::emv;
using namespace cardlink::test;

class TestEmvRestrictions : public QObject
{
    Q_OBJECT

private slots:
    // EMV 4.4 Book 3, 10.4: each row gives the card's objects as "tag=value"
    // pairs, the transaction and the TVR expected.
    void restrictions_data()
    {
        QTest::addColumn<QStringList>("card");
        QTest::addColumn<int>("type");
        QTest::addColumn<bool>("services");
        QTest::addColumn<int>("otherAmount");
        QTest::addColumn<QString>("today");
        QTest::addColumn<QString>("tvr");

        QTest::addRow("nothing-to-check") << QStringList{} << 0 << false << 0 << "251125"
                                          << "0000000000";
        QTest::addRow("same-version") << QStringList{"9F08=008C"} << 0 << false << 0 << "251125"
                                      << "0000000000";
        QTest::addRow("different-version")
            << QStringList{"9F08=0002"} << 0 << false << 0 << "251125"
            << "0080000000";
        QTest::addRow("expired") << QStringList{"5F24=251124"} << 0 << false << 0 << "251125"
                                 << "0040000000";
        QTest::addRow("expires-today") << QStringList{"5F24=251125"} << 0 << false << 0 << "251125"
                                       << "0000000000";
        QTest::addRow("expiry-century-rule")
            << QStringList{"5F24=991231"} << 0 << false << 0 << "251125"
            << "0040000000";
        QTest::addRow("not-yet-effective")
            << QStringList{"5F25=251126"} << 0 << false << 0 << "251125"
            << "0020000000";
        QTest::addRow("effective-today")
            << QStringList{"5F25=251125"} << 0 << false << 0 << "251125"
            << "0000000000";
        QTest::addRow("bad-expiry-date")
            << QStringList{"5F24=251399"} << 0 << false << 0 << "251125"
            << "0040000000";
        QTest::addRow("auc-domestic-goods-ok")
            << QStringList{"9F07=FF00", "5F28=0826"} << 0 << false << 0 << "251125"
            << "0000000000";
        QTest::addRow("auc-not-at-pos")
            << QStringList{"9F07=FE00", "5F28=0826"} << 0 << false << 0 << "251125"
            << "0010000000";
        QTest::addRow("auc-international-goods-denied")
            << QStringList{"9F07=EB00", "5F28=0840"} << 0 << false << 0 << "251125"
            << "0010000000";
        QTest::addRow("auc-domestic-services-denied")
            << QStringList{"9F07=F700", "5F28=0826"} << 0 << true << 0 << "251125"
            << "0010000000";
        QTest::addRow("auc-domestic-cash-denied")
            << QStringList{"9F07=7F00", "5F28=0826"} << 1 << false << 0 << "251125"
            << "0010000000";
        QTest::addRow("auc-cashback-denied")
            << QStringList{"9F07=FF40", "5F28=0826"} << 9 << false << 500 << "251125"
            << "0010000000";
        QTest::addRow("auc-cashback-ok")
            << QStringList{"9F07=FF80", "5F28=0826"} << 9 << false << 500 << "251125"
            << "0000000000";
        QTest::addRow("auc-without-country-only-terminal-check")
            << QStringList{"9F07=0100"} << 0 << false << 0 << "251125"
            << "0000000000";
        QTest::addRow("everything-wrong")
            << QStringList{"9F08=0001", "5F24=200101", "5F25=300101", "9F07=0000"} << 0 << false
            << 0 << "251125"
            << "00F0000000";
    }
    void restrictions()
    {
        QFETCH(QStringList, card);
        QFETCH(int, type);
        QFETCH(bool, services);
        QFETCH(int, otherAmount);
        QFETCH(QString, today);
        QFETCH(QString, tvr);

        TransactionData data;
        for (const auto& item : card) {
            const auto parts = item.split('=');
            data.set(static_cast<tlv::Tag>(parts[0].toUInt(nullptr, 16)),
                     unhex(parts[1].toStdString()));
        }
        data.set(0x9A, unhex(today.toStdString()));
        TerminalConfig config = terminalConfig();
        TransactionRequest request;
        request.type = static_cast<std::uint8_t>(type);
        request.services = services;
        request.otherAmount = static_cast<std::uint64_t>(otherAmount);
        Tvr result;
        applyProcessingRestrictions(data, config, request, result);
        QCOMPARE(QString::fromStdString(toHex(result.toBytes())), tvr);
    }

    void emvDateCenturyRule()
    {
        QCOMPARE(emvDate(unhex("491231")).value(), 20491231u);
        QCOMPARE(emvDate(unhex("500101")).value(), 19500101u);
        QVERIFY(!emvDate(unhex("2513")).has_value());
        QVERIFY(!emvDate(unhex("251300")).has_value());
        QVERIFY(!emvDate(unhex("2A0101")).has_value());
    }
};

QTEST_GUILESS_MAIN(TestEmvRestrictions)
#include "tst_emv_restrictions.moc"
