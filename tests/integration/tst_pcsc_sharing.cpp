// Two connections to one card. In shared mode another application may reset
// the card: pcsc-lite then answers our next SCardTransmit with
// SCARD_W_RESET_CARD, and PcscCardChannel reconnects and sends the command
// once more. In exclusive mode nobody else gets in.
#include "CardSimProcess.h"
#include "IntegrationEnvironment.h"
#include "PcscCardChannel.h"
#include "PcscCardHandle.h"
#include "PcscContext.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::integration;
using iso7816::CommandApdu;

namespace {

constexpr int kBoundMs = 3000;

// SELECT the MF without answer data (ISO/IEC 7816-4:2013, 11.1.1).
const CommandApdu kSelectMf{0x00, 0xA4, 0x00, 0x0C, {}, std::nullopt};

std::string reader0()
{
    return vpcdReaderName(0).toStdString();
}

} // namespace

class TestPcscSharing : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(vpcdPort() > 0, "run through with-pcscd.sh");
        m_card = std::make_unique<CardSimProcess>(QStringLiteral("iso-demo-t1.json"));
        QVERIFY2(m_card->start(), qPrintable(m_card->output()));
        QTRY_VERIFY_WITH_TIMEOUT(cardPresent(0), kBoundMs);
    }
    void cleanupTestCase() { m_card.reset(); }

    // The raw handle shows what pcsc-lite does after another handle's reset.
    void resetByAnotherHandleIsReported()
    {
        auto context = pcsc::PcscContext::establish();
        QVERIFY(context.ok());
        auto mine = pcsc::PcscCardHandle::connect(*context, reader0(), pcsc::ShareMode::Shared);
        auto other = pcsc::PcscCardHandle::connect(*context, reader0(), pcsc::ShareMode::Shared);
        QVERIFY(mine.ok() && other.ok());
        const Bytes select = kSelectMf.encode().value();
        QVERIFY(mine->transmit(select).ok());
        QVERIFY(!mine->resetSeen());

        QVERIFY(other->reconnect(true).ok()); // warm reset by "another application"
        auto afterReset = mine->transmit(select);
        QVERIFY(!afterReset.ok());
        QVERIFY(mine->resetSeen());
        QCOMPARE(afterReset.error().code, ErrorCode::Io);
        // Acknowledged by SCardReconnect, the handle works again.
        QVERIFY(mine->reconnect(false).ok());
        QVERIFY(mine->transmit(select).ok());
    }

    // PcscCardChannel hides that: the command is resent after the reconnect.
    void channelRecoversFromReset_data()
    {
        QTest::addColumn<int>("resets");
        QTest::addRow("one-reset") << 1;
        QTest::addRow("two-resets") << 2;
    }
    void channelRecoversFromReset()
    {
        QFETCH(int, resets);
        auto channel = pcsc::PcscCardChannel::open(reader0());
        auto other = pcsc::PcscCardChannel::open(reader0());
        QVERIFY(channel.ok() && other.ok());
        const Bytes atr = (*channel)->atr();
        for (int i = 0; i < resets; ++i) {
            QVERIFY((*other)->reset().ok());
            auto response = (*channel)->transmit(kSelectMf);
            QVERIFY2(response.ok(), response.ok() ? "" : response.error().describe().c_str());
            QCOMPARE(response->sw, std::uint16_t(0x9000));
            QCOMPARE((*channel)->atr(), atr);
        }
    }

    void exclusiveKeepsOthersOut_data()
    {
        QTest::addColumn<int>("secondShare"); // 0 shared, 1 exclusive
        QTest::addRow("then-shared") << 0;
        QTest::addRow("then-exclusive") << 1;
    }
    void exclusiveKeepsOthersOut()
    {
        QFETCH(int, secondShare);
        auto exclusive = pcsc::PcscCardChannel::open(reader0(), pcsc::ShareMode::Exclusive);
        QVERIFY2(exclusive.ok(), exclusive.ok() ? "" : exclusive.error().describe().c_str());
        auto second = pcsc::PcscCardChannel::open(
            reader0(), secondShare ? pcsc::ShareMode::Exclusive : pcsc::ShareMode::Shared);
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, ErrorCode::Io); // SCARD_E_SHARING_VIOLATION
        QVERIFY2(second.error().message.find("0x8010000B") != std::string::npos,
                 second.error().message.c_str());
        QVERIFY((*exclusive)->transmit(kSelectMf).ok());

        // Once it is given up, others get in again.
        (*exclusive)->disconnect();
        auto third = pcsc::PcscCardChannel::open(reader0());
        QVERIFY2(third.ok(), third.ok() ? "" : third.error().describe().c_str());
    }

private:
    std::unique_ptr<CardSimProcess> m_card;
};

QTEST_GUILESS_MAIN(TestPcscSharing)
#include "tst_pcsc_sharing.moc"
