// The ATR of the simulated card as it comes through pcscd: equal to the
// profile's, decodable, and announcing the profile's protocol, which is also
// the protocol pcscd negotiates for the connection.
#include "CardSimProcess.h"
#include "DemoProfile.h"
#include "IntegrationEnvironment.h"
#include "PcscCardChannel.h"
#include "PcscReaderService.h"
#include "iso7816/Atr.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace cardlink;
using namespace cardlink::integration;

namespace {
Bytes toBytes(const QByteArray& array)
{
    return Bytes(array.begin(), array.end());
}
} // namespace

class TestPcscAtr : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(vpcdPort() > 0, "run through with-pcscd.sh"); }
    void init() { QTRY_VERIFY_WITH_TIMEOUT(noCardPresent(), 3000); }

    void atrMatchesProfile_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<int>("protocol");
        QTest::addRow("t0") << QStringLiteral("iso-demo-t0.json") << 0;
        QTest::addRow("t1") << QStringLiteral("iso-demo-t1.json") << 1;
    }
    void atrMatchesProfile()
    {
        QFETCH(QString, profile);
        QFETCH(int, protocol);

        QString why;
        const auto expected = DemoProfile::load(profile, &why);
        QVERIFY2(expected, qPrintable(why));
        QCOMPARE(expected->protocol, protocol);

        pcsc::PcscReaderService service;
        QSignalSpy inserted(&service, &pcsc::PcscReaderService::cardInserted);
        service.start();

        CardSimProcess card(profile);
        QVERIFY2(card.start(), qPrintable(card.output()));
        QTRY_VERIFY_WITH_TIMEOUT(inserted.count() > 0, 3000);
        QCOMPARE(inserted.first().at(0).toString(), vpcdReaderName(0));
        const Bytes seen = toBytes(inserted.first().at(1).toByteArray());
        QCOMPARE(toHex(seen), toHex(expected->atr));

        // It decodes, and offers the profile's protocol (ISO/IEC 7816-3:2006, 8.2.3).
        auto atr = iso7816::Atr::parse(seen);
        QVERIFY2(atr.ok(), atr.ok() ? "" : atr.error().describe().c_str());
        QVERIFY(atr->offers(protocol));
        QCOMPARE(atr->raw(), seen);
        QVERIFY(!atr->describe().empty());

        // A connection sees the same ATR and runs the profile's protocol.
        auto channel = pcsc::PcscCardChannel::open(vpcdReaderName(0).toStdString());
        QVERIFY2(channel.ok(), channel.ok() ? "" : channel.error().describe().c_str());
        QCOMPARE(toHex((*channel)->atr()), toHex(expected->atr));
        QCOMPARE((*channel)->protocol(),
                 protocol == 0 ? pcsc::CardProtocol::T0 : pcsc::CardProtocol::T1);
        (*channel)->disconnect();

        // After a warm reset the card answers with the same ATR.
        auto again = pcsc::PcscCardChannel::open(vpcdReaderName(0).toStdString());
        QVERIFY(again.ok());
        QVERIFY((*again)->reset().ok());
        QCOMPARE(toHex((*again)->atr()), toHex(expected->atr));
    }
};

QTEST_GUILESS_MAIN(TestPcscAtr)
#include "tst_pcsc_atr.moc"
