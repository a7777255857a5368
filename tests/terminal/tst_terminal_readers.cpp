// ReaderStatus and its ReaderListModel: the state the status bar shows from
// the PC/SC service's events.
#include "ReaderStatus.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using cardlink::terminal::ReaderListModel;
using cardlink::terminal::ReaderStatus;
using State = ReaderStatus::State;

class TestReaders : public QObject
{
    Q_OBJECT

private slots:
    void states()
    {
        ReaderStatus status;
        QAbstractItemModelTester tester(status.readers(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&status, &ReaderStatus::changed);
        QCOMPARE(status.state(), State::NoService);

        status.setServiceAvailable(true);
        QCOMPARE(status.state(), State::NoReader);
        status.setReaders({"A", "B"});
        QCOMPARE(status.state(), State::NoCard);
        QCOMPARE(status.reader(), QStringLiteral("A"));

        QSignalSpy inserted(&status, &ReaderStatus::cardInserted);
        status.setCardInserted("B", QByteArray::fromHex("3B020102"));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(status.state(), State::CardPresent);
        QCOMPARE(status.reader(), QStringLiteral("B")); // the one with the card
        QCOMPARE(status.atr(), QByteArray::fromHex("3B020102"));
        const QModelIndex b = status.readers()->index(1);
        QCOMPARE(b.data(ReaderListModel::NameRole).toString(), QStringLiteral("B"));
        QCOMPARE(b.data(ReaderListModel::CardPresentRole).toBool(), true);
        QCOMPARE(b.data(ReaderListModel::AtrRole).toString(), QStringLiteral("3B 02 01 02"));

        // A reader list change keeps the card state of readers that stay.
        status.setReaders({"B", "C"});
        QCOMPARE(status.readers()->rowCount(), 2);
        QVERIFY(status.readers()->hasCard("B"));

        status.setCardRemoved("B");
        QCOMPARE(status.state(), State::NoCard);
        QVERIFY(status.readers()->atr("B").isEmpty());

        status.setServiceAvailable(false);
        QCOMPARE(status.state(), State::NoService);
        QCOMPARE(status.readers()->rowCount(), 0);
        QVERIFY(changed.size() >= 6);
    }

    void stateNames_data()
    {
        QTest::addColumn<State>("state");
        QTest::addRow("no-service") << State::NoService;
        QTest::addRow("no-reader") << State::NoReader;
        QTest::addRow("no-card") << State::NoCard;
        QTest::addRow("card") << State::CardPresent;
    }
    void stateNames()
    {
        QFETCH(State, state);
        QVERIFY(!ReaderStatus::stateName(state).isEmpty());
    }

    void unknownReaderIgnored()
    {
        ReaderStatus status;
        status.setReaders({"A"});
        status.setCardInserted("Z", QByteArray::fromHex("3B00"));
        QCOMPARE(status.state(), State::NoCard);
    }
};

QTEST_GUILESS_MAIN(TestReaders)
#include "tst_terminal_readers.moc"
