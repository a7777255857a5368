#include "tlv/Length.h"
#include "tlv/Tag.h"
#include "tlv/TlvEncoder.h"
#include "tlv/TlvParser.h"

#include "support/TestBytes.h"

#include <QTest>

using namespace cardlink;
using cardlink::test::hex;
using namespace cardlink::tlv;

Q_DECLARE_METATYPE(cardlink::Bytes)
Q_DECLARE_METATYPE(cardlink::ErrorCode)
Q_DECLARE_METATYPE(cardlink::tlv::TagClass)
Q_DECLARE_METATYPE(cardlink::tlv::TlvObject)

namespace {
// Card responses used below. The FCIs and the GPO response are shaped like
// those of Visa and Mastercard contact cards (EMV 4.4 Book 1, 11.3.4, Table 12;
// Book 3, 6.5.8.4); the two records are the Visa test card records
// (PAN 4761739001010119) from openemv/emv-utils tests/emv_read_application_data_test.c.
const char* const kVisaFci = "6F438407A0000000031010A538500B5649534120435245444954870101"
                             "9F38069F1A029F33035F2D02656E9F1101019F120B5649534120435245"
                             "444954BF0C059F4D020B0A";
const char* const kMastercardFci = "6F298407A0000000041010A51E500A4D617374657243617264870101"
                                   "5F2D04656E6672BF0C059F4D020B0A";
const char* const kGpoFormat2 = "772C82023900940818010201200204009F360200429F2608A1B2C3D4E5F6"
                                "07189F2701809F100706010A03A00000";
const char* const kRecordTrack2 = "703357114761739001010119D22122011758928889"
                                  "5F200C455850495245442F434152449F1F0E3137353839303936303030"
                                  "303030";
const char* const kRecordCdol = "70465A0847617390010101195F3401015F24032212318C159F02069F0306"
                                "9F1A0295055F2A029A039C019F37048D198A029F02069F03069F1A029505"
                                "5F2A029A039C019F37049108";

// `inner` wrapped in `levels` 70 templates.
Bytes wrapIn70(Bytes inner, int levels)
{
    for (int i = 0; i < levels; ++i) {
        Bytes outer{0x70};
        appendLength(outer, inner.size());
        outer.insert(outer.end(), inner.begin(), inner.end());
        inner = std::move(outer);
    }
    return inner;
}
} // namespace

class TestTlv : public QObject
{
    Q_OBJECT

private slots:
    void tagHelpers_data()
    {
        QTest::addColumn<quint32>("tag");
        QTest::addColumn<int>("byteCount");
        QTest::addColumn<TagClass>("tagClass");
        QTest::addColumn<bool>("constructed");
        QTest::addColumn<bool>("valid");

        QTest::addRow("5A-pan") << 0x5Au << 1 << TagClass::Application << false << true;
        QTest::addRow("70-record") << 0x70u << 1 << TagClass::Application << true << true;
        QTest::addRow("84-df-name") << 0x84u << 1 << TagClass::ContextSpecific << false << true;
        QTest::addRow("A5-fci-prop") << 0xA5u << 1 << TagClass::ContextSpecific << true << true;
        QTest::addRow("9F02-amount") << 0x9F02u << 2 << TagClass::ContextSpecific << false << true;
        QTest::addRow("BF0C-fci-idd") << 0xBF0Cu << 2 << TagClass::ContextSpecific << true << true;
        QTest::addRow("5F2D-lang") << 0x5F2Du << 2 << TagClass::Application << false << true;
        QTest::addRow("DF8101-3byte") << 0xDF8101u << 3 << TagClass::Private << false << true;
        QTest::addRow("30-universal") << 0x30u << 1 << TagClass::Universal << true << true;
        QTest::addRow("9F-alone") << 0x9Fu << 1 << TagClass::ContextSpecific << false << false;
        QTest::addRow("9F81-unfinished")
            << 0x9F81u << 2 << TagClass::ContextSpecific << false << false;
        QTest::addRow("5A01-not-multibyte")
            << 0x5A01u << 2 << TagClass::Application << false << false;
        QTest::addRow("FF01-padding-byte") << 0xFF01u << 2 << TagClass::Private << true << false;
        QTest::addRow("zero") << 0x00u << 1 << TagClass::Universal << false << false;
    }
    void tagHelpers()
    {
        QFETCH(quint32, tag);
        QFETCH(int, byteCount);
        QFETCH(TagClass, tagClass);
        QFETCH(bool, constructed);
        QFETCH(bool, valid);
        QCOMPARE(tagByteCount(tag), std::size_t(byteCount));
        QCOMPARE(tlv::tagClass(tag), tagClass);
        QCOMPARE(isConstructed(tag), constructed);
        QCOMPARE(isValidTag(tag), valid);
    }

    // Real responses: decode, find the interesting element, re-encode exactly.
    void realResponses_data()
    {
        QTest::addColumn<Bytes>("wire");
        QTest::addColumn<QList<quint32>>("path");
        QTest::addColumn<Bytes>("value");

        QTest::addRow("visa-fci-label")
            << hex(kVisaFci) << QList<quint32>{0x6F, 0xA5, 0x50} << hex("5649534120435245444954");
        QTest::addRow("visa-fci-df-name")
            << hex(kVisaFci) << QList<quint32>{0x6F, 0x84} << hex("A0000000031010");
        QTest::addRow("visa-fci-pdol")
            << hex(kVisaFci) << QList<quint32>{0x6F, 0xA5, 0x9F38} << hex("9F1A029F3303");
        QTest::addRow("visa-fci-log-entry")
            << hex(kVisaFci) << QList<quint32>{0x6F, 0xA5, 0xBF0C, 0x9F4D} << hex("0B0A");
        QTest::addRow("mastercard-fci-aid")
            << hex(kMastercardFci) << QList<quint32>{0x6F, 0x84} << hex("A0000000041010");
        QTest::addRow("mastercard-fci-lang")
            << hex(kMastercardFci) << QList<quint32>{0x6F, 0xA5, 0x5F2D} << hex("656E6672");
        QTest::addRow("gpo-format2-aip")
            << hex(kGpoFormat2) << QList<quint32>{0x77, 0x82} << hex("3900");
        QTest::addRow("gpo-format2-afl")
            << hex(kGpoFormat2) << QList<quint32>{0x77, 0x94} << hex("1801020120020400");
        QTest::addRow("gpo-format2-iad")
            << hex(kGpoFormat2) << QList<quint32>{0x77, 0x9F10} << hex("06010A03A00000");
        QTest::addRow("record-track2") << hex(kRecordTrack2) << QList<quint32>{0x70, 0x57}
                                       << hex("4761739001010119D22122011758928889");
        QTest::addRow("record-track1-dd") << hex(kRecordTrack2) << QList<quint32>{0x70, 0x9F1F}
                                          << hex("3137353839303936303030303030");
        QTest::addRow("record-cdol1") << hex(kRecordCdol) << QList<quint32>{0x70, 0x8C}
                                      << hex("9F02069F03069F1A0295055F2A029A039C019F3704");
    }
    void realResponses()
    {
        QFETCH(Bytes, wire);
        QFETCH(QList<quint32>, path);
        QFETCH(Bytes, value);

        auto objects = parse(wire);
        QVERIFY2(objects.ok(), objects.ok() ? "" : objects.error().describe().c_str());
        QCOMPARE(objects->size(), std::size_t(1));
        const std::vector<Tag> tags(path.begin(), path.end());
        const TlvObject* found = findPath(*objects, tags);
        QVERIFY(found != nullptr);
        QCOMPARE(found->value, value);
        QVERIFY(found->children.empty());
        // The recursive search finds the same object.
        QCOMPARE(findTag(*objects, tags.back()), found);
        // Canonical input round-trips byte for byte.
        auto encoded = encode(*objects);
        QVERIFY(encoded.ok());
        QCOMPARE(*encoded, wire);
    }

    void lookupMisses()
    {
        auto objects = parse(hex(kVisaFci)).value();
        QVERIFY(findTag(objects, 0x9F02) == nullptr);
        QVERIFY(findPath(objects, {0x6F, 0x50}) == nullptr); // 50 sits in A5, not directly in 6F
        QVERIFY(findPath(objects, {0xA5}) == nullptr);
        QVERIFY(findPath(objects, std::initializer_list<Tag>{}) == nullptr);
        QVERIFY(findPath(objects, {0x6F, 0x84, 0x84}) == nullptr); // primitive has no children
        const TlvObject* fci = findPath(objects, {0x6F});
        QVERIFY(fci != nullptr);
        QCOMPARE(fci->find(0x87)->value, hex("01"));
        QVERIFY(fci->find(0x6F) == nullptr); // find() searches below the object only
    }

    // EMV 4.4 Book 3, Annex B1; ISO/IEC 7816-4: 00 and FF before, between and
    // after objects, at every level, carry no meaning.
    void padding_data()
    {
        QTest::addColumn<Bytes>("wire");
        QTest::addColumn<Bytes>("canonical");
        QTest::addColumn<int>("topLevelCount");

        QTest::addRow("leading-00")
            << hex("0000009F02060000000012 34") << hex("9F0206000000001234") << 1;
        QTest::addRow("trailing-FF") << hex("5A0112FFFFFF") << hex("5A0112") << 1;
        QTest::addRow("between-mixed")
            << hex("9A0324021700FF00FF9C0100") << hex("9A032402179C0100") << 2;
        QTest::addRow("inside-template")
            << hex("70 0A 00 5A0112 FF 5F340101 00") << hex("7007 5A0112 5F340101") << 1;
        QTest::addRow("only-padding") << hex("0000FFFF") << Bytes{} << 0;
        QTest::addRow("empty") << Bytes{} << Bytes{} << 0;
        QTest::addRow("record-with-trailing-FF")
            << hex(QByteArray(kRecordTrack2).append("FFFF").constData()) << hex(kRecordTrack2) << 1;
    }
    void padding()
    {
        QFETCH(Bytes, wire);
        QFETCH(Bytes, canonical);
        QFETCH(int, topLevelCount);
        auto objects = parse(wire);
        QVERIFY2(objects.ok(), objects.ok() ? "" : objects.error().describe().c_str());
        QCOMPARE(objects->size(), std::size_t(topLevelCount));
        auto encoded = encode(*objects);
        QVERIFY(encoded.ok());
        QCOMPARE(*encoded, canonical);
    }

    // EMV 4.4 Book 3, Annex B2: short form, and 81..84 followed by 1..4 bytes.
    // Non-minimal long forms are read; the encoder writes the shortest form.
    void lengthForms_data()
    {
        QTest::addColumn<Bytes>("header");
        QTest::addColumn<int>("length");
        QTest::addColumn<Bytes>("minimalHeader");

        QTest::addRow("short-0") << hex("C100") << 0 << hex("C100");
        QTest::addRow("short-127") << hex("C17F") << 127 << hex("C17F");
        QTest::addRow("81-128") << hex("C18180") << 128 << hex("C18180");
        QTest::addRow("81-255") << hex("C181FF") << 255 << hex("C181FF");
        QTest::addRow("82-256") << hex("C1820100") << 256 << hex("C1820100");
        QTest::addRow("82-65535") << hex("C182FFFF") << 65535 << hex("C182FFFF");
        QTest::addRow("83-65536") << hex("C183010000") << 65536 << hex("C183010000");
        QTest::addRow("84-70000") << hex("C18400011170") << 70000 << hex("C183011170");
        QTest::addRow("81-5-nonminimal") << hex("C18105") << 5 << hex("C105");
        QTest::addRow("82-5-nonminimal") << hex("C1820005") << 5 << hex("C105");
    }
    void lengthForms()
    {
        QFETCH(Bytes, header);
        QFETCH(int, length);
        QFETCH(Bytes, minimalHeader);

        Bytes wire = header;
        for (int i = 0; i < length; ++i)
            wire.push_back(static_cast<std::uint8_t>(i));
        auto objects = parse(wire);
        QVERIFY2(objects.ok(), objects.ok() ? "" : objects.error().describe().c_str());
        QCOMPARE(objects->size(), std::size_t(1));
        QCOMPARE((*objects)[0].tag, Tag(0xC1));
        QCOMPARE((*objects)[0].value.size(), std::size_t(length));
        QCOMPARE((*objects)[0].value, Bytes(wire.begin() + header.size(), wire.end()));

        auto encoded = encode(*objects);
        QVERIFY(encoded.ok());
        QCOMPARE(Bytes(encoded->begin(), encoded->begin() + minimalHeader.size()), minimalHeader);
        QCOMPARE(encoded->size(), minimalHeader.size() + std::size_t(length));
    }

    void errors_data()
    {
        QTest::addColumn<Bytes>("wire");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("messagePart");

        QTest::addRow("tag-truncated") << hex("9F") << ErrorCode::Truncated << "tag runs past";
        QTest::addRow("tag-truncated-3byte")
            << hex("5A0100DF81") << ErrorCode::Truncated << "offset 3";
        QTest::addRow("tag-too-long")
            << hex("1F8182830401AA") << ErrorCode::Malformed << "tag longer than 4";
        QTest::addRow("tag-too-long-4-more-bits")
            << hex("1F818283") << ErrorCode::Malformed << "tag longer than 4";
        QTest::addRow("length-missing") << hex("9F02") << ErrorCode::Truncated << "missing length";
        QTest::addRow("length-81-truncated")
            << hex("9F0281") << ErrorCode::Truncated << "length field runs past";
        QTest::addRow("length-84-truncated")
            << hex("5A84000001") << ErrorCode::Truncated << "length field runs past";
        QTest::addRow("length-indefinite")
            << hex("70805A01120000") << ErrorCode::Malformed << "indefinite";
        QTest::addRow("length-85")
            << hex("5A850000000001AA") << ErrorCode::Malformed << "not supported";
        QTest::addRow("length-FF") << hex("5AFF") << ErrorCode::Malformed << "not supported";
        QTest::addRow("value-truncated")
            << hex("9F0206000000") << ErrorCode::Truncated << "value of 9F02";
        QTest::addRow("value-truncated-long-form")
            << hex("708200FF5A0112") << ErrorCode::Truncated << "value of 70";
        QTest::addRow("value-4GB")
            << hex("5A84FFFFFFFF00") << ErrorCode::Truncated << "value of 5A";
        // The template's own length fits, but a child overruns the template.
        QTest::addRow("child-overruns-parent")
            << hex("7004 5A05 1234 9F360200 42") << ErrorCode::Truncated << "value of 5A";
        QTest::addRow("nested-error-offset")
            << hex("77 05 82 02 39 00 9F") << ErrorCode::Truncated << "offset 6";
        QTest::addRow("depth-17") << wrapIn70(hex("5A0100"), 16) << ErrorCode::Malformed
                                  << "nesting deeper than 16";
        // A template on the deepest level may not even hold padding.
        QTest::addRow("depth-16-template-with-padding")
            << wrapIn70(hex("700100"), 15) << ErrorCode::Malformed << "nesting";
    }
    void errors()
    {
        QFETCH(Bytes, wire);
        QFETCH(ErrorCode, code);
        QFETCH(QString, messagePart);
        auto objects = parse(wire);
        QVERIFY(!objects.ok());
        QCOMPARE(objects.error().code, code);
        const QString message = QString::fromStdString(objects.error().message);
        QVERIFY2(message.contains(messagePart), qPrintable(message));
    }

    void depthLimit_data()
    {
        QTest::addColumn<int>("levels");
        QTest::addColumn<bool>("withLeaf");
        QTest::addColumn<bool>("ok");
        QTest::addRow("15-templates-and-leaf") << 15 << true << true;
        QTest::addRow("16-empty-templates") << 16 << false << true;
        QTest::addRow("16-templates-and-leaf") << 16 << true << false;
        QTest::addRow("100-templates") << 100 << true << false;
    }
    void depthLimit()
    {
        QFETCH(int, levels);
        QFETCH(bool, withLeaf);
        QFETCH(bool, ok);
        const Bytes wire = wrapIn70(withLeaf ? hex("5A0100") : Bytes{}, levels);
        auto objects = parse(wire);
        QCOMPARE(objects.ok(), ok);
        if (!ok) {
            QCOMPARE(objects.error().code, ErrorCode::Malformed);
            return;
        }
        auto encoded = encode(*objects);
        QVERIFY(encoded.ok());
        QCOMPARE(*encoded, wire);
        if (withLeaf)
            QCOMPARE(findTag(*objects, 0x5A)->value, hex("00"));
    }

    void encodeBuilt()
    {
        // GENERATE AC response format 2 (EMV 4.4 Book 3, 6.5.5.4) built in code.
        const auto response =
            TlvObject::constructed(0x77, {TlvObject::primitive(0x9F27, hex("80")),
                                          TlvObject::primitive(0x9F36, hex("0042")),
                                          TlvObject::primitive(0x9F26, hex("A1B2C3D4E5F60718"))});
        auto encoded = encode(response);
        QVERIFY(encoded.ok());
        QCOMPARE(*encoded, hex("7714 9F270180 9F36020042 9F2608A1B2C3D4E5F60718"));
        auto reparsed = parse(*encoded);
        QVERIFY(reparsed.ok());
        QCOMPARE(reparsed->size(), std::size_t(1));
        QVERIFY((*reparsed)[0] == response);

        // A 300-byte value gets an 82 length.
        auto big = encode(TlvObject::primitive(0xDF01, Bytes(300, 0xAB)));
        QVERIFY(big.ok());
        QCOMPARE(Bytes(big->begin(), big->begin() + 5), hex("DF0182012C"));
    }

    void encodeRejects_data()
    {
        QTest::addColumn<TlvObject>("object");

        auto primitiveWithChildren = TlvObject::primitive(0x5A, hex("01"));
        primitiveWithChildren.children.push_back(TlvObject::primitive(0x5A, hex("02")));
        auto constructedWithValue = TlvObject::constructed(0x70, {});
        constructedWithValue.value = hex("01");
        auto tooDeep = TlvObject::primitive(0x5A, hex("01"));
        for (int i = 0; i < 16; ++i)
            tooDeep = TlvObject::constructed(0x70, {tooDeep});

        QTest::addRow("unfinished-tag-9F") << TlvObject::primitive(0x9F, hex("01"));
        QTest::addRow("zero-tag") << TlvObject::primitive(0x00, hex("01"));
        QTest::addRow("padding-tag-FF01") << TlvObject::constructed(0xFF01, {});
        QTest::addRow("invalid-child-tag")
            << TlvObject::constructed(0x70, {TlvObject::primitive(0x9F81, {})});
        QTest::addRow("primitive-with-children") << primitiveWithChildren;
        QTest::addRow("constructed-with-value") << constructedWithValue;
        QTest::addRow("17-levels") << tooDeep;
    }
    void encodeRejects()
    {
        QFETCH(TlvObject, object);
        auto encoded = encode(object);
        QVERIFY(!encoded.ok());
        QCOMPARE(encoded.error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestTlv)
#include "tst_tlv.moc"
