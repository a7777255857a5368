// VERIFY through pcscd: the demo PIN (docs/card-profile.md: 1234) gives 9000,
// a wrong one 63Cx with the tries left, a right one after a wrong one resets
// the counter. The APDU trace of those exchanges shows the PIN data as "**"
// and holds no PIN digit, in its entries or its exported text.
#include "CardSimProcess.h"
#include "DemoProfile.h"
#include "IntegrationEnvironment.h"
#include "PcscCardChannel.h"
#include "iso7816/ApduTrace.h"
#include "iso7816/StatusWord.h"
#include "iso7816/TracingChannel.h"
#include "iso7816/TransportChannel.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::integration;
using iso7816::CommandApdu;

namespace {

// EMV 4.4 Book 3, 6.5.12 / ISO 9564-1 format 2: control 2, length, BCD digits, F filler.
Bytes plaintextPinBlock(const QString& digits)
{
    QString nibbles = QStringLiteral("2") + QString::number(digits.size(), 16).toUpper() + digits;
    nibbles = nibbles.leftJustified(16, QLatin1Char('F'));
    return fromHex(nibbles.toStdString()).value();
}

} // namespace

class TestPcscVerify : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY2(vpcdPort() > 0, "run through with-pcscd.sh"); }
    void init() { QTRY_VERIFY_WITH_TIMEOUT(noCardPresent(), 3000); }

    // `pins` are tried in order; `sws` are the expected status words, with
    // 0x63C0 standing for 63Cx where x = the profile's tries minus the wrong
    // attempts so far.
    void verify_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QStringList>("pins");
        QTest::addColumn<QList<bool>>("correct");
        const QString t0 = QStringLiteral("iso-demo-t0.json");
        const QString t1 = QStringLiteral("iso-demo-t1.json");
        QTest::addRow("t0-demo-pin") << t0 << QStringList{"1234"} << QList<bool>{true};
        QTest::addRow("t1-demo-pin") << t1 << QStringList{"1234"} << QList<bool>{true};
        QTest::addRow("t0-wrong-pin") << t0 << QStringList{"5678"} << QList<bool>{false};
        QTest::addRow("t1-wrong-pin") << t1 << QStringList{"5678"} << QList<bool>{false};
        QTest::addRow("t1-wrong-twice-then-right")
            << t1 << QStringList{"9870", "6543", "1234"} << QList<bool>{false, false, true};
    }
    void verify()
    {
        QFETCH(QString, profile);
        QFETCH(QStringList, pins);
        QFETCH(QList<bool>, correct);

        QString why;
        const auto expected = DemoProfile::load(profile, &why);
        QVERIFY2(expected, qPrintable(why));
        QVERIFY2(expected->hasPin, "the demo profile has a PIN");
        const auto reference = static_cast<std::uint8_t>(expected->pinReference);
        int triesLeft = expected->pinTriesLeft;
        QVERIFY(triesLeft > static_cast<int>(correct.count(false))); // never blocks the card

        CardSimProcess card(profile);
        QVERIFY2(card.start(), qPrintable(card.output()));
        QTRY_VERIFY_WITH_TIMEOUT(cardPresent(0), 3000);
        auto channel = pcsc::PcscCardChannel::open(vpcdReaderName(0).toStdString());
        QVERIFY2(channel.ok(), channel.ok() ? "" : channel.error().describe().c_str());

        iso7816::ApduTrace trace;
        iso7816::TracingChannel wire(**channel, trace);
        iso7816::TransportChannel transport(wire);

        for (qsizetype i = 0; i < pins.size(); ++i) {
            CommandApdu verify{0x00,        0x20, 0x00, reference, plaintextPinBlock(pins[i]),
                               std::nullopt};
            auto response = transport.transmit(verify);
            secureWipe(verify.data);
            QVERIFY2(response.ok(), response.ok() ? "" : response.error().describe().c_str());
            if (correct[i]) {
                QCOMPARE(response->sw, iso7816::sw::kNormal);
                triesLeft = expected->pinMaxTries;
            } else {
                --triesLeft;
                QCOMPARE(response->sw, static_cast<std::uint16_t>(0x63C0 | triesLeft));
                QCOMPARE(iso7816::triesLeft(response->sw), std::optional<int>(triesLeft));
            }
        }

        // The trace: one masked entry per VERIFY, header and Lc only.
        const auto entries = trace.entries();
        QCOMPARE(entries.size(), static_cast<std::size_t>(pins.size()));
        const std::string text = trace.exportText();
        for (const auto& entry : entries) {
            QVERIFY(entry.commandMasked);
            QCOMPARE(entry.commandName, std::string("VERIFY"));
            QCOMPARE(entry.command.size(), std::size_t(5));
            QCOMPARE(entry.command[4], std::uint8_t(8));
            const std::string line = entry.format();
            QVERIFY2(line.find("00 20 00 ") != std::string::npos &&
                         line.find("**") != std::string::npos,
                     line.c_str());
        }
        for (const auto& pin : pins) {
            const Bytes block = plaintextPinBlock(pin);
            // Neither the digits as typed nor the block in any hex spelling.
            for (const std::string& secret : {pin.toStdString(), toHex(block), toSpacedHex(block),
                                              toSpacedHex(ByteView(block).subspan(1, 2))}) {
                QVERIFY2(text.find(secret) == std::string::npos, secret.c_str());
                for (const auto& entry : entries)
                    QVERIFY(entry.format().find(secret) == std::string::npos);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestPcscVerify)
#include "tst_pcsc_verify.moc"
