// SELECT, READ BINARY and READ RECORD through the whole stack: TransportChannel
// over PcscCardChannel over pcscd and vpcd to cardlink-cardsim. Under T=0 the
// card answers a case 4 SELECT with 61xx and a case 2 command with the wrong Le
// with 6Cxx, so the GET RESPONSE / resend path runs over the real wire; under
// T=1 it never does. The expected data come from the card profile's JSON.
#include "CardSimProcess.h"
#include "DemoProfile.h"
#include "IntegrationEnvironment.h"
#include "PcscCardChannel.h"
#include "iso7816/ApduTrace.h"
#include "iso7816/TracingChannel.h"
#include "iso7816/TransportChannel.h"

#include <QTest>

#include <algorithm>

using namespace cardlink;
using namespace cardlink::integration;
using iso7816::CommandApdu;
using iso7816::ResponseApdu;

namespace {

constexpr std::uint8_t kInsGetResponse = 0xC0;

CommandApdu selectByName(const Bytes& aid)
{
    return CommandApdu{0x00, 0xA4, 0x04, 0x00, aid, 256u}; // ISO/IEC 7816-4:2013, 11.1.1
}

CommandApdu readBinary(std::uint8_t sfi)
{
    // P1 b8 = 1: b5-b1 is an SFI, P2 the offset (11.2.3). Le 00: up to 256.
    return CommandApdu{0x00, 0xB0, static_cast<std::uint8_t>(0x80 | sfi), 0x00, {}, 256u};
}

CommandApdu readRecord(std::uint8_t sfi, std::uint8_t record)
{
    // P2 = SFI << 3 | 100b: record number P1 (11.3.3).
    return CommandApdu{0x00, 0xB2, record, static_cast<std::uint8_t>((sfi << 3) | 0x04), {}, 256u};
}

} // namespace

class TestPcscTransport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(vpcdPort() > 0, "run through with-pcscd.sh"); }
    void init() { QTRY_VERIFY_WITH_TIMEOUT(noCardPresent(), 3000); }

    void readsThroughTransport_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<bool>("t0");
        QTest::addRow("t0") << QStringLiteral("iso-demo-t0.json") << true;
        QTest::addRow("t1") << QStringLiteral("iso-demo-t1.json") << false;
    }
    void readsThroughTransport()
    {
        QFETCH(QString, profile);
        QFETCH(bool, t0);

        QString why;
        const auto expected = DemoProfile::load(profile, &why);
        QVERIFY2(expected, qPrintable(why));
        QVERIFY2(!expected->aid.empty(), "the profile has no application DF");
        QVERIFY2(expected->binary, "the application has no transparent EF with an SFI");
        QVERIFY2(expected->records, "the application has no record EF with an SFI");
        const auto sfiOf = [](int sfi) {
            return static_cast<std::uint8_t>(sfi);
        };

        CardSimProcess card(profile);
        QVERIFY2(card.start(), qPrintable(card.output()));
        const std::string reader = vpcdReaderName(0).toStdString();
        // pcscd sees the card on its next poll of vpcd.
        QTRY_VERIFY_WITH_TIMEOUT(cardPresent(0), 3000);
        auto channel = pcsc::PcscCardChannel::open(reader);
        QVERIFY2(channel.ok(), channel.ok() ? "" : channel.error().describe().c_str());
        QCOMPARE((*channel)->protocol(), t0 ? pcsc::CardProtocol::T0 : pcsc::CardProtocol::T1);

        // The trace sits on the wire, under the transport rules.
        iso7816::ApduTrace trace;
        iso7816::TracingChannel wire(**channel, trace);
        iso7816::TransportChannel transport(wire);
        const auto exchange = [&](const CommandApdu& command) {
            return transport.transmit(command);
        };

        auto select = exchange(selectByName(expected->aid));
        QVERIFY2(select.ok(), select.ok() ? "" : select.error().describe().c_str());
        QCOMPARE(select->sw, std::uint16_t(0x9000));
        QVERIFY(!select->data.empty());
        QCOMPARE(select->data.front(), std::uint8_t(0x6F)); // FCI template (7816-4, 5.3.3)
        // ... carrying the DF name (tag 84) that was selected.
        Bytes dfName{0x84, static_cast<std::uint8_t>(expected->aid.size())};
        dfName.insert(dfName.end(), expected->aid.begin(), expected->aid.end());
        QVERIFY(std::search(select->data.begin(), select->data.end(), dfName.begin(),
                            dfName.end()) != select->data.end());

        auto binary = exchange(readBinary(sfiOf(expected->binary->sfi)));
        QVERIFY2(binary.ok(), binary.ok() ? "" : binary.error().describe().c_str());
        QCOMPARE(binary->sw, std::uint16_t(0x9000));
        const std::size_t binaryLength =
            std::min<std::size_t>(expected->binary->content.size(), 256);
        QCOMPARE(toHex(binary->data), toHex(Bytes(expected->binary->content.begin(),
                                                  expected->binary->content.begin() +
                                                      static_cast<std::ptrdiff_t>(binaryLength))));

        for (std::size_t i = 0; i < expected->records->records.size(); ++i) {
            auto record = exchange(
                readRecord(sfiOf(expected->records->sfi), static_cast<std::uint8_t>(i + 1)));
            QVERIFY2(record.ok(), record.ok() ? "" : record.error().describe().c_str());
            QCOMPARE(record->sw, std::uint16_t(0x9000));
            QCOMPARE(toHex(record->data), toHex(expected->records->records[i]));
        }
        // One past the last record: 6A83 (7816-4, table 6), passed up unchanged.
        auto missing =
            exchange(readRecord(sfiOf(expected->records->sfi),
                                static_cast<std::uint8_t>(expected->records->records.size() + 1)));
        QVERIFY(missing.ok());
        QCOMPARE(missing->sw, std::uint16_t(0x6A83));

        // What crossed the wire: GET RESPONSE and 6Cxx under T=0 only.
        const auto entries = trace.entries();
        const auto isGetResponse = [](const iso7816::ApduTraceEntry& e) {
            return e.command.size() >= 2 && e.command[1] == kInsGetResponse;
        };
        const auto answeredWith = [](std::uint8_t sw1) {
            return [sw1](const iso7816::ApduTraceEntry& e) {
                return e.response.size() >= 2 && e.response[e.response.size() - 2] == sw1;
            };
        };
        const bool sawGetResponse = std::any_of(entries.begin(), entries.end(), isGetResponse);
        const bool saw61 = std::any_of(entries.begin(), entries.end(), answeredWith(0x61));
        QCOMPARE(sawGetResponse, t0);
        QCOMPARE(saw61, t0);
        // READ RECORD with Le 00: under T=0 a record shorter than 256 bytes
        // comes back as 6Cxx first (ISO/IEC 7816-3:2006, 12.2.2), then is resent.
        const bool shortRecord =
            std::any_of(expected->records->records.begin(), expected->records->records.end(),
                        [](const Bytes& record) { return record.size() < 256; });
        QVERIFY(shortRecord);
        const bool saw6C = std::any_of(entries.begin(), entries.end(), answeredWith(0x6C));
        QCOMPARE(saw6C, t0);
        if (t0) {
            // The SELECT itself came back as 61xx and was followed by GET RESPONSE.
            QVERIFY(entries.size() >= 2);
            QCOMPARE(entries[0].command[1], std::uint8_t(0xA4));
            QCOMPARE(entries[0].response.at(entries[0].response.size() - 2), std::uint8_t(0x61));
            QVERIFY(isGetResponse(entries[1]));
        }
    }
};

QTEST_GUILESS_MAIN(TestPcscTransport)
#include "tst_pcsc_transport.moc"
