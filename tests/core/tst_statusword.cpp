#include "iso7816/StatusWord.h"

#include <QTest>

using namespace cardlink::iso7816;

Q_DECLARE_METATYPE(cardlink::iso7816::StatusCategory)
Q_DECLARE_METATYPE(std::optional<int>)

class TestStatusWord : public QObject
{
    Q_OBJECT

private slots:
    // ISO/IEC 7816-4:2013, 5.6, table 5.
    void categorize_data()
    {
        QTest::addColumn<int>("sw");
        QTest::addColumn<StatusCategory>("category");
        QTest::addRow("9000") << 0x9000 << StatusCategory::Normal;
        QTest::addRow("6110") << 0x6110 << StatusCategory::Normal;
        QTest::addRow("6100") << 0x6100 << StatusCategory::Normal;
        QTest::addRow("6283") << 0x6283 << StatusCategory::Warning;
        QTest::addRow("63C2") << 0x63C2 << StatusCategory::Warning;
        QTest::addRow("6400") << 0x6400 << StatusCategory::ExecutionError;
        QTest::addRow("6581") << 0x6581 << StatusCategory::ExecutionError;
        QTest::addRow("6600") << 0x6600 << StatusCategory::ExecutionError;
        QTest::addRow("6700") << 0x6700 << StatusCategory::CheckingError;
        QTest::addRow("6982") << 0x6982 << StatusCategory::CheckingError;
        QTest::addRow("6A82") << 0x6A82 << StatusCategory::CheckingError;
        QTest::addRow("6C10") << 0x6C10 << StatusCategory::CheckingError;
        QTest::addRow("6F00") << 0x6F00 << StatusCategory::CheckingError;
        // Outside the interindustry values: never Normal.
        QTest::addRow("9001-proprietary") << 0x9001 << StatusCategory::ExecutionError;
        QTest::addRow("9F10-proprietary") << 0x9F10 << StatusCategory::ExecutionError;
        QTest::addRow("6000-null-byte") << 0x6000 << StatusCategory::ExecutionError;
        QTest::addRow("0000-invalid") << 0x0000 << StatusCategory::ExecutionError;
    }
    void categorize()
    {
        QFETCH(int, sw);
        QFETCH(StatusCategory, category);
        QCOMPARE(cardlink::iso7816::categorize(static_cast<std::uint16_t>(sw)), category);
    }

    // ISO/IEC 7816-4:2013, table 6, and the EMV 4.4 readings (Book 3, 6.3.5;
    // Book 1, 12.3 and 12.4).
    void describe_data()
    {
        QTest::addColumn<int>("sw");
        QTest::addColumn<QString>("text");
        QTest::addRow("9000") << 0x9000 << "normal processing";
        QTest::addRow("6110") << 0x6110 << "normal processing, 16 more bytes available";
        QTest::addRow("6100") << 0x6100 << "normal processing, 256 or more bytes available";
        QTest::addRow("6200") << 0x6200 << "warning: no information given";
        QTest::addRow("6281") << 0x6281 << "warning: part of returned data may be corrupted";
        QTest::addRow("6282") << 0x6282
                              << "warning: end of file or record reached before reading Ne bytes";
        QTest::addRow("6283") << 0x6283
                              << "warning: selected file deactivated (EMV: selected file "
                                 "invalidated, application blocked)";
        QTest::addRow("6210-trigger") << 0x6210 << "warning: triggering by the card (16 bytes)";
        QTest::addRow("6300") << 0x6300 << "warning (memory changed): no information given";
        QTest::addRow("6381") << 0x6381
                              << "warning (memory changed): file filled up by the last write";
        QTest::addRow("63C3") << 0x63C3 << "verification failed, 3 tries left";
        QTest::addRow("63C1") << 0x63C1 << "verification failed, 1 try left";
        QTest::addRow("63C0") << 0x63C0 << "verification failed, 0 tries left";
        QTest::addRow("6400") << 0x6400 << "execution error";
        QTest::addRow("6401") << 0x6401
                              << "execution error: immediate response required by the card";
        QTest::addRow("6581") << 0x6581 << "execution error (memory changed): memory failure";
        QTest::addRow("6600") << 0x6600 << "security-related issue (SW2 00)";
        QTest::addRow("6700") << 0x6700 << "wrong length";
        QTest::addRow("6881") << 0x6881
                              << "function in CLA not supported: logical channel not supported";
        QTest::addRow("6882") << 0x6882
                              << "function in CLA not supported: secure messaging not supported";
        QTest::addRow("6982") << 0x6982 << "command not allowed: security status not satisfied";
        QTest::addRow("6983") << 0x6983 << "command not allowed: authentication method blocked";
        QTest::addRow("6984") << 0x6984
                              << "command not allowed: reference data not usable (EMV: "
                                 "referenced data invalidated)";
        QTest::addRow("6985") << 0x6985 << "command not allowed: conditions of use not satisfied";
        QTest::addRow("6986") << 0x6986
                              << "command not allowed: command not allowed (no current EF)";
        QTest::addRow("6A80")
            << 0x6A80 << "wrong parameters P1-P2: incorrect parameters in the command data field";
        QTest::addRow("6A81") << 0x6A81
                              << "wrong parameters P1-P2: function not supported (EMV: card "
                                 "blocked or command not supported)";
        QTest::addRow("6A82") << 0x6A82 << "wrong parameters P1-P2: file or application not found";
        QTest::addRow("6A83") << 0x6A83 << "wrong parameters P1-P2: record not found";
        QTest::addRow("6A86") << 0x6A86 << "wrong parameters P1-P2: incorrect parameters P1-P2";
        QTest::addRow("6A88")
            << 0x6A88 << "wrong parameters P1-P2: referenced data or reference data not found";
        QTest::addRow("6A99-unknown") << 0x6A99 << "wrong parameters P1-P2 (SW2 99)";
        QTest::addRow("6B00") << 0x6B00 << "wrong parameters P1-P2";
        QTest::addRow("6C10") << 0x6C10 << "wrong Le field, 16 bytes available";
        QTest::addRow("6C00") << 0x6C00 << "wrong Le field, 256 bytes available";
        QTest::addRow("6D00") << 0x6D00 << "instruction code not supported or invalid";
        QTest::addRow("6E00") << 0x6E00 << "class not supported";
        QTest::addRow("6F00") << 0x6F00 << "no precise diagnosis";
        QTest::addRow("6F12") << 0x6F12 << "no precise diagnosis (SW2 12)";
        QTest::addRow("9001") << 0x9001 << "proprietary status 9001";
        QTest::addRow("6000") << 0x6000
                              << "invalid status word 6000 (SW1 60 is a NULL procedure byte)";
        QTest::addRow("1234") << 0x1234 << "invalid status word 1234 (SW1 not 6X or 9X)";
    }
    void describe()
    {
        QFETCH(int, sw);
        QFETCH(QString, text);
        QCOMPARE(QString::fromStdString(describeStatusWord(static_cast<std::uint16_t>(sw))), text);
    }

    // Every one of the 65536 values gets a non-empty description.
    void describeIsTotal()
    {
        for (std::uint32_t sw = 0; sw <= 0xFFFF; ++sw)
            QVERIFY2(!describeStatusWord(static_cast<std::uint16_t>(sw)).empty(),
                     qPrintable(QString::number(sw, 16)));
    }

    void triesLeft_data()
    {
        QTest::addColumn<int>("sw");
        QTest::addColumn<std::optional<int>>("tries");
        QTest::addRow("63C2") << 0x63C2 << std::optional<int>(2);
        QTest::addRow("63C0") << 0x63C0 << std::optional<int>(0);
        QTest::addRow("63CF") << 0x63CF << std::optional<int>(15);
        QTest::addRow("6300") << 0x6300 << std::optional<int>();
        QTest::addRow("9000") << 0x9000 << std::optional<int>();
        QTest::addRow("6983") << 0x6983 << std::optional<int>();
    }
    void triesLeft()
    {
        QFETCH(int, sw);
        QFETCH(std::optional<int>, tries);
        QCOMPARE(cardlink::iso7816::triesLeft(static_cast<std::uint16_t>(sw)), tries);
    }
};

QTEST_GUILESS_MAIN(TestStatusWord)
#include "tst_statusword.moc"
