#include "tlv/EmvTags.h"
#include "tlv/TlvDump.h"
#include "tlv/TlvParser.h"
#include "util/PanMask.h"

#include "support/TestBytes.h"

#include <QTest>

#include <set>

using namespace cardlink;
using cardlink::test::hex;
using namespace cardlink::tlv;

Q_DECLARE_METATYPE(cardlink::Bytes)
Q_DECLARE_METATYPE(cardlink::tlv::TagFormat)
Q_DECLARE_METATYPE(cardlink::tlv::TagSource)

namespace {
QString dumpOf(const char* wire)
{
    auto objects = parse(hex(wire));
    if (!objects)
        return QStringLiteral("parse failed: ") +
               QString::fromStdString(objects.error().describe());
    return QString::fromStdString(dump(*objects));
}

const QString kEllipsis = QString(QChar(0x2026));
} // namespace

class TestEmvTags : public QObject
{
    Q_OBJECT

private slots:
    // EMV 4.4 Book 3, Annex A1.
    void lookup_data()
    {
        QTest::addColumn<quint32>("tag");
        QTest::addColumn<QString>("name");
        QTest::addColumn<TagFormat>("format");
        QTest::addColumn<TagSource>("source");
        QTest::addColumn<int>("minLength");
        QTest::addColumn<int>("maxLength");

        QTest::addRow("9F02") << 0x9F02u << "Amount, Authorised (Numeric)" << TagFormat::N
                              << TagSource::Terminal << 6 << 6;
        QTest::addRow("81") << 0x81u << "Amount, Authorised (Binary)" << TagFormat::B
                            << TagSource::Terminal << 4 << 4;
        QTest::addRow("5A") << 0x5Au << "Application Primary Account Number (PAN)" << TagFormat::Cn
                            << TagSource::Icc << 0 << 10;
        QTest::addRow("50") << 0x50u << "Application Label" << TagFormat::Ans << TagSource::Icc << 1
                            << 16;
        QTest::addRow("4F") << 0x4Fu << "Application Dedicated File (ADF) Name" << TagFormat::B
                            << TagSource::Icc << 5 << 16;
        QTest::addRow("8A") << 0x8Au << "Authorisation Response Code" << TagFormat::An
                            << TagSource::IssuerOrTerminal << 2 << 2;
        QTest::addRow("91") << 0x91u << "Issuer Authentication Data" << TagFormat::B
                            << TagSource::Issuer << 8 << 16;
        QTest::addRow("5F55") << 0x5F55u << "Issuer Country Code (alpha2 format)" << TagFormat::A
                              << TagSource::Icc << 2 << 2;
        QTest::addRow("70") << 0x70u << "READ RECORD Response Message Template" << TagFormat::Var
                            << TagSource::Icc << 0 << 252;
        QTest::addRow("BF0C") << 0xBF0Cu
                              << "File Control Information (FCI) Issuer Discretionary Data"
                              << TagFormat::Var << TagSource::Icc << 0 << 222;
        QTest::addRow("9F37") << 0x9F37u << "Unpredictable Number" << TagFormat::B
                              << TagSource::Terminal << 4 << 4;
        QTest::addRow("9F41") << 0x9F41u << "Transaction Sequence Counter" << TagFormat::N
                              << TagSource::Terminal << 2 << 4;
        QTest::addRow("9F20") << 0x9F20u << "Track 2 Discretionary Data" << TagFormat::Cn
                              << TagSource::Icc << 0 << 16;
        QTest::addRow("9F66-visa") << 0x9F66u << "Terminal Transaction Qualifiers (TTQ)"
                                   << TagFormat::B << TagSource::Terminal << 4 << 4;
        QTest::addRow("9F6B-mastercard")
            << 0x9F6Bu << "Track 2 Data" << TagFormat::B << TagSource::Icc << 0 << 19;
    }
    void lookup()
    {
        QFETCH(quint32, tag);
        QFETCH(QString, name);
        QFETCH(TagFormat, format);
        QFETCH(TagSource, source);
        QFETCH(int, minLength);
        QFETCH(int, maxLength);

        const auto info = lookupEmvTag(tag);
        QVERIFY(info.has_value());
        QCOMPARE(info->tag, Tag(tag));
        QCOMPARE(QString::fromUtf8(info->name.data(), qsizetype(info->name.size())), name);
        QCOMPARE(info->format, format);
        QCOMPARE(info->source, source);
        QCOMPARE(int(info->minLength), minLength);
        QCOMPARE(int(info->maxLength), maxLength);
        QCOMPARE(formatOf(tag), format);
    }

    void unknownTags_data()
    {
        QTest::addColumn<quint32>("tag");
        QTest::addRow("DF01-private") << 0xDF01u;
        QTest::addRow("9F00") << 0x9F00u;
        QTest::addRow("zero") << 0x0u;
        QTest::addRow("above-all") << 0xFFFFFFFFu;
    }
    void unknownTags()
    {
        QFETCH(quint32, tag);
        QVERIFY(!lookupEmvTag(tag).has_value());
        QCOMPARE(formatOf(tag), TagFormat::B);
    }

    // The table itself: sorted, unique, well-formed tags, sane lengths, and
    // templates (format var with a constructed tag) where BER says so.
    void tableIsConsistent()
    {
        const auto tags = emvTags();
        QVERIFY(tags.size() >= 120);
        std::set<Tag> seen;
        Tag previous = 0;
        for (const auto& info : tags) {
            const QByteArray where = QByteArray::fromStdString(tagToHex(info.tag));
            QVERIFY2(isValidTag(info.tag), where.constData());
            QVERIFY2(info.tag > previous, where.constData());
            QVERIFY2(seen.insert(info.tag).second, where.constData());
            QVERIFY2(!info.name.empty(), where.constData());
            QVERIFY2(info.minLength <= info.maxLength, where.constData());
            if (isConstructed(info.tag))
                QVERIFY2(info.format == TagFormat::Var, where.constData());
            previous = info.tag;
        }
    }

    void formatNames()
    {
        QCOMPARE(formatCode(TagFormat::N), std::string_view("n"));
        QCOMPARE(formatCode(TagFormat::Cn), std::string_view("cn"));
        QCOMPARE(formatCode(TagFormat::Ans), std::string_view("ans"));
        QCOMPARE(formatCode(TagFormat::Var), std::string_view("var"));
        QCOMPARE(sourceName(TagSource::IssuerOrTerminal), std::string_view("Issuer/Terminal"));
    }

    void maskPan_data()
    {
        QTest::addColumn<QString>("digits");
        QTest::addColumn<QString>("masked");
        QTest::addRow("16-visa") << "4761739001010119"
                                 << "476173" + kEllipsis + "0119";
        QTest::addRow("19") << "6011000990139424123"
                            << "601100" + kEllipsis + "4123";
        QTest::addRow("12-shortest") << "501234567890"
                                     << "501234" + kEllipsis + "7890";
        QTest::addRow("11-all-hidden") << "50123456789"
                                       << "***********";
        QTest::addRow("empty") << ""
                               << "";
    }
    void maskPan()
    {
        QFETCH(QString, digits);
        QFETCH(QString, masked);
        const std::string out = cardlink::maskPan(digits.toStdString());
        QCOMPARE(QString::fromStdString(out), masked);
    }

    void dump_data()
    {
        QTest::addColumn<QString>("wire");
        QTest::addColumn<QString>("expected");

        QTest::addRow("amount") << "9F0206000000001234"
                                << "9F02 Amount, Authorised (Numeric) [6] 000000001234\n";
        QTest::addRow("visa-fci")
            << "6F438407A0000000031010A538500B5649534120435245444954870101"
               "9F38069F1A029F33035F2D02656E9F1101019F120B5649534120435245"
               "444954BF0C059F4D020B0A"
            << "6F File Control Information (FCI) Template [67]\n"
               "  84 Dedicated File (DF) Name [7] A0000000031010\n"
               "  A5 File Control Information (FCI) Proprietary Template [56]\n"
               "    50 Application Label [11] 5649534120435245444954 \"VISA CREDIT\"\n"
               "    87 Application Priority Indicator [1] 01\n"
               "    9F38 Processing Options Data Object List (PDOL) [6] 9F1A029F3303\n"
               "    5F2D Language Preference [2] 656E \"en\"\n"
               "    9F11 Issuer Code Table Index [1] 01\n"
               "    9F12 Application Preferred Name [11] 5649534120435245444954 \"VISA CREDIT\"\n"
               "    BF0C File Control Information (FCI) Issuer Discretionary Data [5]\n"
               "      9F4D Log Entry [2] 0B0A\n";
        // Record of the Visa test card from openemv/emv-utils tests: track 2
        // shows only the masked PAN; track 1 discretionary data is hidden.
        QTest::addRow("record-track2")
            << "703357114761739001010119D221220117589288895F200C455850495245442F43415244"
               "9F1F0E3137353839303936303030303030"
            << "70 READ RECORD Response Message Template [51]\n"
               "  57 Track 2 Equivalent Data [17] 476173" +
                   kEllipsis + "0119D" + kEllipsis +
                   "\n"
                   "  5F20 Cardholder Name [12] 455850495245442F43415244 \"EXPIRED/CARD\"\n"
                   "  9F1F Track 1 Discretionary Data [14] **\n";
        QTest::addRow("record-pan") << "700E5A0847617390010101195F340101"
                                    << "70 READ RECORD Response Message Template [14]\n"
                                       "  5A Application Primary Account Number (PAN) [8] 476173" +
                                           kEllipsis +
                                           "0119\n"
                                           "  5F34 Application Primary Account Number (PAN) "
                                           "Sequence Number [1] 01\n";
        QTest::addRow("pan-19-digits-F-padded")
            << "5A0A6011000990139424123F"
            << "5A Application Primary Account Number (PAN) [10] 601100" + kEllipsis + "4123\n";
        QTest::addRow("track1-mastercard")
            << "563042353431333333303038393032303031325E544553542F434152445E3235313232"
               "303130303030303030303030303030"
            << "56 Track 1 Data [48] 541333" + kEllipsis + "0012^" + kEllipsis + "\n";
        QTest::addRow("track2-mastercard")
            << "9F6B135413330089020012D25122010000000000000F"
            << "9F6B Track 2 Data [19] 541333" + kEllipsis + "0012D" + kEllipsis + "\n";
        QTest::addRow("pin-data")
            << "99081234FFFFFFFFFFFF"
            << "99 Transaction Personal Identification Number (PIN) Data **\n";
        QTest::addRow("pin-in-template")
            << "E00A99081234FFFFFFFFFFFF"
            << "E0 Unknown [10]\n"
               "  99 Transaction Personal Identification Number (PIN) Data **\n";
        QTest::addRow("unknown-and-empty")
            << "DF0102AABB9F4C00"
            << "DF01 Unknown [2] AABB\n9F4C ICC Dynamic Number [0]\n";
        QTest::addRow("non-printable-text") << "50020102"
                                            << "50 Application Label [2] 0102\n";
    }
    void dump()
    {
        QFETCH(QString, wire);
        QFETCH(QString, expected);
        QCOMPARE(dumpOf(wire.toLatin1().constData()), expected);
    }

    // Whatever the layout, the clear PAN, the track data after the separator
    // and PIN data never appear in a dump.
    void dumpNeverLeaks_data()
    {
        QTest::addColumn<QString>("wire");
        QTest::addColumn<QStringList>("secrets");
        QTest::addRow("record-track2")
            << "703357114761739001010119D221220117589288895F200C455850495245442F43415244"
               "9F1F0E3137353839303936303030303030"
            << QStringList{"4761739001010119", "739001", "D2212", "1758928889", "3137353839"};
        QTest::addRow("pan") << "5A084761739001010119" << QStringList{"47617390", "90010101"};
        QTest::addRow("pin") << "9908241234FFFFFFFFFF" << QStringList{"241234", "[8]"};
    }
    void dumpNeverLeaks()
    {
        QFETCH(QString, wire);
        QFETCH(QStringList, secrets);
        const QString text = dumpOf(wire.toLatin1().constData());
        QVERIFY(!text.startsWith("parse failed"));
        for (const auto& secret : secrets)
            QVERIFY2(!text.contains(secret), qPrintable(secret));
    }
};

QTEST_GUILESS_MAIN(TestEmvTags)
#include "tst_emvtags.moc"
