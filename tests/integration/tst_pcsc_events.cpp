// Card insert and remove events through PcscReaderService, from the card
// simulator's signals (SIGUSR1 removes, SIGUSR2 reinserts) and its timers
// (--remove-after, --reinsert-after). pcscd polls vpcd about every 400 ms:
// every event must arrive within kBoundMs of the card side's change.
#include "CardSimProcess.h"
#include "IntegrationEnvironment.h"
#include "PcscReaderService.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace cardlink;
using namespace cardlink::integration;

namespace {
constexpr int kBoundMs = 2000;
}

class TestPcscEvents : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(vpcdPort() > 0, "run through with-pcscd.sh"); }
    void init() { QTRY_VERIFY_WITH_TIMEOUT(noCardPresent(), 3000); }

    // Drives the card by signals; checks each event, its reader and the
    // service's state after it.
    void insertRemoveBySignal_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<int>("slot");
        QTest::addColumn<int>("cycles");
        QTest::addRow("t1-slot0-once") << QStringLiteral("iso-demo-t1.json") << 0 << 1;
        QTest::addRow("t0-slot1-twice") << QStringLiteral("iso-demo-t0.json") << 1 << 2;
    }
    void insertRemoveBySignal()
    {
        QFETCH(QString, profile);
        QFETCH(int, slot);
        QFETCH(int, cycles);
        const QString reader = vpcdReaderName(slot);

        pcsc::PcscReaderService service;
        QSignalSpy readers(&service, &pcsc::PcscReaderService::readersChanged);
        QSignalSpy inserted(&service, &pcsc::PcscReaderService::cardInserted);
        QSignalSpy removed(&service, &pcsc::PcscReaderService::cardRemoved);
        service.start();
        QVERIFY(readers.wait(kBoundMs));
        QVERIFY(!service.hasCard(reader));

        CardSimProcess card(profile, slot);
        QElapsedTimer clock;
        clock.start();
        QVERIFY2(card.start(), qPrintable(card.output()));
        QTRY_COMPARE_WITH_TIMEOUT(inserted.count(), 1, kBoundMs);
        QCOMPARE(inserted.last().at(0).toString(), reader);
        const QByteArray atr = inserted.last().at(1).toByteArray();
        QVERIFY(!atr.isEmpty());
        QVERIFY(service.hasCard(reader));
        QCOMPARE(service.atr(reader), atr);

        for (int cycle = 1; cycle <= cycles; ++cycle) {
            QVERIFY2(card.remove(), qPrintable(card.output()));
            clock.restart();
            QTRY_COMPARE_WITH_TIMEOUT(removed.count(), cycle, kBoundMs);
            QVERIFY(clock.elapsed() < kBoundMs);
            QCOMPARE(removed.last().at(0).toString(), reader);
            QVERIFY(!service.hasCard(reader));

            QVERIFY2(card.reinsert(), qPrintable(card.output()));
            clock.restart();
            QTRY_COMPARE_WITH_TIMEOUT(inserted.count(), cycle + 1, kBoundMs);
            QVERIFY(clock.elapsed() < kBoundMs);
            QCOMPARE(inserted.last().at(0).toString(), reader);
            QCOMPARE(inserted.last().at(1).toByteArray(), atr);
            QVERIFY(service.hasCard(reader));
        }
        // The other slot never had a card.
        for (const auto& args : inserted)
            QCOMPARE(args.at(0).toString(), reader);
    }

    // The simulator's own timers: removed 1 s after insertion, back 1 s
    // later. Each state lasts more than two of pcscd's polls, so each shows.
    void removeAndReinsertByTimer()
    {
        pcsc::PcscReaderService service;
        QSignalSpy inserted(&service, &pcsc::PcscReaderService::cardInserted);
        QSignalSpy removed(&service, &pcsc::PcscReaderService::cardRemoved);
        service.start();

        CardSimProcess card(QStringLiteral("iso-demo-t1.json"));
        card.addArguments({QStringLiteral("--remove-after"), QStringLiteral("1000"),
                           QStringLiteral("--reinsert-after"), QStringLiteral("1000")});
        QVERIFY2(card.start(), qPrintable(card.output()));
        QTRY_COMPARE_WITH_TIMEOUT(inserted.count(), 1, kBoundMs);
        QVERIFY2(card.waitForLine(QStringLiteral("cardsim: removed"), 1, kBoundMs),
                 qPrintable(card.output()));
        QElapsedTimer clock;
        clock.start();
        QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, kBoundMs);
        QVERIFY(clock.elapsed() < kBoundMs);
        QVERIFY2(card.waitForLine(QStringLiteral("cardsim: inserted"), 2, kBoundMs),
                 qPrintable(card.output()));
        clock.restart();
        QTRY_COMPARE_WITH_TIMEOUT(inserted.count(), 2, kBoundMs);
        QVERIFY(clock.elapsed() < kBoundMs);
        QVERIFY(service.hasCard(vpcdReaderName(0)));
        QCOMPARE(removed.count(), 1);
    }

    // The state at start arrives as events: a card already in the reader.
    void reportsCardPresentAtStart()
    {
        CardSimProcess card(QStringLiteral("iso-demo-t0.json"));
        QVERIFY2(card.start(), qPrintable(card.output()));
        {
            // Wait until pcscd has seen it, with a service of its own.
            pcsc::PcscReaderService probe;
            probe.start();
            QTRY_VERIFY_WITH_TIMEOUT(probe.hasCard(vpcdReaderName(0)), kBoundMs);
        }
        pcsc::PcscReaderService service;
        QSignalSpy inserted(&service, &pcsc::PcscReaderService::cardInserted);
        QSignalSpy readers(&service, &pcsc::PcscReaderService::readersChanged);
        service.start();
        QVERIFY(inserted.wait(kBoundMs));
        QCOMPARE(readers.count(), 1); // the readers came first
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(0).toString(), vpcdReaderName(0));
    }

    // stop() returns promptly from the blocking SCardGetStatusChange.
    void stopsPromptly()
    {
        pcsc::PcscReaderService service;
        QSignalSpy readers(&service, &pcsc::PcscReaderService::readersChanged);
        service.start();
        QVERIFY(readers.wait(kBoundMs));
        QTest::qWait(50); // let it block in SCardGetStatusChange
        QElapsedTimer clock;
        clock.start();
        service.stop();
        QVERIFY2(clock.elapsed() < 300, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!service.isRunning());
        // And starts again.
        readers.clear();
        service.start();
        QVERIFY(readers.wait(kBoundMs));
    }
};

QTEST_GUILESS_MAIN(TestPcscEvents)
#include "tst_pcsc_events.moc"
