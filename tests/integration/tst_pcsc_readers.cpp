// Reader listing through the real pcscd: the fixture's two vpcd slots are
// seen by the one-shot listing, the snapshot and the watcher service, and a
// card in one slot shows in that slot only.
#include "CardSimProcess.h"
#include "IntegrationEnvironment.h"
#include "PcscContext.h"
#include "PcscReaderService.h"
#include "ReaderSnapshot.h"

#include <QSignalSpy>
#include <QTest>

using namespace cardlink;
using namespace cardlink::integration;

class TestPcscReaders : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(vpcdPort() > 0, "run through with-pcscd.sh"); }
    void init() { QTRY_VERIFY_WITH_TIMEOUT(noCardPresent(), 3000); }

    void listsTheVpcdReaders()
    {
        auto readers = pcsc::PcscReaderService::listReaders();
        QVERIFY2(readers.ok(), readers.ok() ? "" : readers.error().describe().c_str());
        QCOMPARE(*readers, (QStringList{vpcdReaderName(0), vpcdReaderName(1)}));
    }

    void snapshotWithoutCards()
    {
        auto context = pcsc::PcscContext::establish();
        QVERIFY(context.ok());
        auto snapshot = pcsc::takeReaderSnapshot(*context);
        QVERIFY(snapshot.ok());
        QCOMPARE(snapshot->size(), std::size_t(2));
        for (const auto& reader : *snapshot) {
            QVERIFY2(!reader.cardPresent, reader.name.c_str());
            QVERIFY(reader.atr.empty());
        }
    }

    void serviceReportsReaders()
    {
        pcsc::PcscReaderService service;
        QSignalSpy changed(&service, &pcsc::PcscReaderService::readersChanged);
        QSignalSpy added(&service, &pcsc::PcscReaderService::readerAdded);
        QSignalSpy inserted(&service, &pcsc::PcscReaderService::cardInserted);
        service.start();
        QVERIFY(changed.wait(3000));
        QCOMPARE(changed.first().first().toStringList(),
                 (QStringList{vpcdReaderName(0), vpcdReaderName(1)}));
        QCOMPARE(added.count(), 2);
        QCOMPARE(added.at(0).first().toString(), vpcdReaderName(0));
        QCOMPARE(added.at(1).first().toString(), vpcdReaderName(1));
        QVERIFY(service.isServiceAvailable());
        QCOMPARE(service.readers(), (QStringList{vpcdReaderName(0), vpcdReaderName(1)}));
        // Empty readers: no insert event may follow.
        QVERIFY(!inserted.wait(600));
        service.stop();
        QVERIFY(!service.isRunning());
    }

    // A card in one slot shows in that slot and not in the other.
    void cardShowsInItsSlot_data()
    {
        QTest::addColumn<int>("slot");
        QTest::addRow("slot0") << 0;
        QTest::addRow("slot1") << 1;
    }
    void cardShowsInItsSlot()
    {
        QFETCH(int, slot);
        CardSimProcess card(QStringLiteral("iso-demo-t1.json"), slot);
        QVERIFY2(card.start(), qPrintable(card.output()));

        auto context = pcsc::PcscContext::establish();
        QVERIFY(context.ok());
        const std::string name = vpcdReaderName(slot).toStdString();
        const std::string other = vpcdReaderName(1 - slot).toStdString();
        auto present = [&](const std::string& reader) {
            auto snapshot = pcsc::takeReaderSnapshot(*context);
            if (!snapshot)
                return false;
            for (const auto& r : *snapshot) {
                if (r.name == reader)
                    return r.cardPresent && !r.atr.empty();
            }
            return false;
        };
        // pcscd polls vpcd about every 400 ms.
        QTRY_VERIFY_WITH_TIMEOUT(present(name), 3000);
        QVERIFY(!present(other));

        card.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!present(name), 3000);
    }
};

QTEST_GUILESS_MAIN(TestPcscReaders)
#include "tst_pcsc_readers.moc"
