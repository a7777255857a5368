#include "iso7816/CommandNames.h"

#include <QTest>

using namespace cardlink::iso7816;

class TestCommandNames : public QObject
{
    Q_OBJECT

private slots:
    // ISO/IEC 7816-4:2013, table 4; EMV 4.4 Book 3, 6.5.
    void names_data()
    {
        QTest::addColumn<int>("cla");
        QTest::addColumn<int>("ins");
        QTest::addColumn<QString>("name");
        QTest::addRow("select") << 0x00 << 0xA4 << "SELECT";
        QTest::addRow("read-record") << 0x00 << 0xB2 << "READ RECORD";
        QTest::addRow("read-binary") << 0x00 << 0xB0 << "READ BINARY";
        QTest::addRow("get-response") << 0x00 << 0xC0 << "GET RESPONSE";
        QTest::addRow("get-data-ca") << 0x00 << 0xCA << "GET DATA";
        QTest::addRow("get-data-cb") << 0x00 << 0xCB << "GET DATA";
        QTest::addRow("emv-get-data") << 0x80 << 0xCA << "GET DATA";
        QTest::addRow("verify") << 0x00 << 0x20 << "VERIFY";
        QTest::addRow("get-challenge") << 0x00 << 0x84 << "GET CHALLENGE";
        QTest::addRow("internal-auth") << 0x00 << 0x88 << "INTERNAL AUTHENTICATE";
        QTest::addRow("external-auth") << 0x00 << 0x82 << "EXTERNAL AUTHENTICATE";
        QTest::addRow("gpo") << 0x80 << 0xA8 << "GET PROCESSING OPTIONS";
        QTest::addRow("generate-ac") << 0x80 << 0xAE << "GENERATE AC";
        QTest::addRow("pin-change-8c") << 0x8C << 0x24 << "PIN CHANGE/UNBLOCK";
        QTest::addRow("pin-change-84") << 0x84 << 0x24 << "PIN CHANGE/UNBLOCK";
        QTest::addRow("change-reference-data") << 0x00 << 0x24 << "CHANGE REFERENCE DATA";
        QTest::addRow("application-block") << 0x8C << 0x1E << "APPLICATION BLOCK";
        QTest::addRow("application-unblock") << 0x84 << 0x18 << "APPLICATION UNBLOCK";
        QTest::addRow("card-block") << 0x84 << 0x16 << "CARD BLOCK";
        QTest::addRow("update-record") << 0x00 << 0xDC << "UPDATE RECORD";
        QTest::addRow("update-binary") << 0x00 << 0xD6 << "UPDATE BINARY";
        QTest::addRow("manage-channel") << 0x00 << 0x70 << "MANAGE CHANNEL";
        QTest::addRow("envelope") << 0x00 << 0xC2 << "ENVELOPE";
        QTest::addRow("reset-retry-counter") << 0x00 << 0x2C << "RESET RETRY COUNTER";
        QTest::addRow("select-on-channel-1") << 0x01 << 0xA4 << "SELECT";
        // Proprietary class with an ISO instruction code falls back to ISO.
        QTest::addRow("read-record-cla80") << 0x80 << 0xB2 << "READ RECORD";
        // EMV names apply only to proprietary classes.
        QTest::addRow("a8-interindustry") << 0x00 << 0xA8 << "INS A8";
        QTest::addRow("1e-interindustry") << 0x00 << 0x1E << "INS 1E";
        QTest::addRow("unknown") << 0x00 << 0x3B << "INS 3B";
        QTest::addRow("unknown-proprietary") << 0x90 << 0x5A << "INS 5A";
        QTest::addRow("pcsc-get-uid") << 0xFF << 0xCA << "PC/SC GET DATA";
        QTest::addRow("pcsc-other") << 0xFF << 0x82 << "PC/SC INS 82";
    }
    void names()
    {
        QFETCH(int, cla);
        QFETCH(int, ins);
        QFETCH(QString, name);
        QCOMPARE(QString::fromStdString(
                     commandName(static_cast<std::uint8_t>(cla), static_cast<std::uint8_t>(ins))),
                 name);
    }
};

QTEST_GUILESS_MAIN(TestCommandNames)
#include "tst_commandnames.moc"
