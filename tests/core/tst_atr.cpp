// ISO/IEC 7816-3:2006 clause 8 ATR parsing. The real ATRs below come from
// pcsc-tools' smartcard_list.txt (Ludovic Rousseau); their decodings were
// worked out by hand from the standard's tables, and their TCKs checked with an
// independent exclusive-or.
#include "iso7816/Atr.h"
#include "iso7816/TransmissionFactors.h"

#include "support/TestBytes.h"

#include <QTest>

using namespace cardlink;
using cardlink::test::hex;
using namespace cardlink::iso7816;

Q_DECLARE_METATYPE(cardlink::Bytes)
Q_DECLARE_METATYPE(cardlink::ErrorCode)
Q_DECLARE_METATYPE(cardlink::iso7816::Convention)
Q_DECLARE_METATYPE(cardlink::iso7816::ClockStop)
Q_DECLARE_METATYPE(cardlink::iso7816::HistoricalCategory)

namespace {
// Real ATRs (smartcard_list.txt) used by several tests.
constexpr const char* kYubikey4 = "3B F8 13 00 00 81 31 FE 15 59 75 62 69 6B 65 79 34 D4";
constexpr const char* kOpenPgpV2 = "3B DA 18 FF 81 B1 FE 75 1F 03 00 31 C5 73 C0 01 40 00 90 00 0C";
constexpr const char* kMifare1kPcsc = "3B 8F 80 01 80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00 6A";
constexpr const char* kMultiflex = "3B 02 14 50";
constexpr const char* kGemSafe = "3B 7D 94 00 00 80 31 80 65 B0 83 01 01 90 83 00 90 00";
constexpr const char* kSimInverse = "3F 2F 00 36 AF 69 02 04 01 80 00 00 0A 0E 83 3E 9F 16";
constexpr const char* kDreamcrypt = "3B 9C 13 11 81 64 72 65 61 6D 63 72 79 70 74 00 04 08";
constexpr const char* kUsim = "3B 9C 95 80 1F C7 80 31 E0 73 FE 21 1B 64 57 44 49 46 CF";
constexpr const char* kBadTck = "3B 86 80 01 06 75 77 81 02 8F 00";
constexpr const char* kDirReference = "3B 02 10 50";
constexpr const char* kOddHistorical = "3B 05 00 03 36 66 AE";
// Synthetic: TA1 = 7A, both nibbles RFU in tables 7 and 8.
constexpr const char* kRfuTa1 = "3B 10 7A";
// Synthetic: TD1 T=1, TD2 T=1 with TC3 = 01 (CRC), TCK = 41.
constexpr const char* kCrc = "3B 80 81 41 01 41";

QList<int> toList(const std::vector<int>& values)
{
    return QList<int>(values.begin(), values.end());
}

Atr parsed(const Bytes& bytes)
{
    auto atr = Atr::parse(bytes);
    if (!atr)
        qFatal("ATR %s did not parse: %s", toSpacedHex(bytes).c_str(),
               atr.error().describe().c_str());
    return std::move(atr).value();
}
} // namespace

class TestAtr : public QObject
{
    Q_OBJECT

private slots:
    // fi/di/fMax are -1 where table 7/8 marks the value RFU.
    void decode_data()
    {
        QTest::addColumn<Bytes>("atr");
        QTest::addColumn<Convention>("convention");
        QTest::addColumn<QList<int>>("protocols");
        QTest::addColumn<int>("fi");
        QTest::addColumn<int>("di");
        QTest::addColumn<int>("fMaxKHz");
        QTest::addColumn<Bytes>("historical");
        QTest::addColumn<bool>("tckPresent");
        QTest::addColumn<bool>("tckValid");

        QTest::addRow("yubikey4-t1") << hex(kYubikey4) << Convention::Direct << QList<int>{1} << 372
                                     << 4 << 5000 << hex("59 75 62 69 6B 65 79 34") << true << true;
        QTest::addRow("openpgp-v2-t1-t15")
            << hex(kOpenPgpV2) << Convention::Direct << QList<int>{1} << 372 << 12 << 5000
            << hex("00 31 C5 73 C0 01 40 00 90 00") << true << true;
        QTest::addRow("mifare-pcsc-t0-t1")
            << hex(kMifare1kPcsc) << Convention::Direct << QList<int>{0, 1} << 372 << 1 << 5000
            << hex("80 4F 0C A0 00 00 03 06 03 00 01 00 00 00 00") << true << true;
        QTest::addRow("multiflex-no-td1") << hex(kMultiflex) << Convention::Direct << QList<int>{0}
                                          << 372 << 1 << 5000 << hex("14 50") << false << false;
        QTest::addRow("gemsafe-ta1-94")
            << hex(kGemSafe) << Convention::Direct << QList<int>{0} << 512 << 8 << 5000
            << hex("80 31 80 65 B0 83 01 01 90 83 00 90 00") << false << false;
        QTest::addRow("sim-inverse")
            << hex(kSimInverse) << Convention::Inverse << QList<int>{0} << 372 << 1 << 5000
            << hex("36 AF 69 02 04 01 80 00 00 0A 0E 83 3E 9F 16") << false << false;
        QTest::addRow("usim-t0-t15")
            << hex(kUsim) << Convention::Direct << QList<int>{0} << 512 << 16 << 5000
            << hex("80 31 E0 73 FE 21 1B 64 57 44 49 46") << true << true;
        QTest::addRow("tck-wrong") << hex(kBadTck) << Convention::Direct << QList<int>{0, 1} << 372
                                   << 1 << 5000 << hex("06 75 77 81 02 8F") << true << false;
        QTest::addRow("ta1-rfu") << hex(kRfuTa1) << Convention::Direct << QList<int>{0} << -1 << -1
                                 << -1 << Bytes{} << false << false;
    }
    void decode()
    {
        QFETCH(Bytes, atr);
        QFETCH(Convention, convention);
        QFETCH(QList<int>, protocols);
        QFETCH(int, fi);
        QFETCH(int, di);
        QFETCH(int, fMaxKHz);
        QFETCH(Bytes, historical);
        QFETCH(bool, tckPresent);
        QFETCH(bool, tckValid);

        auto parsedAtr = Atr::parse(atr);
        QVERIFY2(parsedAtr.ok(), parsedAtr.ok() ? "" : parsedAtr.error().message.c_str());
        const Atr& a = *parsedAtr;
        QCOMPARE(a.raw(), atr);
        QCOMPARE(a.convention(), convention);
        QCOMPARE(toList(a.protocols()), protocols);
        QCOMPARE(a.fi().value_or(-1), fi);
        QCOMPARE(a.di().value_or(-1), di);
        QCOMPARE(a.fMaxKHz().value_or(-1), fMaxKHz);
        QCOMPARE(a.historicalBytes(), historical);
        QCOMPARE(a.historicalByteCount(), int(historical.size()));
        QCOMPARE(a.tckPresent(), tckPresent);
        QCOMPARE(a.tckValid(), tckValid);
        QCOMPARE(a.tck().has_value(), tckPresent);
        if (tckPresent)
            QCOMPARE(*a.tck(), atr.back());
    }

    // The interface byte groups are kept per index i, with which bytes are present.
    void interfaceGroups()
    {
        const Atr a = parsed(hex(kOpenPgpV2));
        const auto& groups = a.interfaceGroups();
        QCOMPARE(groups.size(), std::size_t(4));
        QCOMPARE(groups[0], (AtrInterfaceGroup{1, std::nullopt, 0x18, std::nullopt, 0xFF, 0x81}));
        QCOMPARE(groups[1],
                 (AtrInterfaceGroup{2, 1, std::nullopt, std::nullopt, std::nullopt, 0xB1}));
        QCOMPARE(groups[2], (AtrInterfaceGroup{3, 1, 0xFE, 0x75, std::nullopt, 0x1F}));
        QCOMPARE(groups[3],
                 (AtrInterfaceGroup{4, 15, 0x03, std::nullopt, std::nullopt, std::nullopt}));
        QCOMPARE(a.ta(3), std::optional<std::uint8_t>(0xFE));
        QCOMPARE(a.tb(1), std::optional<std::uint8_t>());
        QCOMPARE(a.td(5), std::optional<std::uint8_t>());
        QCOMPARE(a.ta(0), std::optional<std::uint8_t>());
        QCOMPARE(toList(a.indicatedTypes()), (QList<int>{1, 1, 15}));
    }

    // Global bytes (8.3), T=1 bytes (11.4) and T=15 bytes (8.3, 6.3.2).
    void parameters_data()
    {
        QTest::addColumn<Bytes>("atr");
        QTest::addColumn<int>("guard");
        QTest::addColumn<int>("specificT"); // -1: negotiable mode
        QTest::addColumn<bool>("canChange");
        QTest::addColumn<int>("ifsc");
        QTest::addColumn<int>("bwi");
        QTest::addColumn<int>("cwi");
        QTest::addColumn<bool>("crc");
        QTest::addColumn<ClockStop>("clockStop");
        QTest::addColumn<QString>("classes");

        QTest::addRow("openpgp") << hex(kOpenPgpV2) << 255 << -1 << false << 254 << 7 << 5 << false
                                 << ClockStop::NotSupported << "AB";
        QTest::addRow("yubikey") << hex(kYubikey4) << 0 << -1 << false << 254 << 1 << 5 << false
                                 << ClockStop::NotSupported << "A";
        QTest::addRow("specific-mode-t1") << hex(kDreamcrypt) << 0 << 1 << false << 32 << 4 << 13
                                          << false << ClockStop::NotSupported << "A";
        QTest::addRow("usim-clockstop") << hex(kUsim) << 0 << -1 << false << 32 << 4 << 13 << false
                                        << ClockStop::NoPreference << "ABC";
        QTest::addRow("crc") << hex(kCrc) << 0 << -1 << false << 32 << 4 << 13 << true
                             << ClockStop::NotSupported << "A";
    }
    void parameters()
    {
        QFETCH(Bytes, atr);
        QFETCH(int, guard);
        QFETCH(int, specificT);
        QFETCH(bool, canChange);
        QFETCH(int, ifsc);
        QFETCH(int, bwi);
        QFETCH(int, cwi);
        QFETCH(bool, crc);
        QFETCH(ClockStop, clockStop);
        QFETCH(QString, classes);

        const Atr a = parsed(atr);
        QCOMPARE(a.extraGuardTime(), guard);
        QCOMPARE(a.specificMode(), specificT >= 0);
        QCOMPARE(a.specificModeProtocol().value_or(-1), specificT);
        QCOMPARE(a.canChangeMode(), canChange);
        QCOMPARE(a.ifsc(), ifsc);
        QCOMPARE(a.bwi(), bwi);
        QCOMPARE(a.cwi(), cwi);
        QCOMPARE(a.errorDetection() == T1ErrorDetection::Crc, crc);
        QCOMPARE(a.clockStop(), clockStop);
        QString supported;
        if (a.supportsClassA())
            supported += 'A';
        if (a.supportsClassB())
            supported += 'B';
        if (a.supportsClassC())
            supported += 'C';
        QCOMPARE(supported, classes);
    }

    // ISO/IEC 7816-4:2013, 8.1.1: category indicator, COMPACT-TLV objects, status.
    void historical_data()
    {
        QTest::addColumn<Bytes>("atr");
        QTest::addColumn<HistoricalCategory>("category");
        QTest::addColumn<QList<int>>("tags");
        QTest::addColumn<int>("lcs"); // -1: absent
        QTest::addColumn<int>("sw");  // -1: absent
        QTest::addColumn<int>("dirReference");
        QTest::addColumn<bool>("clean");

        QTest::addRow("00-status-at-end") << hex(kOpenPgpV2) << HistoricalCategory::StatusAtEnd
                                          << QList<int>{3, 7} << 0x00 << 0x9000 << -1 << true;
        QTest::addRow("80-status-object") << hex(kGemSafe) << HistoricalCategory::CompactTlv
                                          << QList<int>{3, 6, 8} << 0x00 << 0x9000 << -1 << true;
        QTest::addRow("80-no-status") << hex(kUsim) << HistoricalCategory::CompactTlv
                                      << QList<int>{3, 7, 6} << -1 << -1 << -1 << true;
        QTest::addRow("80-pcsc-storage") << hex(kMifare1kPcsc) << HistoricalCategory::CompactTlv
                                         << QList<int>{} << -1 << -1 << -1 << true;
        QTest::addRow("10-dir-reference")
            << hex(kDirReference) << HistoricalCategory::DirDataReference << QList<int>{} << -1
            << -1 << 0x50 << true;
        QTest::addRow("proprietary") << hex(kYubikey4) << HistoricalCategory::Proprietary
                                     << QList<int>{} << -1 << -1 << -1 << true;
        QTest::addRow("empty") << hex(kCrc) << HistoricalCategory::Empty << QList<int>{} << -1 << -1
                               << -1 << true;
        // Object 03 announces 3 bytes, but only the status indicator follows:
        // reported, the ATR still parses.
        QTest::addRow("00-odd-object") << hex(kOddHistorical) << HistoricalCategory::StatusAtEnd
                                       << QList<int>{} << 0x36 << 0x66AE << -1 << false;
    }
    void historical()
    {
        QFETCH(Bytes, atr);
        QFETCH(HistoricalCategory, category);
        QFETCH(QList<int>, tags);
        QFETCH(int, lcs);
        QFETCH(int, sw);
        QFETCH(int, dirReference);
        QFETCH(bool, clean);

        const Atr a = parsed(atr);
        const auto& h = a.historical();
        QCOMPARE(h.category(), category);
        QList<int> found;
        for (const auto& object : h.objects())
            found.append(object.tag);
        QCOMPARE(found, tags);
        QCOMPARE(h.lifeCycleStatus().has_value(), lcs >= 0);
        if (lcs >= 0)
            QCOMPARE(int(*h.lifeCycleStatus()), lcs);
        QCOMPARE(h.statusWord().has_value(), sw >= 0);
        if (sw >= 0)
            QCOMPARE(int(*h.statusWord()), sw);
        QCOMPARE(h.dirDataReference().has_value(), dirReference >= 0);
        if (dirReference >= 0)
            QCOMPARE(int(*h.dirDataReference()), dirReference);
        QCOMPARE(h.problem().empty(), clean);
    }

    // Every malformed class, with its error code and the reason before ':'.
    void rejectsMalformed_data()
    {
        QTest::addColumn<Bytes>("atr");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("reason");

        QTest::addRow("empty") << Bytes{} << ErrorCode::Truncated << "empty";
        QTest::addRow("ts-3C") << hex("3C 00") << ErrorCode::Malformed << "bad TS";
        QTest::addRow("ts-inverse-raw-03") << hex("03 00") << ErrorCode::Malformed << "bad TS";
        QTest::addRow("ts-only") << hex("3B") << ErrorCode::Truncated << "truncated";
        QTest::addRow("tb1-missing") << hex("3B F0 13") << ErrorCode::Truncated << "truncated";
        QTest::addRow("td2-missing") << hex("3B 80 81") << ErrorCode::Truncated << "truncated";
        QTest::addRow("historical-short")
            << hex("3B 04 60 89") << ErrorCode::Truncated << "truncated";
        QTest::addRow("t1-without-tck") << hex("3B 80 01") << ErrorCode::Truncated << "missing TCK";
        QTest::addRow("t15-without-tck")
            << hex("3B 80 1F C7") << ErrorCode::Truncated << "missing TCK";
        QTest::addRow("yubikey-without-tck")
            << hex("3B F8 13 00 00 81 31 FE 15 59 75 62 69 6B 65 79 34") << ErrorCode::Truncated
            << "missing TCK";
        QTest::addRow("tck-on-t0-only")
            << hex("3B 02 14 50 11") << ErrorCode::Malformed << "extra bytes";
        QTest::addRow("byte-after-tck")
            << hex("3B F8 13 00 00 81 31 FE 15 59 75 62 69 6B 65 79 34 D4 00")
            << ErrorCode::Malformed << "extra bytes";
        // 5 groups of interface bytes (20) + K = 15 + TCK: 38 bytes announced.
        Bytes longAtr = hex("3B FF 11 00 00 F1 11 00 00 F1 11 00 00 F1 11 00 00 F1 FE 00 00 01");
        longAtr.resize(38, 0x00);
        QTest::addRow("announces-38") << longAtr << ErrorCode::Malformed << "too long";
        // A TD chain that alone runs past byte 33.
        Bytes chain = hex("3B 80");
        for (int i = 0; i < 40; ++i)
            chain.push_back(0x81);
        QTest::addRow("endless-td-chain") << chain << ErrorCode::Malformed << "too long";
    }
    void rejectsMalformed()
    {
        QFETCH(Bytes, atr);
        QFETCH(ErrorCode, code);
        QFETCH(QString, reason);

        auto result = Atr::parse(atr);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, code);
        const auto& message = result.error().message;
        QCOMPARE(QString::fromStdString(message.substr(0, message.find(':'))), reason);
    }

    // No proper prefix of a valid ATR is an ATR: the chain or K always announces more.
    void prefixesAreRejected_data()
    {
        QTest::addColumn<Bytes>("atr");
        for (const char* text : {kYubikey4, kOpenPgpV2, kMifare1kPcsc, kGemSafe, kUsim, kCrc})
            QTest::addRow("%s", text) << hex(text);
    }
    void prefixesAreRejected()
    {
        QFETCH(Bytes, atr);
        for (std::size_t n = 0; n < atr.size(); ++n) {
            auto result = Atr::parse(ByteView(atr).first(n));
            QVERIFY2(!result.ok(), qPrintable(QString::number(n)));
            QCOMPARE(result.error().code, ErrorCode::Truncated);
        }
        QVERIFY(Atr::parse(atr).ok());
    }

    void describe_data()
    {
        QTest::addColumn<Bytes>("atr");
        QTest::addColumn<QStringList>("lines");

        QTest::addRow("yubikey4")
            << hex(kYubikey4)
            << QStringList{"TS = 3B: direct convention",
                           "T0 = F8: TA1 TB1 TC1 TD1 present, K = 8 historical bytes",
                           "TA1 = 13: Fi = 372, Di = 4, f(max) = 5 MHz",
                           "TB1 = 00: VPP not connected (deprecated byte)",
                           "TC1 = 00: extra guard time N = 0 ETU",
                           "TD1 = 81: TD2 present, protocol T=1",
                           "TA3 = FE: T=1 IFSC = 254",
                           "TB3 = 15: T=1 BWI = 1, CWI = 5",
                           "protocols: T=1",
                           "historical bytes (8): 59 75 62 69 6B 65 79 34 \"Yubikey4\"",
                           "  category indicator 59: proprietary, not decoded",
                           "TCK = D4: correct"};
        QTest::addRow("openpgp")
            << hex(kOpenPgpV2)
            << QStringList{"TC1 = FF: extra guard time N = 255 (minimum guard time: 12 ETU for "
                           "T=0, 11 for T=1)",
                           "TD3 = 1F: TA4 present, T=15 (global interface bytes follow)",
                           "TA4 = 03: T=15 clock stop not supported, classes A B",
                           "  card service data (31): C5",
                           "    card without MF",
                           "  card capabilities (73): C0 01 40",
                           "    extended Lc and Le fields: yes",
                           "    maximum logical channels: 1",
                           "  status indicator: life cycle status 00 (no information given), "
                           "status word 90 00"};
        QTest::addRow("gemsafe") << hex(kGemSafe)
                                 << QStringList{"TA1 = 94: Fi = 512, Di = 8, f(max) = 5 MHz",
                                                "protocols: T=0 (TD1 absent: T=0 implied)",
                                                "  card service data (31): 80",
                                                "  pre-issuing data (65): B0 83 01 01 90",
                                                "  status indicator (83): 00 90 00",
                                                "    life cycle status 00: no information given",
                                                "    status word 90 00",
                                                "TCK absent: only T=0 indicated"};
        QTest::addRow("usim")
            << hex(kUsim)
            << QStringList{"TA3 = C7: T=15 clock stop no preference, classes A B C",
                           "    logical channel assignment: by the card and the interface device",
                           "    maximum logical channels: 4"};
        QTest::addRow("specific-mode")
            << hex(kDreamcrypt)
            << QStringList{"TA2 = 81: specific mode T=1, cannot change to negotiable mode, "
                           "parameters from TA1",
                           "mode: specific (TA2 present)",
                           "T=1 parameters: IFSC = 32, BWI = 4, CWI = 13, error detection LRC"};
        QTest::addRow("inverse") << hex(kSimInverse) << QStringList{"TS = 3F: inverse convention"};
        QTest::addRow("pcsc-storage")
            << hex(kMifare1kPcsc)
            << QStringList{"protocols: T=0 T=1", "  PC/SC Part 3 contactless storage card: RID A0 "
                                                 "00 00 03 06, standard 03, card name 00 01"};
        QTest::addRow("defaults") << hex(kMultiflex)
                                  << QStringList{
                                         "Fi = 372, Di = 1, f(max) = 5 MHz (defaults, TA1 absent)",
                                         "mode: negotiable (TA2 absent, PPS possible)"};
        QTest::addRow("dir-reference")
            << hex(kDirReference) << QStringList{"  DIR data reference: 50"};
        QTest::addRow("tck-wrong")
            << hex(kBadTck)
            << QStringList{"TCK = 00: WRONG (exclusive-or of T0..TCK is not 0)",
                           "warning: TCK 00 does not verify, expected 0F (8.2.5)"};
        QTest::addRow("ta1-rfu") << hex(kRfuTa1)
                                 << QStringList{"TA1 = 7A: Fi = RFU, Di = RFU, f(max) = RFU",
                                                "warning: TA1 Fi index 7 is RFU (table 7)",
                                                "warning: TA1 Di index 10 is RFU (table 8)"};
        QTest::addRow("odd-historical")
            << hex(kOddHistorical)
            << QStringList{
                   "  not decoded further: COMPACT-TLV object 03 announces 3 byte(s), only 0 left",
                   "  undecoded bytes: 03"};
        QTest::addRow("crc") << hex(kCrc) << QStringList{"TC3 = 01: T=1 error detection: CRC"};
        // Synthetic: TD1 T=0, TD2 T=15 with TA3 TB3 TC3, TCK = 7C.
        QTest::addRow("t15-global")
            << hex("3B 80 80 7F 03 00 00 7C")
            << QStringList{"TA3 = 03: T=15 clock stop not supported, classes A B",
                           "TB3 = 00: T=15 SPU (use of C6) = 00",
                           "TC3 = 00: global interface byte (T=15)", "TCK = 7C: correct"};
    }
    void describe()
    {
        QFETCH(Bytes, atr);
        QFETCH(QStringList, lines);

        const QString text = QString::fromStdString(parsed(atr).describe());
        QVERIFY(text.endsWith('\n'));
        const QStringList actual = text.trimmed().split('\n');
        QCOMPARE(actual.first(), "ATR: " + QString::fromStdString(toSpacedHex(atr)));
        for (const auto& line : actual)
            QVERIFY2(!line.trimmed().isEmpty() && !line.endsWith(' '), qPrintable(line));
        for (const auto& line : lines)
            QVERIFY2(actual.contains(line), qPrintable("missing line: " + line + "\n" + text));
    }

    // ISO/IEC 7816-3:2006, 8.3, table 7 (Fi, f(max)) and table 8 (Di), every index.
    void fiTable_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("fi");
        QTest::addColumn<int>("fMaxKHz");
        const int expected[16][2] = {{372, 4000},   {372, 5000},   {558, 6000},   {744, 8000},
                                     {1116, 12000}, {1488, 16000}, {1860, 20000}, {-1, -1},
                                     {-1, -1},      {512, 5000},   {768, 7500},   {1024, 10000},
                                     {1536, 15000}, {2048, 20000}, {-1, -1},      {-1, -1}};
        for (int i = 0; i < 16; ++i)
            QTest::addRow("fi-%d", i) << i << expected[i][0] << expected[i][1];
    }
    void fiTable()
    {
        QFETCH(int, index);
        QFETCH(int, fi);
        QFETCH(int, fMaxKHz);
        auto entry = clockRateConversion(static_cast<std::uint8_t>(index));
        QCOMPARE(entry ? entry->fi : -1, fi);
        QCOMPARE(entry ? entry->fMaxKHz : -1, fMaxKHz);
    }
    void diTable_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("di");
        const int expected[16] = {-1, 1, 2, 4, 8, 16, 32, 64, 12, 20, -1, -1, -1, -1, -1, -1};
        for (int i = 0; i < 16; ++i)
            QTest::addRow("di-%d", i) << i << expected[i];
    }
    void diTable()
    {
        QFETCH(int, index);
        QFETCH(int, di);
        QCOMPARE(baudRateAdjustment(static_cast<std::uint8_t>(index)).value_or(-1), di);
    }
};

QTEST_GUILESS_MAIN(TestAtr)
#include "tst_atr.moc"
