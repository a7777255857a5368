// A card that leaves gives ErrorCode::CardRemoved, whatever the moment: no
// card at connect, removed after connect and before the transmit, removed
// while the card is still working on the command, removed and put back
// (the old connection stays dead, a new one works).
#include "CardSimProcess.h"
#include "IntegrationEnvironment.h"
#include "PcscCardChannel.h"
#include "iso7816/TransportChannel.h"

#include <QTest>

#include <future>

using namespace cardlink;
using namespace cardlink::integration;
using iso7816::CommandApdu;

namespace {

constexpr int kBoundMs = 2000;

// SELECT the MF (ISO/IEC 7816-4:2013, 11.1.1: P1 00, no data), no answer data.
const CommandApdu kSelectMf{0x00, 0xA4, 0x00, 0x0C, {}, std::nullopt};

const char* describe(const Result<iso7816::ResponseApdu>& result)
{
    static std::string text;
    text =
        result.ok() ? "succeeded with SW " + std::to_string(result->sw) : result.error().describe();
    return text.c_str();
}

} // namespace

class TestPcscRemoval : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(vpcdPort() > 0, "run through with-pcscd.sh"); }
    void init() { QTRY_VERIFY_WITH_TIMEOUT(noCardPresent(), 3000); }

    void connectWithoutCard_data()
    {
        QTest::addColumn<int>("slot");
        QTest::addRow("slot0") << 0;
        QTest::addRow("slot1") << 1;
    }
    void connectWithoutCard()
    {
        QFETCH(int, slot);
        QVERIFY(!cardPresent(slot));
        auto channel = pcsc::PcscCardChannel::open(vpcdReaderName(slot).toStdString());
        QVERIFY(!channel.ok());
        QCOMPARE(channel.error().code, ErrorCode::CardRemoved);
    }

    void unknownReader()
    {
        auto channel = pcsc::PcscCardChannel::open("No Such Reader 00 00");
        QVERIFY(!channel.ok());
        QCOMPARE(channel.error().code, ErrorCode::NotFound);
    }

    // removed before the transmit; `reinsert`: and put back before it.
    void removedBeforeTransmit_data()
    {
        QTest::addColumn<bool>("reinsert");
        QTest::addRow("removed") << false;
        QTest::addRow("removed-and-reinserted") << true;
    }
    void removedBeforeTransmit()
    {
        QFETCH(bool, reinsert);
        CardSimProcess card(QStringLiteral("iso-demo-t1.json"));
        QVERIFY2(card.start(), qPrintable(card.output()));
        QTRY_VERIFY_WITH_TIMEOUT(cardPresent(0), kBoundMs);
        auto channel = pcsc::PcscCardChannel::open(vpcdReaderName(0).toStdString());
        QVERIFY2(channel.ok(), channel.ok() ? "" : channel.error().describe().c_str());
        iso7816::TransportChannel transport(**channel);
        auto first = transport.transmit(kSelectMf);
        QVERIFY2(first.ok(), describe(first));

        QVERIFY2(card.remove(), qPrintable(card.output()));
        QTRY_VERIFY_WITH_TIMEOUT(!cardPresent(0), kBoundMs);
        if (reinsert) {
            QVERIFY2(card.reinsert(), qPrintable(card.output()));
            QTRY_VERIFY_WITH_TIMEOUT(cardPresent(0), kBoundMs);
        }
        auto after = transport.transmit(kSelectMf);
        QVERIFY2(!after.ok(), describe(after));
        QCOMPARE(after.error().code, ErrorCode::CardRemoved);

        if (reinsert) {
            // A new connection to the new card works.
            auto fresh = pcsc::PcscCardChannel::open(vpcdReaderName(0).toStdString());
            QVERIFY2(fresh.ok(), fresh.ok() ? "" : fresh.error().describe().c_str());
            auto again = (*fresh)->transmit(kSelectMf);
            QVERIFY2(again.ok(), describe(again));
            QCOMPARE(again->sw, std::uint16_t(0x9000));
        }
    }

    // The card takes 1.5 s per answer (--delay-ms); it is pulled 300 ms into
    // the exchange.
    void removedDuringTransmit()
    {
        CardSimProcess card(QStringLiteral("iso-demo-t1.json"));
        card.addArguments({QStringLiteral("--delay-ms"), QStringLiteral("1500")});
        QVERIFY2(card.start(), qPrintable(card.output()));
        QTRY_VERIFY_WITH_TIMEOUT(cardPresent(0), kBoundMs + 1500);
        auto channel = pcsc::PcscCardChannel::open(vpcdReaderName(0).toStdString());
        QVERIFY2(channel.ok(), channel.ok() ? "" : channel.error().describe().c_str());

        pcsc::PcscCardChannel& raw = **channel;
        auto pending = std::async(std::launch::async, [&raw] { return raw.transmit(kSelectMf); });
        QCOMPARE(pending.wait_for(std::chrono::milliseconds(300)), std::future_status::timeout);
        QVERIFY2(card.remove(), qPrintable(card.output()));
        QCOMPARE(pending.wait_for(std::chrono::milliseconds(kBoundMs + 1500)),
                 std::future_status::ready);
        const auto result = pending.get();
        QVERIFY2(!result.ok(), describe(result));
        QCOMPARE(result.error().code, ErrorCode::CardRemoved);
    }
};

QTEST_GUILESS_MAIN(TestPcscRemoval)
#include "tst_pcsc_removal.moc"
