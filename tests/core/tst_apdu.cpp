#include "iso7816/Apdu.h"

#include "support/TestBytes.h"

#include <QTest>

using namespace cardlink;
using cardlink::test::hex;
using namespace cardlink::iso7816;

Q_DECLARE_METATYPE(cardlink::Bytes)
Q_DECLARE_METATYPE(cardlink::iso7816::ApduCase)

namespace {
CommandApdu command(const char* header, const char* data, std::optional<std::uint32_t> ne)
{
    auto h = hex(header);
    return CommandApdu{h[0], h[1], h[2], h[3], hex(data), ne};
}
} // namespace

class TestApdu : public QObject
{
    Q_OBJECT

private slots:
    // ISO/IEC 7816-3:2006, 12.1.3 and 7816-4:2013, 5.1: the four cases, short and extended.
    void encodeAndParse_data()
    {
        QTest::addColumn<CommandApdu>("apdu");
        QTest::addColumn<Bytes>("wire");
        QTest::addColumn<ApduCase>("apduCase");
        QTest::addColumn<bool>("extended");

        QTest::addRow("case1") << command("00A40000", "", std::nullopt) << hex("00A40000")
                               << ApduCase::Case1 << false;
        QTest::addRow("case2S-le256")
            << command("00B20114", "", 256u) << hex("00B2011400") << ApduCase::Case2 << false;
        QTest::addRow("case2S-le10")
            << command("00CA9F17", "", 0x10u) << hex("00CA9F1710") << ApduCase::Case2 << false;
        QTest::addRow("case3S") << command("00200080", "2412345FFFFFFFFF", std::nullopt)
                                << hex("00200080082412345FFFFFFFFF") << ApduCase::Case3 << false;
        QTest::addRow("case4S-select")
            << command("00A40400", "A0000000041010", 256u) << hex("00A4040007A000000004101000")
            << ApduCase::Case4 << false;
        QTest::addRow("case2E-le65536")
            << command("00B00000", "", 65536u) << hex("00B00000000000") << ApduCase::Case2 << true;
        QTest::addRow("case2E-le300")
            << command("00B00000", "", 300u) << hex("00B0000000012C") << ApduCase::Case2 << true;
        QTest::addRow("case4E-le-ext") << command("80AE8000", "01", 257u)
                                       << hex("80AE80000000010101 01") << ApduCase::Case4 << true;
    }
    void encodeAndParse()
    {
        QFETCH(CommandApdu, apdu);
        QFETCH(Bytes, wire);
        QFETCH(ApduCase, apduCase);
        QFETCH(bool, extended);

        QCOMPARE(apdu.apduCase(), apduCase);
        QCOMPARE(apdu.isExtended(), extended);
        auto encoded = apdu.encode();
        QVERIFY(encoded.ok());
        QCOMPARE(*encoded, wire);
        auto parsed = CommandApdu::parse(wire);
        QVERIFY(parsed.ok());
        QVERIFY(*parsed == apdu);
    }

    void longDataIsExtended()
    {
        CommandApdu apdu{0x00, 0xD6, 0x00, 0x00, Bytes(300, 0xAB), std::nullopt};
        auto encoded = apdu.encode();
        QVERIFY(encoded.ok());
        QCOMPARE(encoded->size(), std::size_t(4 + 3 + 300));
        QCOMPARE((*encoded)[4], std::uint8_t(0x00));
        QCOMPARE(readU16(*encoded, 5), std::uint16_t(300));
    }

    void rejectsMalformed_data()
    {
        QTest::addColumn<Bytes>("wire");
        QTest::addColumn<ErrorCode>("code");
        QTest::addRow("too-short") << hex("00A400") << ErrorCode::Truncated;
        QTest::addRow("lc-mismatch") << hex("00A4040007A0000000") << ErrorCode::Malformed;
        QTest::addRow("ext-lc-zero") << hex("00A40400000000AA") << ErrorCode::Malformed;
        QTest::addRow("ext-truncated") << hex("00A4040000 01") << ErrorCode::Malformed;
    }
    void rejectsMalformed()
    {
        QFETCH(Bytes, wire);
        QFETCH(ErrorCode, code);
        auto parsed = CommandApdu::parse(wire);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, code);
    }

    void rejectsOutOfRangeNe()
    {
        QVERIFY(!command("00B00000", "", 0u).encode().ok());
        QVERIFY(!command("00B00000", "", 65537u).encode().ok());
    }

    void response()
    {
        auto parsed = ResponseApdu::parse(hex("6F0A84089000"));
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->sw, std::uint16_t(0x9000));
        QCOMPARE(parsed->data, hex("6F0A8408"));
        QVERIFY(parsed->isSuccess());
        QCOMPARE(parsed->encode(), hex("6F0A84089000"));
        QVERIFY(!ResponseApdu::parse(hex("90")).ok());
    }
};

QTEST_GUILESS_MAIN(TestApdu)
#include "tst_apdu.moc"
