#include "iso7816/TransportChannel.h"
#include "support/FailingChannel.h"
#include "support/ScriptedCard.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::iso7816;
using namespace cardlink::test;

namespace {
CommandApdu cmd(const std::string& hex)
{
    return CommandApdu::parse(fromHex(hex).value()).value();
}

std::string filler(std::size_t count, std::uint8_t first = 0)
{
    Bytes bytes(count);
    for (std::size_t i = 0; i < count; ++i)
        bytes[i] = static_cast<std::uint8_t>(first + i);
    return toHex(bytes);
}

// A script as "command | response | comment" lines.
ScriptedCard scriptFrom(const QStringList& lines)
{
    ScriptedCard card;
    for (const auto& line : lines) {
        const auto parts = line.split('|');
        card.expect(parts.value(0).toStdString(), parts.value(1).toStdString(),
                    parts.value(2).trimmed().toStdString());
    }
    return card;
}

QString q(const std::string& text)
{
    return QString::fromStdString(text);
}
} // namespace

class TestTransport : public QObject
{
    Q_OBJECT

private slots:
    // ISO/IEC 7816-3:2006, 12.2; EMV 4.4 Book 1, 9.3.1 and Annex A.
    void rules_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QStringList>("script");
        QTest::addColumn<QString>("expected");

        const QString fci = "6F108407A0000000041010A5055003414243";
        QTest::addRow("plain") << "00A4040007A000000004101000"
                               << QStringList{"00A4040007A000000004101000 | " + fci +
                                              "9000 | select"}
                               << fci + "9000";
        QTest::addRow("61xx-once") << "00B2010C00"
                                   << QStringList{"00B2010C00 | 6110 | read record",
                                                  "00C0000010 | " + q(filler(16)) + "9000 | gr"}
                                   << q(filler(16)) + "9000";
        QTest::addRow("61xx-chain")
            << "80A8000002830000"
            << QStringList{"80A8000002830000 | 6105 | gpo", "00C0000005 | 7703820118 6103 | gr 1",
                           "00C0000003 | 940108 9000 | gr 2"}
            << "7703820118940108 9000";
        QTest::addRow("61-00-is-256") << "00B2010C00"
                                      << QStringList{"00B2010C00 | 6100 | read record",
                                                     "00C0000000 | " + q(filler(256)) + "9000 | gr"}
                                      << q(filler(256)) + "9000";
        QTest::addRow("61xx-after-data")
            << "00B2010C00"
            << QStringList{"00B2010C00 | 01020304 6104 | data and more",
                           "00C0000004 | 05060708 9000 | gr"}
            << "0102030405060708 9000";
        QTest::addRow("61xx-then-error")
            << "00B2010C00"
            << QStringList{"00B2010C00 | 6110 | read record", "00C0000010 | 6F00 | gr fails"}
            << "6F00";
        QTest::addRow("61xx-case1")
            << "00440000"
            << QStringList{"00440000 | 6102 | activate", "00C0000002 | ABCD 9000 | gr"}
            << "ABCD9000";
        QTest::addRow("61xx-channel-1")
            << "01B2010C00"
            << QStringList{"01B2010C00 | 6102 | channel 1", "01C0000002 | 7000 9000 | gr ch 1"}
            << "70009000";
        QTest::addRow("61xx-further-channel-5")
            << "41B2010C00"
            << QStringList{"41B2010C00 | 6102 | channel 5", "41C0000002 | 7000 9000 | gr ch 5"}
            << "70009000";
        QTest::addRow("61xx-emv-cla-8x")
            << "80AE80000100 00"
            << QStringList{"80AE8000010000 | 6102 | generate ac", "00C0000002 | 8000 9000 | gr"}
            << "80009000";
        QTest::addRow("6Cxx") << "00B2010C00"
                              << QStringList{"00B2010C00 | 6C1A | read record",
                                             "00B2010C1A | " + q(filler(26)) + "9000 | Le=1A"}
                              << q(filler(26)) + "9000";
        QTest::addRow("6C00-is-256")
            << "00B0000010"
            << QStringList{"00B0000010 | 6C00 | read binary",
                           "00B0000000 | " + q(filler(256, 7)) + "9000 | Le=00"}
            << q(filler(256, 7)) + "9000";
        QTest::addRow("6Cxx-case4-keeps-data")
            << "80CA9F1702ABCD00"
            << QStringList{"80CA9F1702ABCD00 | 6C04 | get data",
                           "80CA9F1702ABCD04 | 9F170103 9000 | Le=04"}
            << "9F170103 9000";
        QTest::addRow("6Cxx-only-once")
            << "00B2010C00"
            << QStringList{"00B2010C00 | 6C10 | read record", "00B2010C10 | 6C08 | Le=10"}
            << "6C08";
        QTest::addRow("6Cxx-case3-passes")
            << "00DC010C03010203" << QStringList{"00DC010C03010203 | 6C10 | update record"}
            << "6C10";
        QTest::addRow("6Cxx-then-61xx")
            << "00CA9F1700"
            << QStringList{"00CA9F1700 | 6C04 | get data", "00CA9F1704 | 6104 | Le=04",
                           "00C0000004 | 9F170103 9000 | gr"}
            << "9F170103 9000";
        QTest::addRow("61xx-then-6Cxx")
            << "00B2010C00"
            << QStringList{"00B2010C00 | 6100 | read record", "00C0000000 | 6C20 | gr 256",
                           "00C0000020 | " + q(filler(32)) + "9000 | gr 32"}
            << q(filler(32)) + "9000";
        // EMV 4.4 Book 1, Annex A7: case 4 with a warning and no data.
        QTest::addRow("case4-warning-61xx")
            << "00A4040007A000000003101000"
            << QStringList{"00A4040007A000000003101000 | 6283 | select blocked app",
                           "00C0000000 | 6112 | gr 00", "00C0000012 | " + fci + "9000 | gr 12"}
            << fci + "6283";
        QTest::addRow("case4-warning-data")
            << "00A4040007A000000003101000"
            << QStringList{"00A4040007A000000003101000 | 6283 | select blocked app",
                           "00C0000000 | " + fci + "9000 | gr 00"}
            << fci + "6283";
        QTest::addRow("case4-warning-6Cxx")
            << "00A4040007A000000003101000"
            << QStringList{"00A4040007A000000003101000 | 6283 | select blocked app",
                           "00C0000000 | 6C12 | gr 00", "00C0000012 | " + fci + "9000 | gr 12"}
            << fci + "6283";
        QTest::addRow("case4-warning-no-data")
            << "00A4040007A000000003101000"
            << QStringList{"00A4040007A000000003101000 | 6283 | select blocked app",
                           "00C0000000 | 6985 | nothing to get"}
            << "6283";
        QTest::addRow("case4-63xx-warning")
            << "80AE80000100 00"
            << QStringList{"80AE8000010000 | 6300 | generate ac", "00C0000000 | 6102 | gr",
                           "00C0000002 | 8000 9000 | gr 2"}
            << "8000 6300";
        QTest::addRow("case4-warning-with-data-as-is")
            << "00A4040007A000000003101000"
            << QStringList{"00A4040007A000000003101000 | " + fci + "6283 | select"} << fci + "6283";
        QTest::addRow("case2-warning-as-is")
            << "00B2010C00" << QStringList{"00B2010C00 | 6282 | short record"} << "6282";
        QTest::addRow("case3-verify-63Cx-as-is")
            << "00200080082412345FFFFFFFFF"
            << QStringList{"00200080082412345FFFFFFFFF | 63C2 | wrong pin"} << "63C2";
        QTest::addRow("error-as-is")
            << "00A4040007A000000004101000"
            << QStringList{"00A4040007A000000004101000 | 6A82 | not found"} << "6A82";
    }
    void rules()
    {
        QFETCH(QString, command);
        QFETCH(QStringList, script);
        QFETCH(QString, expected);

        ScriptedCard card = scriptFrom(script);
        QVERIFY2(!card.failed(), card.failure().c_str());
        TransportChannel transport(card);
        auto response = transport.transmit(cmd(command.toStdString()));
        QVERIFY2(response.ok(), response.ok() ? "" : response.error().describe().c_str());
        QCOMPARE(q(toHex(response->encode())), q(toHex(fromHex(expected.toStdString()).value())));
        QVERIFY2(card.finished(), card.failure().c_str());
    }

    // A card that answers 61xx for ever is stopped after maxExchanges.
    void exchangeBound_data()
    {
        QTest::addColumn<int>("maxExchanges");
        QTest::addRow("default") << int(TransportLimits{}.maxExchanges);
        QTest::addRow("three") << 3;
        QTest::addRow("one") << 1;
    }
    void exchangeBound()
    {
        QFETCH(int, maxExchanges);
        ScriptedCard card;
        card.expect("00B2010C00", "AA 6101", "read record");
        for (int i = 1; i < maxExchanges; ++i)
            card.expect("00C0000001", "BB 6101", "gr " + std::to_string(i));
        TransportLimits limits;
        limits.maxExchanges = static_cast<std::size_t>(maxExchanges);
        TransportChannel transport(card, limits);
        auto response = transport.transmit(cmd("00B2010C00"));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, ErrorCode::Malformed);
        // Exactly maxExchanges commands reached the card, no more.
        QVERIFY2(card.finished(), card.failure().c_str());
        QCOMPARE(card.received().size(), std::size_t(maxExchanges));
    }

    // 6Cxx ping-pong is bounded too: one retry per command, then pass through.
    void sixCDoesNotLoop()
    {
        ScriptedCard card{{"00C0000000", "6C10", "gr"}, {"00C0000010", "6C10", "gr again"}};
        TransportChannel transport(card);
        auto response = transport.transmit(cmd("00C0000000"));
        QVERIFY(response.ok());
        QCOMPARE(response->sw, std::uint16_t(0x6C10));
        QVERIFY(card.finished());
    }

    // 64 KiB of response data is accepted, one byte more is not.
    void sizeBound_data()
    {
        QTest::addColumn<int>("chunks");
        QTest::addColumn<bool>("ok");
        QTest::addRow("exactly-64k") << 256 << true;
        QTest::addRow("64k-plus-256") << 257 << false;
    }
    void sizeBound()
    {
        QFETCH(int, chunks);
        QFETCH(bool, ok);
        const std::string chunk = filler(256);
        ScriptedCard card;
        card.expect("00B0000000", chunk + "6100", "read binary");
        for (int i = 1; i < chunks; ++i)
            card.expect("00C0000000", chunk + (i + 1 == chunks ? "9000" : "6100"), "gr");
        TransportLimits limits;
        limits.maxExchanges = 1000;
        TransportChannel transport(card, limits);
        auto response = transport.transmit(cmd("00B0000000"));
        QCOMPARE(response.ok(), ok);
        if (ok) {
            QCOMPARE(response->data.size(), std::size_t(65536));
            QCOMPARE(response->sw, std::uint16_t(0x9000));
        } else {
            QCOMPARE(response.error().code, ErrorCode::Malformed);
        }
        QVERIFY2(card.finished(), card.failure().c_str());
    }

    // Errors of the inner channel come back unchanged, at every step.
    void innerErrors_data()
    {
        QTest::addColumn<QStringList>("script");
        QTest::addColumn<QString>("command");
        QTest::addColumn<int>("failAfter");
        QTest::addRow("first-exchange") << QStringList{} << "00B2010C00" << 0;
        QTest::addRow("during-get-response")
            << QStringList{"00B2010C00 | 6110 | read record"} << "00B2010C00" << 1;
        QTest::addRow("during-chain")
            << QStringList{"00B2010C00 | 6102 | read record", "00C0000002 | 0102 6102 | gr 1"}
            << "00B2010C00" << 2;
        QTest::addRow("during-6Cxx-retry")
            << QStringList{"00B2010C00 | 6C10 | read record"} << "00B2010C00" << 1;
        QTest::addRow("during-warning-get-response")
            << QStringList{"00A4040007A000000003101000 | 6283 | select"}
            << "00A4040007A000000003101000" << 1;
    }
    void innerErrors()
    {
        QFETCH(QStringList, script);
        QFETCH(QString, command);
        QFETCH(int, failAfter);
        ScriptedCard card = scriptFrom(script);
        const Error removed{ErrorCode::CardRemoved, "card left reader 'Virtual PCD 00 00'"};
        FailingChannel failing(card, static_cast<std::size_t>(failAfter), removed);
        TransportChannel transport(failing);
        auto response = transport.transmit(cmd(command.toStdString()));
        QVERIFY(!response.ok());
        QCOMPARE(response.error().code, removed.code);
        QCOMPARE(response.error().message, removed.message);
        QCOMPARE(failing.exchanges(), std::size_t(failAfter + 1));
        QVERIFY2(card.finished(), card.failure().c_str());
    }

    // Each transmit() has its own budget.
    void boundIsPerTransmit()
    {
        ScriptedCard card;
        TransportLimits limits;
        limits.maxExchanges = 2;
        for (int i = 0; i < 3; ++i)
            card.expect("00B2010C00", "6101", "read").expect("00C0000001", "AA9000", "gr");
        TransportChannel transport(card, limits);
        for (int i = 0; i < 3; ++i) {
            auto response = transport.transmit(cmd("00B2010C00"));
            QVERIFY(response.ok());
            QCOMPARE(response->data, Bytes{0xAA});
        }
        QVERIFY(card.finished());
    }
};

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
