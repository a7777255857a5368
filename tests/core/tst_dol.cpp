#include "tlv/Dol.h"

#include "support/TestBytes.h"

#include <QTest>

#include <map>

using namespace cardlink;
using cardlink::test::hex;
using namespace cardlink::tlv;

Q_DECLARE_METATYPE(cardlink::Bytes)
Q_DECLARE_METATYPE(cardlink::ErrorCode)
Q_DECLARE_METATYPE(cardlink::tlv::TagFormat)
Q_DECLARE_METATYPE(std::vector<cardlink::tlv::DolEntry>)

namespace {
// CDOL1 of the Visa test card (PAN 4761739001010119) in openemv/emv-utils
// tests/emv_read_application_data_test.c: amount, other amount, terminal
// country, TVR, currency, date, type, unpredictable number.
const char* const kCdol1 = "9F02069F03069F1A0295055F2A029A039C019F3704";

// Terminal data for one purchase of 12.34 EUR in Germany on 2024-02-17.
std::map<Tag, Bytes> terminalData()
{
    return {
        {0x9F02, hex("000000001234")},
        {0x9F03, hex("000000000000")},
        {0x9F1A, hex("0276")},
        {0x95, hex("0000008000")},
        {0x5F2A, hex("0978")},
        {0x9A, hex("240217")},
        {0x9C, hex("00")},
        {0x9F37, hex("DEADBEEF")},
    };
}

DolValueLookup lookupIn(const std::map<Tag, Bytes>& values)
{
    return [&values](Tag tag) -> std::optional<ByteView> {
        const auto it = values.find(tag);
        if (it == values.end())
            return std::nullopt;
        return ByteView(it->second);
    };
}
} // namespace

class TestDol : public QObject
{
    Q_OBJECT

private slots:
    void parseDol_data()
    {
        QTest::addColumn<Bytes>("dol");
        QTest::addColumn<std::vector<DolEntry>>("entries");

        QTest::addRow("cdol1") << hex(kCdol1)
                               << std::vector<DolEntry>{{0x9F02, 6}, {0x9F03, 6}, {0x9F1A, 2},
                                                        {0x95, 5},   {0x5F2A, 2}, {0x9A, 3},
                                                        {0x9C, 1},   {0x9F37, 4}};
        QTest::addRow("pdol-contactless")
            << hex("9F66049F02069F37045F2A02")
            << std::vector<DolEntry>{{0x9F66, 4}, {0x9F02, 6}, {0x9F37, 4}, {0x5F2A, 2}};
        QTest::addRow("three-byte-tag")
            << hex("DF810103 9F3501") << std::vector<DolEntry>{{0xDF8101, 3}, {0x9F35, 1}};
        QTest::addRow("zero-length-entry") << hex("9F4C00") << std::vector<DolEntry>{{0x9F4C, 0}};
        QTest::addRow("long-form-length")
            << hex("9F4E81FF") << std::vector<DolEntry>{{0x9F4E, 255}};
        QTest::addRow("empty") << Bytes{} << std::vector<DolEntry>{};
    }
    void parseDol()
    {
        QFETCH(Bytes, dol);
        QFETCH(std::vector<DolEntry>, entries);
        auto parsed = tlv::parseDol(dol);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().describe().c_str());
        QVERIFY(*parsed == entries);
        std::size_t total = 0;
        for (const auto& entry : entries)
            total += entry.length;
        QCOMPARE(dolDataLength(*parsed), total);
    }

    void parseDolErrors_data()
    {
        QTest::addColumn<Bytes>("dol");
        QTest::addColumn<ErrorCode>("code");

        QTest::addRow("tag-truncated") << hex("9F0206 9F") << ErrorCode::Truncated;
        QTest::addRow("length-missing") << hex("9F0206 9F37") << ErrorCode::Truncated;
        QTest::addRow("long-length-truncated") << hex("9F0281") << ErrorCode::Truncated;
        QTest::addRow("tag-too-long") << hex("1F8182830401") << ErrorCode::Malformed;
        QTest::addRow("indefinite-length") << hex("9F0280") << ErrorCode::Malformed;
        QTest::addRow("entry-over-255") << hex("9F4E820100") << ErrorCode::Malformed;
        QTest::addRow("padding-00") << hex("9F020600 9F3704") << ErrorCode::Malformed;
        QTest::addRow("padding-FF") << hex("FF9F0206") << ErrorCode::Malformed;
    }
    void parseDolErrors()
    {
        QFETCH(Bytes, dol);
        QFETCH(ErrorCode, code);
        auto parsed = tlv::parseDol(dol);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, code);
    }

    void totalTooLarge()
    {
        // 258 entries of 255 bytes each ask for more than 65535 bytes.
        Bytes dol;
        for (int i = 0; i < 258; ++i) {
            const Bytes entry = hex("9F4E81FF");
            dol.insert(dol.end(), entry.begin(), entry.end());
        }
        auto parsed = tlv::parseDol(dol);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::Malformed);
        dol.resize(257 * 4);
        QVERIFY(tlv::parseDol(dol).ok());
    }

    // EMV 4.4 Book 3, 5.4: fitting a value to the length the DOL asks for.
    void fitRules_data()
    {
        QTest::addColumn<Bytes>("value");
        QTest::addColumn<int>("length");
        QTest::addColumn<TagFormat>("format");
        QTest::addColumn<Bytes>("expected");

        QTest::addRow("n-exact") << hex("001234") << 3 << TagFormat::N << hex("001234");
        QTest::addRow("n-longer-keeps-rightmost")
            << hex("000000001234") << 4 << TagFormat::N << hex("00001234");
        QTest::addRow("n-shorter-leading-00")
            << hex("1234") << 6 << TagFormat::N << hex("000000001234");
        QTest::addRow("cn-longer-keeps-leftmost")
            << hex("4761739001010119") << 6 << TagFormat::Cn << hex("476173900101");
        QTest::addRow("cn-shorter-trailing-FF")
            << hex("4761739001010119") << 10 << TagFormat::Cn << hex("4761739001010119FFFF");
        QTest::addRow("b-longer-keeps-leftmost")
            << hex("DEADBEEF") << 2 << TagFormat::B << hex("DEAD");
        QTest::addRow("b-shorter-trailing-00")
            << hex("DEAD") << 4 << TagFormat::B << hex("DEAD0000");
        QTest::addRow("an-shorter-trailing-00")
            << hex("3132") << 4 << TagFormat::An << hex("31320000");
        QTest::addRow("ans-longer-keeps-leftmost")
            << hex("4D45524348414E54") << 4 << TagFormat::Ans << hex("4D455243");
        QTest::addRow("a-shorter-trailing-00") << hex("44") << 2 << TagFormat::A << hex("4400");
        QTest::addRow("var-shorter-trailing-00")
            << hex("01") << 3 << TagFormat::Var << hex("010000");
        QTest::addRow("empty-value-n") << Bytes{} << 2 << TagFormat::N << hex("0000");
        QTest::addRow("empty-value-cn") << Bytes{} << 2 << TagFormat::Cn << hex("FFFF");
        QTest::addRow("zero-length") << hex("1234") << 0 << TagFormat::N << Bytes{};
    }
    void fitRules()
    {
        QFETCH(Bytes, value);
        QFETCH(int, length);
        QFETCH(TagFormat, format);
        QFETCH(Bytes, expected);
        QCOMPARE(fitDolValue(value, std::size_t(length), format), expected);
    }

    // A whole CDOL1 with the formats from the EMV dictionary.
    void buildCdol1()
    {
        const auto values = terminalData();
        auto data = buildDolData(hex(kCdol1), lookupIn(values));
        QVERIFY2(data.ok(), data.ok() ? "" : data.error().describe().c_str());
        QCOMPARE(*data, hex("000000001234 000000000000 0276 0000008000 0978 240217 00 DEADBEEF"));
    }

    // Each rule through buildDolData, with the format taken from the dictionary.
    void buildRules_data()
    {
        QTest::addColumn<Bytes>("dol");
        QTest::addColumn<Bytes>("expected");

        // 9F02 is n 12: asked for 4 bytes it keeps the rightmost four.
        QTest::addRow("n-truncated") << hex("9F0204") << hex("00001234");
        // 9F02 asked for 8 bytes gets leading zeros.
        QTest::addRow("n-padded") << hex("9F0208") << hex("0000000000001234");
        // 5A is cn: asked for 10 bytes, padded with FF.
        QTest::addRow("cn-padded") << hex("5A0A") << hex("4761739001010119FFFF");
        // 9F37 is b: asked for 2 bytes it keeps the leftmost two.
        QTest::addRow("b-truncated") << hex("9F3702") << hex("DEAD");
        // 9F4E is ans: asked for more, padded with trailing 00.
        QTest::addRow("ans-padded") << hex("9F4E0A") << hex("4B494F534B0000000000");
        // 9F1E is an 8: asked for fewer, keeps the leftmost.
        QTest::addRow("an-truncated") << hex("9F1E04") << hex("31323334");
        // A tag the terminal has no value for: zeros.
        QTest::addRow("missing") << hex("9F4503 9F3701") << hex("000000 DE");
        // A tag the dictionary does not know is treated as binary.
        QTest::addRow("unknown-tag-binary") << hex("DF0103") << hex("AABB00");
        // A constructed tag gets zeros even though the terminal holds a value.
        QTest::addRow("constructed-zeros") << hex("7003 9F1A01") << hex("000000 76");
    }
    void buildRules()
    {
        QFETCH(Bytes, dol);
        QFETCH(Bytes, expected);
        auto values = terminalData();
        values[0x5A] = hex("4761739001010119");
        values[0x9F4E] = hex("4B494F534B");
        values[0x9F1E] = hex("3132333435363738");
        values[0xDF01] = hex("AABB");
        values[0x70] = hex("5A0112");
        auto data = buildDolData(dol, lookupIn(values));
        QVERIFY2(data.ok(), data.ok() ? "" : data.error().describe().c_str());
        QCOMPARE(*data, expected);
    }

    void customFormats()
    {
        // The caller's format lookup overrides the dictionary: DF01 as n.
        std::map<Tag, Bytes> values{{0xDF01, hex("1234")}};
        auto data = buildDolData(hex("DF0103"), lookupIn(values), [](Tag tag) {
            return tag == 0xDF01 ? TagFormat::N : TagFormat::B;
        });
        QVERIFY(data.ok());
        QCOMPARE(*data, hex("001234"));
    }

    void noLookup()
    {
        // Without any value source every entry is zeros.
        auto data = buildDolData(hex(kCdol1), DolValueLookup{});
        QVERIFY(data.ok());
        QCOMPARE(*data, Bytes(29, 0x00));
    }

    void buildRejectsBadDol()
    {
        const auto values = terminalData();
        auto data = buildDolData(hex("9F02"), lookupIn(values));
        QVERIFY(!data.ok());
        QCOMPARE(data.error().code, ErrorCode::Truncated);
    }
};

QTEST_GUILESS_MAIN(TestDol)
#include "tst_dol.moc"
