#include "util/Bytes.h"

#include <QTest>

using namespace cardlink;

class TestBytes : public QObject
{
    Q_OBJECT

private slots:
    void hexRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::addRow("empty") << ""
                               << "";
        QTest::addRow("upper") << "9000"
                               << "9000";
        QTest::addRow("lower") << "6a82"
                               << "6A82";
        QTest::addRow("spaced") << "3B 02 14 50"
                                << "3B021450";
        QTest::addRow("colons") << "a0:00:00:00:04"
                                << "A000000004";
    }
    void hexRoundTrip()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        auto bytes = fromHex(text.toStdString());
        QVERIFY(bytes.ok());
        QCOMPARE(QString::fromStdString(toHex(*bytes)), canonical);
    }

    void badHex_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addRow("odd") << "900";
        QTest::addRow("non-hex") << "90G0";
        QTest::addRow("split-byte") << "9 000";
    }
    void badHex()
    {
        QFETCH(QString, text);
        auto bytes = fromHex(text.toStdString());
        QVERIFY(!bytes.ok());
        QCOMPARE(bytes.error().code, ErrorCode::Malformed);
    }

    void spacedHex() { QCOMPARE(toSpacedHex(Bytes{0x90, 0x00, 0x0A}), std::string("90 00 0A")); }

    void wipe()
    {
        Bytes pin{'1', '2', '3', '4'};
        secureWipe(pin);
        QCOMPARE(pin, (Bytes{0, 0, 0, 0}));
    }
};

QTEST_GUILESS_MAIN(TestBytes)
#include "tst_bytes.moc"
