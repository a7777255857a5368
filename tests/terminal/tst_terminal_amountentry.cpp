// AmountEntry: digits shift in from the right in minor units; keypad and
// physical keys.
#include "AmountEntry.h"

#include <QSignalSpy>
#include <QTest>

using cardlink::terminal::AmountEntry;

class TestAmountEntry : public QObject
{
    Q_OBJECT

private slots:
    void press_data()
    {
        QTest::addColumn<QStringList>("keys");
        QTest::addColumn<int>("exponent");
        QTest::addColumn<qint64>("minorUnits");
        QTest::addColumn<QString>("text");
        QTest::addRow("empty") << QStringList{} << 2 << qint64(0) << "0.00";
        QTest::addRow("one-digit") << QStringList{"5"} << 2 << qint64(5) << "0.05";
        QTest::addRow("four-digits")
            << QStringList{"1", "2", "3", "4"} << 2 << qint64(1234) << "12.34";
        QTest::addRow("leading-zeros-ignored")
            << QStringList{"0", "0", "7"} << 2 << qint64(7) << "0.07";
        QTest::addRow("double-zero") << QStringList{"3", "00"} << 2 << qint64(300) << "3.00";
        QTest::addRow("back") << QStringList{"1", "2", "3", "back"} << 2 << qint64(12) << "0.12";
        QTest::addRow("back-to-empty")
            << QStringList{"1", "back", "back"} << 2 << qint64(0) << "0.00";
        QTest::addRow("clear") << QStringList{"9", "9", "clear"} << 2 << qint64(0) << "0.00";
        QTest::addRow("max-digits")
            << QStringList(12, "9") << 2 << qint64(999999999) << "9999999.99";
        QTest::addRow("exponent-0") << QStringList{"4", "2"} << 0 << qint64(42) << "42";
        QTest::addRow("exponent-3") << QStringList{"1", "5"} << 3 << qint64(15) << "0.015";
        QTest::addRow("junk-ignored") << QStringList{"x", "12", "-"} << 2 << qint64(0) << "0.00";
    }
    void press()
    {
        QFETCH(QStringList, keys);
        QFETCH(int, exponent);
        QFETCH(qint64, minorUnits);
        QFETCH(QString, text);
        AmountEntry amount;
        amount.setExponent(exponent);
        for (const QString& key : keys)
            amount.press(key);
        QCOMPARE(amount.minorUnits(), minorUnits);
        QCOMPARE(amount.text(), text);
        QCOMPARE(amount.isValid(), minorUnits > 0);
    }

    void physicalKeys_data()
    {
        QTest::addColumn<QList<int>>("keys");
        QTest::addColumn<qint64>("minorUnits");
        QTest::addColumn<int>("submits");
        QTest::addRow("digits") << QList<int>{Qt::Key_1, Qt::Key_0, Qt::Key_5} << qint64(105) << 0;
        QTest::addRow("backspace")
            << QList<int>{Qt::Key_1, Qt::Key_2, Qt::Key_Backspace} << qint64(1) << 0;
        QTest::addRow("escape-clears") << QList<int>{Qt::Key_7, Qt::Key_Escape} << qint64(0) << 0;
        QTest::addRow("enter-submits") << QList<int>{Qt::Key_2, Qt::Key_Return} << qint64(2) << 1;
        QTest::addRow("enter-on-zero-does-not") << QList<int>{Qt::Key_Enter} << qint64(0) << 0;
    }
    void physicalKeys()
    {
        QFETCH(QList<int>, keys);
        QFETCH(qint64, minorUnits);
        QFETCH(int, submits);
        AmountEntry amount;
        QSignalSpy submitted(&amount, &AmountEntry::submitRequested);
        for (const int key : keys)
            QVERIFY(amount.handleKey(key));
        QVERIFY(!amount.handleKey(Qt::Key_A));
        QCOMPARE(amount.minorUnits(), minorUnits);
        QCOMPARE(submitted.size(), submits);
    }
};

QTEST_GUILESS_MAIN(TestAmountEntry)
#include "tst_terminal_amountentry.moc"
