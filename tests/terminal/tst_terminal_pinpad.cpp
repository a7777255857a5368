// PinPad: digits only in a SecretBytes buffer, 4..12 digits, Correct wipes,
// takePin() hands them over once, timeout, shuffled layout, physical keys.
#include "PinPad.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using cardlink::terminal::PinPad;

namespace {
bool pinIs(const cardlink::pin::SecretBytes& pin, const char* digits)
{
    const std::string text(digits);
    return pin.equals(
        cardlink::ByteView(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()));
}
} // namespace

class TestPinPad : public QObject
{
    Q_OBJECT

private slots:
    void entry_data()
    {
        QTest::addColumn<QList<int>>("digits");
        QTest::addColumn<int>("length");
        QTest::addColumn<bool>("canSubmit");
        QTest::addRow("three-too-short") << QList<int>{1, 2, 3} << 3 << false;
        QTest::addRow("four") << QList<int>{1, 2, 3, 4} << 4 << true;
        QTest::addRow("twelve") << QList<int>(12, 7) << 12 << true;
        QTest::addRow("thirteenth-ignored") << QList<int>(13, 7) << 12 << true;
        QTest::addRow("out-of-range-ignored") << QList<int>{-1, 10, 5} << 1 << false;
    }
    void entry()
    {
        QFETCH(QList<int>, digits);
        QFETCH(int, length);
        QFETCH(bool, canSubmit);
        PinPad pad;
        pad.start(3);
        QSignalSpy lengths(&pad, &PinPad::lengthChanged);
        for (const int digit : digits)
            pad.pressDigit(digit);
        QCOMPARE(pad.length(), length);
        QCOMPARE(pad.canSubmit(), canSubmit);
        QCOMPARE(pad.triesLeft(), 3);
        QVERIFY(lengths.size() >= std::min<int>(length, 1));
    }

    void takePinOnce()
    {
        PinPad pad;
        pad.start();
        QSignalSpy submitted(&pad, &PinPad::submitted);
        for (const int digit : {1, 2, 3, 4})
            pad.pressDigit(digit);
        pad.submit();
        QCOMPARE(submitted.size(), 1);
        const auto pin = pad.takePin();
        QVERIFY(pinIs(pin, "1234"));
        QCOMPARE(pad.length(), 0);
        QVERIFY(!pad.isActive());
        QCOMPARE(pad.takePin().size(), std::size_t(0));
    }

    void inactivePadIgnoresDigits()
    {
        PinPad pad;
        pad.pressDigit(1);
        QCOMPARE(pad.length(), 0);
    }

    void correctClearsAll()
    {
        PinPad pad;
        pad.start();
        for (const int digit : {9, 8, 7, 6, 5})
            pad.pressDigit(digit);
        pad.correct();
        QCOMPARE(pad.length(), 0);
        pad.pressDigit(4);
        for (const int digit : {3, 2, 1})
            pad.pressDigit(digit);
        QVERIFY(pinIs(pad.takePin(), "4321"));
    }

    void submitTooShortDoesNothing()
    {
        PinPad pad;
        pad.start();
        QSignalSpy submitted(&pad, &PinPad::submitted);
        pad.pressDigit(1);
        pad.submit();
        QCOMPARE(submitted.size(), 0);
        QVERIFY(pad.isActive());
    }

    void cancelWipes()
    {
        PinPad pad;
        pad.start();
        QSignalSpy cancelled(&pad, &PinPad::cancelled);
        pad.pressDigit(1);
        pad.cancel();
        QCOMPARE(cancelled.size(), 1);
        QCOMPARE(pad.length(), 0);
        QVERIFY(!pad.isActive());
    }

    void timeout()
    {
        PinPad pad;
        pad.setTimeoutSeconds(2);
        pad.start();
        pad.pressDigit(5);
        QSignalSpy timedOut(&pad, &PinPad::timedOut);
        QSignalSpy ticks(&pad, &PinPad::secondsLeftChanged);
        QCOMPARE(pad.secondsLeft(), 2);
        QVERIFY(timedOut.wait(4000));
        QCOMPARE(pad.secondsLeft(), 0);
        QVERIFY(ticks.size() >= 2);
        QCOMPARE(pad.length(), 0);
        QVERIFY(!pad.isActive());
    }

    void layout_data()
    {
        QTest::addColumn<bool>("shuffled");
        QTest::addRow("phone-order") << false;
        QTest::addRow("shuffled") << true;
    }
    void layout()
    {
        QFETCH(bool, shuffled);
        PinPad pad;
        pad.setShuffled(shuffled);
        QStringList keys = pad.keys();
        QCOMPARE(keys.size(), 10);
        if (!shuffled)
            QCOMPARE(keys, QStringList({"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"}));
        keys.sort();
        QCOMPARE(keys, QStringList({"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"}));
    }

    void shuffleChangesOrder()
    {
        // 20 shuffles of 10 keys all in phone order: chance 20 / 10! ~ 5e-6.
        PinPad pad;
        const QStringList phone = pad.keys();
        pad.setShuffled(true);
        bool differs = false;
        for (int i = 0; i < 20 && !differs; ++i) {
            pad.start();
            differs = pad.keys() != phone;
        }
        QVERIFY(differs);
    }

    void physicalKeys_data()
    {
        QTest::addColumn<QList<int>>("keys");
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("submits");
        QTest::addColumn<int>("cancels");
        QTest::addRow("digits-enter")
            << QList<int>{Qt::Key_1, Qt::Key_2, Qt::Key_3, Qt::Key_4, Qt::Key_Enter} << 4 << 1 << 0;
        QTest::addRow("backspace-corrects")
            << QList<int>{Qt::Key_1, Qt::Key_2, Qt::Key_Backspace, Qt::Key_3} << 1 << 0 << 0;
        QTest::addRow("escape-cancels") << QList<int>{Qt::Key_1, Qt::Key_Escape} << 0 << 0 << 1;
    }
    void physicalKeys()
    {
        QFETCH(QList<int>, keys);
        QFETCH(int, length);
        QFETCH(int, submits);
        QFETCH(int, cancels);
        PinPad pad;
        pad.start();
        QSignalSpy submitted(&pad, &PinPad::submitted);
        QSignalSpy cancelled(&pad, &PinPad::cancelled);
        for (const int key : keys)
            QVERIFY(pad.handleKey(key));
        QCOMPARE(pad.length(), length);
        QCOMPARE(submitted.size(), submits);
        QCOMPARE(cancelled.size(), cancels);
    }
};

QTEST_GUILESS_MAIN(TestPinPad)
#include "tst_terminal_pinpad.moc"
