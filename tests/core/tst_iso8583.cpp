#include "Iso8583Samples.h"
#include "iso8583/CardLinkProfile.h"
#include "iso8583/FieldCodec.h"
#include "iso8583/MessageCodec.h"
#include "iso8583/MessageValidator.h"

#include "support/TestBytes.h"

#include <QTest>

using namespace cardlink;
using cardlink::test::hex;
using namespace cardlink::iso8583;

Q_DECLARE_METATYPE(cardlink::Bytes)
Q_DECLARE_METATYPE(cardlink::ErrorCode)
Q_DECLARE_METATYPE(cardlink::iso8583::FieldSpec)
Q_DECLARE_METATYPE(cardlink::iso8583::FieldValue)
Q_DECLARE_METATYPE(cardlink::iso8583::Encoding)
Q_DECLARE_METATYPE(cardlink::iso8583::Message)

namespace {
Bytes ascii(const std::string& text)
{
    return Bytes(text.begin(), text.end());
}

Bytes concat(std::initializer_list<Bytes> parts)
{
    Bytes out;
    for (const auto& part : parts)
        out.insert(out.end(), part.begin(), part.end());
    return out;
}

FieldSpec spec(FieldFormat format, LengthType type, std::size_t max, Encoding encoding)
{
    return FieldSpec{48, "test field", format, type, max, encoding, false};
}

FieldValue text(const char* value)
{
    return FieldValue(std::string(value));
}

FieldValue bin(const char* hexText)
{
    return FieldValue(hex(hexText));
}

// A valid CardLink message for the codec-only tests (no MTI rules involved).
Message codecMessage(const char* mti, std::initializer_list<std::pair<int, const char*>> fields)
{
    Message m(mti);
    for (const auto& [number, value] : fields)
        m.set(number, value);
    return m;
}
} // namespace

class TestIso8583 : public QObject
{
    Q_OBJECT

private slots:
    void cardLinkProfileIsValid()
    {
        const Profile& profile = cardLinkProfile();
        QCOMPARE(profile.mtiEncoding(), Encoding::Bcd);
        QCOMPARE(profile.lengthEncoding(), Encoding::Bcd);
        QVERIFY(profile.field(Profile::kTertiaryBitmapField) == nullptr);
        QVERIFY(profile.field(1) == nullptr);
        for (int number :
             {2,  3,  4,  7,  11, 12, 13, 14, 22,  23,  25,  35,  37,  38,  39,  41,  42,
              48, 49, 52, 53, 55, 62, 63, 64, 120, 121, 122, 123, 124, 125, 126, 127, 128})
            QVERIFY2(profile.field(number) != nullptr, qPrintable(QString::number(number)));
        QCOMPARE(profile.field(55)->format, FieldFormat::B);
        QCOMPARE(profile.field(55)->lengthType, LengthType::LllVar);
        QCOMPARE(profile.field(64)->maxLength, std::size_t(8));
        QCOMPARE(profile.field(128)->maxLength, std::size_t(8));
        QVERIFY(profile.field(2)->sensitive && profile.field(35)->sensitive &&
                profile.field(52)->sensitive && profile.field(55)->sensitive);
        QCOMPARE(profile.field(2)->notation(), std::string("n..19 LLVAR"));
        QCOMPARE(profile.field(3)->notation(), std::string("n 6"));
    }

    void profileRejectsBadTables_data()
    {
        QTest::addColumn<FieldSpec>("field");
        QTest::addRow("bitmap-field-1")
            << FieldSpec{1, "x", FieldFormat::B, LengthType::Fixed, 8, Encoding::Binary, false};
        QTest::addRow("tertiary-bitmap-65")
            << FieldSpec{65, "x", FieldFormat::B, LengthType::Fixed, 8, Encoding::Binary, false};
        QTest::addRow("field-129")
            << FieldSpec{129, "x", FieldFormat::N, LengthType::Fixed, 3, Encoding::Bcd, false};
        QTest::addRow("zero-length")
            << FieldSpec{3, "x", FieldFormat::N, LengthType::Fixed, 0, Encoding::Bcd, false};
        QTest::addRow("llvar-100")
            << FieldSpec{3, "x", FieldFormat::N, LengthType::LlVar, 100, Encoding::Bcd, false};
        QTest::addRow("lllvar-1000") << FieldSpec{
            3, "x", FieldFormat::Ans, LengthType::LllVar, 1000, Encoding::Ascii, false};
        QTest::addRow("an-in-bcd")
            << FieldSpec{3, "x", FieldFormat::An, LengthType::Fixed, 4, Encoding::Bcd, false};
        QTest::addRow("n-in-binary")
            << FieldSpec{3, "x", FieldFormat::N, LengthType::Fixed, 4, Encoding::Binary, false};
        QTest::addRow("b-in-bcd") << FieldSpec{3, "x",           FieldFormat::B, LengthType::Fixed,
                                               4, Encoding::Bcd, false};
    }
    void profileRejectsBadTables()
    {
        QFETCH(FieldSpec, field);
        auto profile = Profile::create("bad", Encoding::Bcd, Encoding::Bcd, 1024, {field});
        QVERIFY(!profile.ok());
        QCOMPARE(profile.error().code, ErrorCode::InvalidArgument);
    }

    void profileRejectsBadSettings()
    {
        const FieldSpec ok{3, "x", FieldFormat::N, LengthType::Fixed, 6, Encoding::Bcd, false};
        QVERIFY(Profile::create("ok", Encoding::Bcd, Encoding::Bcd, 1024, {ok}).ok());
        QVERIFY(!Profile::create("dup", Encoding::Bcd, Encoding::Bcd, 1024, {ok, ok}).ok());
        QVERIFY(!Profile::create("mti", Encoding::Binary, Encoding::Bcd, 1024, {ok}).ok());
        QVERIFY(!Profile::create("tiny", Encoding::Bcd, Encoding::Bcd, 9, {ok}).ok());
        QVERIFY(!Profile::create("huge", Encoding::Bcd, Encoding::Bcd, 65536, {ok}).ok());
    }

    // Every format with every encoding it allows, fixed and variable, and the
    // three length prefix encodings.
    void fieldRoundTrip_data()
    {
        using F = FieldFormat;
        using L = LengthType;
        using E = Encoding;
        QTest::addColumn<FieldSpec>("field");
        QTest::addColumn<Encoding>("lengthEncoding");
        QTest::addColumn<FieldValue>("value");
        QTest::addColumn<Bytes>("wire");

        QTest::addRow("n-fixed-bcd-even")
            << spec(F::N, L::Fixed, 6, E::Bcd) << E::Bcd << text("123456") << hex("123456");
        QTest::addRow("n-fixed-bcd-odd-left-pad")
            << spec(F::N, L::Fixed, 3, E::Bcd) << E::Bcd << text("978") << hex("0978");
        QTest::addRow("n-llvar-bcd-16") << spec(F::N, L::LlVar, 19, E::Bcd) << E::Bcd
                                        << text("4761739001010010") << hex("16 4761739001010010");
        QTest::addRow("n-llvar-bcd-19-odd")
            << spec(F::N, L::LlVar, 19, E::Bcd) << E::Bcd << text("4761739001010010123")
            << hex("19 04761739001010010123");
        QTest::addRow("n-lllvar-bcd")
            << spec(F::N, L::LllVar, 999, E::Bcd) << E::Bcd << text("123") << hex("0003 0123");
        QTest::addRow("n-fixed-ascii")
            << spec(F::N, L::Fixed, 3, E::Ascii) << E::Bcd << text("978") << ascii("978");
        QTest::addRow("n-llvar-ascii-prefix")
            << spec(F::N, L::LlVar, 19, E::Ascii) << E::Ascii << text("12345") << ascii("0512345");
        QTest::addRow("n-lllvar-ascii-prefix")
            << spec(F::N, L::LllVar, 999, E::Bcd) << E::Ascii << text("123")
            << concat({ascii("003"), hex("0123")});
        QTest::addRow("n-llvar-binary-prefix")
            << spec(F::N, L::LlVar, 99, E::Bcd) << E::Binary << text("123") << hex("03 0123");
        QTest::addRow("n-lllvar-binary-prefix")
            << spec(F::N, L::LllVar, 999, E::Bcd) << E::Binary << text("123") << hex("0003 0123");
        QTest::addRow("z-bcd-even")
            << spec(F::Z, L::LlVar, 37, E::Bcd) << E::Bcd << text("4761739001010010=2512201")
            << hex("24 4761739001010010D2512201");
        QTest::addRow("z-bcd-odd-right-pad")
            << spec(F::Z, L::LlVar, 37, E::Bcd) << E::Bcd << text("12345=1") << hex("07 12345D1F");
        QTest::addRow("z-ascii") << spec(F::Z, L::LlVar, 37, E::Ascii) << E::Bcd << text("1234=56")
                                 << concat({hex("07"), ascii("1234=56")});
        QTest::addRow("an-fixed") << spec(F::An, L::Fixed, 6, E::Ascii) << E::Bcd << text("AB12 z")
                                  << ascii("AB12 z");
        QTest::addRow("ans-lllvar")
            << spec(F::Ans, L::LllVar, 999, E::Ascii) << E::Bcd << text("Hi, {there}!")
            << concat({hex("0012"), ascii("Hi, {there}!")});
        QTest::addRow("ans-llvar-empty")
            << spec(F::Ans, L::LlVar, 99, E::Ascii) << E::Bcd << text("") << hex("00");
        QTest::addRow("b-fixed-binary") << spec(F::B, L::Fixed, 8, E::Binary) << E::Bcd
                                        << bin("0102030405060708") << hex("0102030405060708");
        QTest::addRow("b-lllvar-binary") << spec(F::B, L::LllVar, 999, E::Binary) << E::Bcd
                                         << bin("00FF7F") << hex("0003 00FF7F");
        QTest::addRow("b-fixed-ascii-hex")
            << spec(F::B, L::Fixed, 2, E::Ascii) << E::Bcd << bin("AB01") << ascii("AB01");
        QTest::addRow("b-llvar-ascii-hex")
            << spec(F::B, L::LlVar, 16, E::Ascii) << E::Ascii << bin("AB01") << ascii("02AB01");
        QTest::addRow("xn-credit-bcd") << spec(F::XN, L::Fixed, 8, E::Bcd) << E::Bcd
                                       << text("C00001234") << hex("43 00001234");
        QTest::addRow("xn-debit-bcd-odd")
            << spec(F::XN, L::Fixed, 3, E::Bcd) << E::Bcd << text("D123") << hex("44 0123");
        QTest::addRow("xn-ascii") << spec(F::XN, L::Fixed, 8, E::Ascii) << E::Bcd
                                  << text("D12345678") << ascii("D12345678");
        QTest::addRow("xn-llvar") << spec(F::XN, L::LlVar, 16, E::Bcd) << E::Bcd << text("C1234")
                                  << hex("04 43 1234");
    }
    void fieldRoundTrip()
    {
        QFETCH(FieldSpec, field);
        QFETCH(Encoding, lengthEncoding);
        QFETCH(FieldValue, value);
        QFETCH(Bytes, wire);

        Bytes out = hex("EE"); // a byte before the field: offsets must be honoured
        QVERIFY(FieldCodec::encode(field, lengthEncoding, value, out).ok());
        QCOMPARE(toHex(out), "EE" + toHex(wire));

        std::size_t offset = 1;
        auto decoded = FieldCodec::decode(field, lengthEncoding, out, offset);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().describe().c_str());
        QVERIFY(*decoded == value);
        QCOMPARE(offset, out.size());
    }

    void fieldDecodeRejects_data()
    {
        using F = FieldFormat;
        using L = LengthType;
        using E = Encoding;
        QTest::addColumn<FieldSpec>("field");
        QTest::addColumn<Encoding>("lengthEncoding");
        QTest::addColumn<Bytes>("wire");
        QTest::addColumn<ErrorCode>("code");

        QTest::addRow("n-bcd-hex-digit")
            << spec(F::N, L::Fixed, 4, E::Bcd) << E::Bcd << hex("12A4") << ErrorCode::Malformed;
        QTest::addRow("n-bcd-pad-not-zero")
            << spec(F::N, L::Fixed, 3, E::Bcd) << E::Bcd << hex("1978") << ErrorCode::Malformed;
        QTest::addRow("z-pad-not-f") << spec(F::Z, L::LlVar, 37, E::Bcd) << E::Bcd
                                     << hex("07 12345D10") << ErrorCode::Malformed;
        QTest::addRow("z-nibble-a")
            << spec(F::Z, L::LlVar, 37, E::Bcd) << E::Bcd << hex("04 12A4") << ErrorCode::Malformed;
        QTest::addRow("z-ascii-letter")
            << spec(F::Z, L::LlVar, 37, E::Ascii) << E::Bcd << concat({hex("03"), ascii("1D2")})
            << ErrorCode::Malformed;
        QTest::addRow("n-ascii-letter")
            << spec(F::N, L::Fixed, 3, E::Ascii) << E::Bcd << ascii("12a") << ErrorCode::Malformed;
        QTest::addRow("an-punctuation")
            << spec(F::An, L::Fixed, 3, E::Ascii) << E::Bcd << ascii("AB!") << ErrorCode::Malformed;
        QTest::addRow("ans-newline") << spec(F::Ans, L::Fixed, 3, E::Ascii) << E::Bcd
                                     << hex("410A42") << ErrorCode::Malformed;
        QTest::addRow("ans-high-bit")
            << spec(F::Ans, L::Fixed, 2, E::Ascii) << E::Bcd << hex("41C3") << ErrorCode::Malformed;
        QTest::addRow("xn-bad-sign")
            << spec(F::XN, L::Fixed, 2, E::Bcd) << E::Bcd << hex("58 12") << ErrorCode::Malformed;
        QTest::addRow("llvar-above-max") << spec(F::N, L::LlVar, 19, E::Bcd) << E::Bcd
                                         << hex("20 47617390010100101234") << ErrorCode::Malformed;
        QTest::addRow("prefix-not-bcd")
            << spec(F::N, L::LlVar, 19, E::Bcd) << E::Bcd << hex("1A 1234") << ErrorCode::Malformed;
        QTest::addRow("lll-prefix-high-nibble") << spec(F::B, L::LllVar, 999, E::Binary) << E::Bcd
                                                << hex("1003 AABBCC") << ErrorCode::Malformed;
        QTest::addRow("ascii-prefix-not-digits") << spec(F::Ans, L::LlVar, 99, E::Ascii) << E::Ascii
                                                 << ascii("0A12") << ErrorCode::Malformed;
        QTest::addRow("binary-ll-prefix-100") << spec(F::B, L::LlVar, 99, E::Binary) << E::Binary
                                              << hex("64") << ErrorCode::Malformed;
        QTest::addRow("binary-lll-prefix-1000") << spec(F::B, L::LllVar, 999, E::Binary)
                                                << E::Binary << hex("03E8") << ErrorCode::Malformed;
        QTest::addRow("b-hex-lower-case")
            << spec(F::B, L::Fixed, 1, E::Ascii) << E::Bcd << ascii("ab") << ErrorCode::Malformed;
        QTest::addRow("b-hex-not-hex")
            << spec(F::B, L::Fixed, 1, E::Ascii) << E::Bcd << ascii("G0") << ErrorCode::Malformed;
        QTest::addRow("content-truncated")
            << spec(F::N, L::Fixed, 6, E::Bcd) << E::Bcd << hex("1234") << ErrorCode::Truncated;
        QTest::addRow("variable-content-truncated")
            << spec(F::B, L::LllVar, 999, E::Binary) << E::Bcd << hex("0004 AABBCC")
            << ErrorCode::Truncated;
        QTest::addRow("prefix-truncated")
            << spec(F::B, L::LllVar, 999, E::Binary) << E::Bcd << hex("00") << ErrorCode::Truncated;
        QTest::addRow("empty-input")
            << spec(F::N, L::Fixed, 2, E::Bcd) << E::Bcd << Bytes{} << ErrorCode::Truncated;
    }
    void fieldDecodeRejects()
    {
        QFETCH(FieldSpec, field);
        QFETCH(Encoding, lengthEncoding);
        QFETCH(Bytes, wire);
        QFETCH(ErrorCode, code);
        std::size_t offset = 0;
        auto decoded = FieldCodec::decode(field, lengthEncoding, wire, offset);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().code, code);
        QCOMPARE(offset, std::size_t(0));
    }

    void fieldEncodeRejects_data()
    {
        using F = FieldFormat;
        using L = LengthType;
        using E = Encoding;
        QTest::addColumn<FieldSpec>("field");
        QTest::addColumn<FieldValue>("value");
        QTest::addColumn<ErrorCode>("code");
        QTest::addRow("bytes-for-n")
            << spec(F::N, L::Fixed, 2, E::Bcd) << bin("12") << ErrorCode::InvalidArgument;
        QTest::addRow("text-for-b")
            << spec(F::B, L::Fixed, 1, E::Binary) << text("1") << ErrorCode::InvalidArgument;
        QTest::addRow("fixed-too-short")
            << spec(F::N, L::Fixed, 6, E::Bcd) << text("12345") << ErrorCode::Malformed;
        QTest::addRow("fixed-too-long")
            << spec(F::N, L::Fixed, 6, E::Bcd) << text("1234567") << ErrorCode::Malformed;
        QTest::addRow("variable-too-long")
            << spec(F::Ans, L::LlVar, 4, E::Ascii) << text("ABCDE") << ErrorCode::Malformed;
        QTest::addRow("b-fixed-wrong-size")
            << spec(F::B, L::Fixed, 8, E::Binary) << bin("0102") << ErrorCode::Malformed;
        QTest::addRow("n-with-space")
            << spec(F::N, L::Fixed, 3, E::Bcd) << text("1 3") << ErrorCode::Malformed;
        QTest::addRow("z-with-d") << spec(F::Z, L::LlVar, 37, E::Bcd) << text("1234D56")
                                  << ErrorCode::Malformed;
        QTest::addRow("xn-without-sign")
            << spec(F::XN, L::Fixed, 3, E::Bcd) << text("123") << ErrorCode::Malformed;
        QTest::addRow("xn-empty") << spec(F::XN, L::LlVar, 3, E::Bcd) << text("")
                                  << ErrorCode::Malformed;
    }
    void fieldEncodeRejects()
    {
        QFETCH(FieldSpec, field);
        QFETCH(FieldValue, value);
        QFETCH(ErrorCode, code);
        Bytes out;
        auto encoded = FieldCodec::encode(field, Encoding::Bcd, value, out);
        QVERIFY(!encoded.ok());
        QCOMPARE(encoded.error().code, code);
        QVERIFY(out.empty());
    }

    // ISO 8583:1987, 4.4: bit 1 of the primary bitmap announces the secondary.
    void bitmaps_data()
    {
        QTest::addColumn<Message>("message");
        QTest::addColumn<Bytes>("wire");
        QTest::addRow("primary-only") << codecMessage("0200", {{3, "000000"}, {4, "000000001234"}})
                                      << hex("0200 3000000000000000 000000 000000001234");
        QTest::addRow("primary-and-secondary")
            << codecMessage("0800", {{11, "000001"}, {70, "301"}})
            << hex("0800 8020000000000000 0400000000000000 000001 0301");
        QTest::addRow("last-bits") << [] {
            Message m("0800");
            m.set(64, hex("0102030405060708"));
            m.set(128, hex("1112131415161718"));
            return m;
        }() << hex("0800 8000000000000001 0000000000000001 0102030405060708 1112131415161718");
        QTest::addRow("no-fields") << Message("0800") << hex("0800 0000000000000000");
    }
    void bitmaps()
    {
        QFETCH(Message, message);
        QFETCH(Bytes, wire);
        const MessageCodec codec(cardLinkProfile());
        auto encoded = codec.encode(message);
        QVERIFY2(encoded.ok(), encoded.ok() ? "" : encoded.error().describe().c_str());
        QCOMPARE(toHex(*encoded), toHex(wire));
        auto decoded = codec.decode(wire);
        QVERIFY(decoded.ok());
        QVERIFY(*decoded == message);
    }

    // One message per MTI of the CardLink profile: valid by the MTI rules,
    // encoded, decoded back to the same message and re-encoded to the same bytes.
    void roundTripPerMti_data()
    {
        QTest::addColumn<Message>("message");
        for (auto& [name, message] : samples::all())
            QTest::addRow("%s", name.c_str()) << message;
    }
    void roundTripPerMti()
    {
        QFETCH(Message, message);
        const MessageCodec codec(cardLinkProfile());
        auto valid = MessageValidator::validate(message, cardLinkProfile());
        QVERIFY2(valid.ok(), valid.ok() ? "" : valid.error().describe().c_str());
        auto encoded = codec.encode(message);
        QVERIFY2(encoded.ok(), encoded.ok() ? "" : encoded.error().describe().c_str());
        QCOMPARE(toHex(ByteView(*encoded).first(2)), message.mti());
        const bool secondary = message.fields().rbegin()->first > 64;
        QCOMPARE(((*encoded)[2] & 0x80) != 0, secondary);
        auto decoded = codec.decode(*encoded);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().describe().c_str());
        QVERIFY(*decoded == message);
        QVERIFY(MessageValidator::validate(*decoded, cardLinkProfile()).ok());
        QCOMPARE(codec.encode(*decoded).value(), *encoded);
    }

    // The same data under an all-ASCII profile: MTI, prefixes and b as hex.
    void asciiProfile()
    {
        auto profile = Profile::create(
            "ascii", Encoding::Ascii, Encoding::Ascii, 512,
            {{2, "PAN", FieldFormat::N, LengthType::LlVar, 19, Encoding::Ascii, true},
             {4, "Amount", FieldFormat::N, LengthType::Fixed, 12, Encoding::Ascii, false},
             {52, "PIN", FieldFormat::B, LengthType::Fixed, 8, Encoding::Ascii, true}});
        QVERIFY(profile.ok());
        Message m("0200");
        m.set(2, "4761739001010010");
        m.set(4, "000000001234");
        m.set(52, hex("0123456789ABCDEF"));
        const MessageCodec codec(*profile);
        auto encoded = codec.encode(m);
        QVERIFY(encoded.ok());
        const Bytes expected =
            concat({ascii("0200"), hex("5000000000001000"), ascii("164761739001010010000000001234"),
                    ascii("0123456789ABCDEF")});
        QCOMPARE(toHex(*encoded), toHex(expected));
        auto decoded = codec.decode(*encoded);
        QVERIFY(decoded.ok());
        QVERIFY(*decoded == m);
        QCOMPARE(MessageCodec(*profile)
                     .decode(concat({ascii("02X0"), hex("0000000000000000")}))
                     .error()
                     .code,
                 ErrorCode::Malformed);
    }

    void decodeRejects_data()
    {
        QTest::addColumn<Bytes>("wire");
        QTest::addColumn<ErrorCode>("code");
        QTest::addRow("empty") << Bytes{} << ErrorCode::Truncated;
        QTest::addRow("mti-only") << hex("0200") << ErrorCode::Truncated;
        QTest::addRow("primary-bitmap-truncated") << hex("0200 30000000") << ErrorCode::Truncated;
        QTest::addRow("secondary-bitmap-truncated")
            << hex("0800 8020000000000000 04000000") << ErrorCode::Truncated;
        QTest::addRow("mti-not-bcd") << hex("0A00 0000000000000000") << ErrorCode::Malformed;
        QTest::addRow("mti-version-1993") << hex("1200 0000000000000000") << ErrorCode::Unsupported;
        QTest::addRow("tertiary-bitmap-bit-65")
            << hex("0800 8000000000000000 C000000000000000") << ErrorCode::Unsupported;
        QTest::addRow("empty-secondary-bitmap")
            << hex("0800 8000000000000000 0000000000000000") << ErrorCode::Malformed;
        QTest::addRow("unknown-field-5")
            << hex("0200 0800000000000000 000000001234") << ErrorCode::Malformed;
        QTest::addRow("unknown-field-100")
            << hex("0800 8000000000000000 0000000010000000 01") << ErrorCode::Malformed;
        QTest::addRow("bad-digits-field-3")
            << hex("0200 2000000000000000 00A000") << ErrorCode::Malformed;
        QTest::addRow("field-4-truncated")
            << hex("0200 3000000000000000 000000 0000000012") << ErrorCode::Truncated;
        QTest::addRow("pan-llvar-above-19")
            << hex("0200 4000000000000000 20 47617390010100101234") << ErrorCode::Malformed;
        QTest::addRow("trailing-bytes")
            << hex("0200 3000000000000000 000000 000000001234 00") << ErrorCode::Malformed;
        QTest::addRow("bitmap-without-fields-then-data")
            << hex("0200 0000000000000000 FF") << ErrorCode::Malformed;
        Bytes oversize = hex("0200 0000000000000000");
        oversize.resize(kCardLinkMaxMessageSize + 1, 0x30);
        QTest::addRow("oversize") << oversize << ErrorCode::Malformed;
    }
    void decodeRejects()
    {
        QFETCH(Bytes, wire);
        QFETCH(ErrorCode, code);
        auto decoded = MessageCodec(cardLinkProfile()).decode(wire);
        QVERIFY(!decoded.ok());
        QCOMPARE(decoded.error().code, code);
    }

    void encodeRejects_data()
    {
        QTest::addColumn<Message>("message");
        QTest::addColumn<ErrorCode>("code");
        QTest::addRow("mti-three-digits") << Message("200") << ErrorCode::Malformed;
        QTest::addRow("mti-letter") << Message("02A0") << ErrorCode::Malformed;
        QTest::addRow("mti-1993") << Message("1200") << ErrorCode::Unsupported;
        QTest::addRow("field-1") << codecMessage("0200", {{1, "x"}}) << ErrorCode::InvalidArgument;
        QTest::addRow("field-65") << codecMessage("0200", {{65, "x"}})
                                  << ErrorCode::InvalidArgument;
        QTest::addRow("field-not-in-profile")
            << codecMessage("0200", {{5, "000000001234"}}) << ErrorCode::InvalidArgument;
        QTest::addRow("field-129")
            << codecMessage("0200", {{129, "1"}}) << ErrorCode::InvalidArgument;
        QTest::addRow("bad-processing-code")
            << codecMessage("0200", {{3, "00000"}}) << ErrorCode::Malformed;
    }
    void encodeRejects()
    {
        QFETCH(Message, message);
        QFETCH(ErrorCode, code);
        auto encoded = MessageCodec(cardLinkProfile()).encode(message);
        QVERIFY(!encoded.ok());
        QCOMPARE(encoded.error().code, code);
    }

    void encodeRefusesOversize()
    {
        auto profile = Profile::create(
            "small", Encoding::Bcd, Encoding::Bcd, 32,
            {{48, "data", FieldFormat::Ans, LengthType::LllVar, 999, Encoding::Ascii, false}});
        QVERIFY(profile.ok());
        const MessageCodec codec(*profile);
        Message m("0200");
        m.set(48, std::string(20, 'x')); // 2 + 8 + 2 + 20 = 32: fits exactly
        QVERIFY(codec.encode(m).ok());
        m.set(48, std::string(21, 'x'));
        auto encoded = codec.encode(m);
        QVERIFY(!encoded.ok());
        QCOMPARE(encoded.error().code, ErrorCode::Malformed);
    }
};

QTEST_GUILESS_MAIN(TestIso8583)
#include "tst_iso8583.moc"
