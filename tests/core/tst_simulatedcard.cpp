#include "iso7816/TransportChannel.h"
#include "sim/CardProfile.h"
#include "sim/SimulatedCard.h"

#include <QTest>

#include <memory>

using namespace cardlink;
using namespace cardlink::iso7816;
using namespace cardlink::sim;

namespace {
// The sample cards in resources/cards (docs/card-profile.md); PIN 1234.
const std::string kCardsDir = std::string(CARDLINK_SOURCE_DIR) + "/resources/cards/";
const QString kApp1 = "F0434C44454D4F01";
const QString kApp2 = "F0434C44454D4F02";
const QString kPartial = "F0434C44454D4F";
// FCI of the two demo applications: 6F { 84 name, A5 { 50 label, 87 priority } }.
const QString kFci1 = "6F1A8408" + kApp1 + "A50E5009434C2044454D4F2031870101";
const QString kFci2 = "6F1A8408" + kApp2 + "A50E5009434C2044454D4F2032870102";
const QString kDirRecord1 = "61154F08" + kApp1 + "5009434C2044454D4F2031";
const QString kPinOk = "00 20 00 80 08 24 12 34 FF FF FF FF FF";
const QString kPinWrong = "00 20 00 80 08 24 43 21 FF FF FF FF FF";

// The demo profile's 300-byte EF 5001: byte i is (7 i + 3) mod 256.
QString pattern(std::size_t offset, std::size_t count)
{
    Bytes bytes;
    for (std::size_t i = offset; i < offset + count; ++i)
        bytes.push_back(static_cast<std::uint8_t>((i * 7 + 3) & 0xFF));
    return QString::fromStdString(toHex(bytes));
}

QString filler(std::size_t count)
{
    Bytes bytes(count);
    for (std::size_t i = 0; i < count; ++i)
        bytes[i] = static_cast<std::uint8_t>(i);
    return QString::fromStdString(toHex(bytes));
}

// Deterministic "random" bytes: 01 02 03 ...
class CountingRandom final : public RandomSource
{
public:
    void fill(std::span<std::uint8_t> out) override
    {
        for (auto& b : out)
            b = ++m_next;
    }

private:
    std::uint8_t m_next = 0;
};

// A plugged-in application bound to demo application 2: under CLA 90 (only
// while it is selected) E0 answers data with a warning, E2 answers 300 bytes.
class TestApplication final : public CardApplication
{
public:
    bool acceptsClass(std::uint8_t cla) const override { return cla == 0x90; }
    std::optional<ResponseApdu> process(const CommandApdu& command, CardContext&) override
    {
        if (command.ins == 0xE0)
            return ResponseApdu{{0x01, 0x02}, 0x6283};
        if (command.ins == 0xE2)
            return ResponseApdu{fromHex(filler(300).toStdString()).value(), 0x9000};
        return std::nullopt;
    }
    void onSelect(CardContext&) override { ++selections; }
    void reset() override { ++resets; }

    int selections = 0;
    int resets = 0;
};

CardProfile loadProfile(const QString& protocol)
{
    auto profile = CardProfile::load(kCardsDir +
                                     (protocol == "T=0" ? "iso-demo-t0.json" : "iso-demo-t1.json"));
    if (!profile)
        qFatal("%s", profile.error().describe().c_str());
    return std::move(*profile);
}

struct Fixture
{
    explicit Fixture(CardProfile profile) : card(std::move(profile), random)
    {
        auto app = std::make_unique<TestApplication>();
        application = app.get();
        card.addApplication(fromHex(kApp2.toStdString()).value(), std::move(app));
        card.powerOn();
    }
    explicit Fixture(const QString& protocol) : Fixture(loadProfile(protocol)) {}

    CountingRandom random;
    SimulatedCard card;
    TestApplication* application = nullptr;
};

// Runs "command -> response" lines (hex, spaces allowed); "RESET" resets the
// card. Returns an empty string, or a description of the first mismatch.
QString runScript(SimulatedCard& card, const QStringList& script)
{
    for (const auto& line : script) {
        if (line == "RESET") {
            card.reset();
            continue;
        }
        const auto parts = line.split("->");
        const auto command = fromHex(parts.value(0).toStdString());
        const auto expected = fromHex(parts.value(1).toStdString());
        if (parts.size() != 2 || !command || !expected)
            return "bad script line: " + line;
        auto response = card.transmitBytes(*command);
        if (!response)
            return line +
                   ": transmit failed: " + QString::fromStdString(response.error().describe());
        if (*response != *expected)
            return line + ": got " + QString::fromStdString(toHex(*response));
    }
    return {};
}
} // namespace

class TestSimulatedCard : public QObject
{
    Q_OBJECT

private:
    // Adds the row for both protocols when the answer does not depend on it.
    void addBoth(const char* name, const QStringList& script)
    {
        QTest::addRow("%s/T=0", name) << QString("T=0") << script;
        QTest::addRow("%s/T=1", name) << QString("T=1") << script;
    }
    void addT0(const char* name, const QStringList& script)
    {
        QTest::addRow("%s/T=0", name) << QString("T=0") << script;
    }
    void addT1(const char* name, const QStringList& script)
    {
        QTest::addRow("%s/T=1", name) << QString("T=1") << script;
    }

    void addColumns()
    {
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<QStringList>("script");
    }

private slots:
    // SELECT, ISO/IEC 7816-4:2013, 11.1.1. Commands without an Le answer no
    // data, so these rows hold for T=0 and T=1 alike.
    void select_data()
    {
        addColumns();
        addBoth("mf-by-fid", {"00 A4 00 0C 02 3F00 -> 9000"});
        addBoth("mf-no-data", {"00 A4 00 0C -> 9000"});
        addBoth("child-df", {"00 A4 01 0C 02 5000 -> 9000"});
        addBoth("child-df-is-ef", {"00 A4 01 0C 02 2F01 -> 6A82"});
        addBoth("child-ef", {"00 A4 02 0C 02 2F01 -> 9000"});
        addBoth("child-ef-is-df", {"00 A4 02 0C 02 5000 -> 6A82"});
        addBoth("fid-not-found", {"00 A4 00 0C 02 1234 -> 6A82"});
        addBoth("fid-sibling-df", {"00 A4 01 0C 02 5000 -> 9000", "00 A4 00 0C 02 6000 -> 9000"});
        addBoth("fid-parent", {"00 A4 01 0C 02 5000 -> 9000", "00 A4 00 0C 02 3F00 -> 9000",
                               "00 A4 00 0C 02 5001 -> 6A82"});
        addBoth("fid-too-deep", {"00 A4 00 0C 02 5101 -> 6A82"});
        addBoth("parent-df", {"00 A4 01 0C 02 5000 -> 9000", "00 A4 03 0C -> 9000",
                              "00 A4 02 0C 02 2F01 -> 9000"});
        addBoth("parent-of-mf", {"00 A4 03 0C -> 6A82"});
        addBoth("parent-with-data", {"00 A4 03 0C 02 3F00 -> 6700"});
        addBoth("path-from-mf",
                {"00 A4 08 0C 04 5000 5100 -> 9000", "00 A4 02 0C 02 5101 -> 9000"});
        addBoth("path-through-ef", {"00 A4 08 0C 04 2F01 5001 -> 6A82"});
        addBoth("path-odd", {"00 A4 08 0C 03 50 00 51 -> 6700"});
        addBoth("path-from-current",
                {"00 A4 01 0C 02 5000 -> 9000", "00 A4 09 0C 04 5100 5101 -> 9000"});
        addBoth("path-from-current-wrong", {"00 A4 09 0C 04 5100 5101 -> 6A82"});
        addBoth("name", {"00 A4 04 0C 08 " + kApp1 + " -> 9000"});
        addBoth("name-not-found", {"00 A4 04 0C 05 A000000003 -> 6A82"});
        addBoth("name-too-long", {"00 A4 04 0C 11 " + kApp1 + kApp1 + "00 -> 6700"});
        addBoth("name-absent", {"00 A4 04 0C -> 6700"});
        addBoth("fid-wrong-length", {"00 A4 00 0C 01 3F -> 6700"});
        addBoth("p2-rfu", {"00 A4 00 1C 02 3F00 -> 6A86"});
        addBoth("p2-occurrence-with-fid", {"00 A4 00 0E 02 3F00 -> 6A86"});
        addBoth("p1-unknown", {"00 A4 05 0C 02 3F00 -> 6A86"});
        // A failed SELECT leaves the selection as it was.
        addBoth("failure-keeps-selection",
                {"00 A4 08 0C 04 5000 5001 -> 9000", "00 A4 00 0C 02 1234 -> 6A82",
                 "00 B0 00 00 02 -> " + pattern(0, 2) + "9000"});
    }
    void select() { runRow(); }

    // The templates: FCI (6F), FCP (62), FMD (64), ISO/IEC 7816-4:2013, 7.4.
    void fileControl_data()
    {
        addColumns();
        addT1("fci-named-df", {"00 A4 04 00 08 " + kApp1 + " 00 -> " + kFci1 + "9000"});
        addT1("fci-ef", {"00 A4 00 00 02 2F01 00 -> 6F0E 8002000A 820101 83022F01 8A0105 9000"});
        addT1("fcp-mf", {"00 A4 00 04 02 3F00 00 -> 620A 820138 83023F00 8A0105 9000"});
        addT1("fcp-record-ef", {"00 A4 02 04 02 2F00 00 -> "
                                "6212 8206042100170002 83022F00 8801F0 8A0105 9000"});
        addT1("fcp-named-df", {"00 A4 04 04 08 " + kApp1 + " 00 -> 6214 820138 83025000 8408" +
                               kApp1 + " 8A0105 9000"});
        addT1("fci-unnamed-df",
              {"00 A4 08 00 04 5000 5100 00 -> 6F0A 820138 83025100 8A0105 9000"});
        addT1("fmd", {"00 A4 00 08 02 2F01 00 -> 6400 9000"});
        addT1("case3-no-data", {"00 A4 04 00 08 " + kApp1 + " -> 9000"});
        // T=0: a case 4 command gets 61xx; GET RESPONSE fetches the FCI.
        addT0("fci-named-df",
              {"00 A4 04 00 08 " + kApp1 + " 00 -> 611C", "00 C0 00 00 1C -> " + kFci1 + "9000"});
        addT0("case3-gets-61xx",
              {"00 A4 04 00 08 " + kApp1 + " -> 611C", "00 C0 00 00 1C -> " + kFci1 + "9000"});
        addT0("fmd", {"00 A4 00 08 02 2F01 00 -> 6102", "00 C0 00 00 02 -> 6400 9000"});
    }
    void fileControl() { runRow(); }

    // Partial DF names and P2 occurrence (EMV 4.4 Book 1, 12.3.3).
    void selectOccurrence_data()
    {
        addColumns();
        const QString first = "00 A4 04 00 07 " + kPartial + " 00";
        const QString next = "00 A4 04 02 07 " + kPartial + " 00";
        const QString last = "00 A4 04 01 07 " + kPartial + " 00";
        const QString previous = "00 A4 04 03 07 " + kPartial + " 00";
        addT1("first", {first + " -> " + kFci1 + "9000"});
        addT1("first-next", {first + " -> " + kFci1 + "9000", next + " -> " + kFci2 + "9000"});
        addT1("next-past-last",
              {first + " -> " + kFci1 + "9000", next + " -> " + kFci2 + "9000", next + " -> 6A82"});
        addT1("next-without-current", {next + " -> " + kFci1 + "9000"});
        addT1("last", {last + " -> " + kFci2 + "9000"});
        addT1("last-previous", {last + " -> " + kFci2 + "9000", previous + " -> " + kFci1 + "9000",
                                previous + " -> 6A82"});
        addT1("full-name-exact", {"00 A4 04 00 08 " + kApp2 + " 00 -> " + kFci2 + "9000",
                                  "00 A4 04 02 08 " + kApp2 + " 00 -> 6A82"});
        addT0("first-next",
              {first + " -> 611C", "00 C0 00 00 1C -> " + kFci1 + "9000", next + " -> 611C",
               "00 C0 00 00 1C -> " + kFci2 + "9000", next + " -> 6A82"});
    }
    void selectOccurrence() { runRow(); }

    // READ BINARY, ISO/IEC 7816-4:2013, 11.2.3 (EF 5001: 300 bytes).
    void readBinary_data()
    {
        addColumns();
        const QString toApp1 = "00 A4 01 0C 02 5000 -> 9000";
        const QString toEf = "00 A4 08 0C 04 5000 5001 -> 9000";
        addBoth("sfi", {toApp1, "00 B0 81 00 10 -> " + pattern(0, 16) + "9000"});
        addBoth("sfi-offset", {toApp1, "00 B0 81 F0 04 -> " + pattern(240, 4) + "9000"});
        addBoth("sfi-makes-current", {toApp1, "00 B0 81 00 01 -> " + pattern(0, 1) + "9000",
                                      "00 B0 00 05 02 -> " + pattern(5, 2) + "9000"});
        addBoth("long-offset", {toEf, "00 B0 01 00 08 -> " + pattern(256, 8) + "9000"});
        addBoth("exact-to-end", {toEf, "00 B0 01 20 0C -> " + pattern(288, 12) + "9000"});
        addBoth("offset-at-end", {toEf, "00 B0 01 2C 01 -> 6B00"});
        addBoth("offset-past-end", {toEf, "00 B0 7F FF 01 -> 6B00"});
        addBoth("no-current-ef", {"00 B0 00 00 01 -> 6986"});
        addBoth("record-ef", {"00 B0 9E 00 01 -> 6981"});
        addBoth("sfi-not-found", {"00 B0 85 00 01 -> 6A82"});
        addBoth("sfi-rfu-bits", {"00 B0 A1 00 01 -> 6A86"});
        addBoth("with-data", {toEf, "00 B0 00 00 01 00 01 -> 6700"});
        addBoth("no-le", {toEf, "00 B0 00 00 -> 6700"});
        addBoth("short-le", {"00 B0 82 00 04 -> 12345678 9000"});
        // Le = 00 reads to the end: all under T=1, 6Cxx under T=0 (Le must be exact).
        addT1("le00-to-end", {toEf, "00 B0 01 00 00 -> " + pattern(256, 44) + "9000"});
        addT0("le00-to-end",
              {toEf, "00 B0 01 00 00 -> 6C2C", "00 B0 01 00 2C -> " + pattern(256, 44) + "9000"});
        addT1("le00-full", {toEf, "00 B0 00 00 00 -> " + pattern(0, 256) + "9000"});
        addT0("le00-full", {toEf, "00 B0 00 00 00 -> " + pattern(0, 256) + "9000"});
        // An explicit Ne beyond the end: the rest with 6282 (T=1); 6Cxx (T=0).
        addT1("beyond-end", {toEf, "00 B0 01 20 10 -> " + pattern(288, 12) + "6282"});
        addT0("beyond-end", {toEf, "00 B0 01 20 10 -> 6C0C"});
        // Extended Le only where the profile allows extended lengths (T=1 demo).
        addT1("extended", {toEf, "00 B0 00 00 00 01 2C -> " + pattern(0, 300) + "9000"});
        addT0("extended", {toEf, "00 B0 00 00 00 01 2C -> 6700"});
    }
    void readBinary() { runRow(); }

    // READ RECORD, ISO/IEC 7816-4:2013, 11.3.3 (EF.DIR: SFI 30, 23-byte records).
    void readRecord_data()
    {
        addColumns();
        const QString toApp1 = "00 A4 01 0C 02 5000 -> 9000";
        addBoth("exact-le", {"00 B2 01 F4 17 -> " + kDirRecord1 + "9000"});
        addBoth("short-le", {"00 B2 01 F4 05 -> 6C17"});
        addT1("le00", {"00 B2 01 F4 00 -> " + kDirRecord1 + "9000"});
        addT0("le00", {"00 B2 01 F4 00 -> 6C17", "00 B2 01 F4 17 -> " + kDirRecord1 + "9000"});
        addT1("long-le", {"00 B2 01 F4 20 -> " + kDirRecord1 + "6282"});
        addT0("long-le", {"00 B2 01 F4 20 -> 6C17"});
        addBoth("not-found", {"00 B2 03 F4 00 -> 6A83"});
        addBoth("record-ff", {"00 B2 FF F4 00 -> 6A86"});
        addBoth("p2-mode", {"00 B2 01 F5 00 -> 6A86"});
        addBoth("p2-sfi-31", {"00 B2 01 FC 00 -> 6A86"});
        addBoth("sfi-not-found", {"00 B2 01 EC 00 -> 6A82"});
        addBoth("transparent", {"00 B2 01 14 00 -> 6981"});
        addBoth("no-current-ef", {"00 B2 01 04 00 -> 6986"});
        addBoth("current-ef", {"00 A4 02 0C 02 2F00 -> 9000", "00 B2 02 04 17 -> 61154F08" + kApp2 +
                                                                  "5009434C2044454D4F2032 9000"});
        addBoth("current-record-none", {"00 B2 00 F4 17 -> 6A83"});
        addBoth("current-record", {"00 B2 01 F4 17 -> " + kDirRecord1 + "9000",
                                   "00 B2 00 04 17 -> " + kDirRecord1 + "9000"});
        addBoth("sfi-only-ef",
                {"00 A4 01 0C 02 6000 -> 9000", "00 B2 01 0C 07 -> 7005 9F08020001 9000"});
        addBoth("with-data", {"00 B2 01 F4 01 00 00 -> 6700"});
        addBoth("app-records", {toApp1, "00 B2 03 14 07 -> 7005 9F08020002 9000"});
    }
    void readRecord() { runRow(); }

    // GET DATA (ISO/IEC 7816-4:2013, 11.4; EMV 4.4 Book 3, 6.5.7) and GET CHALLENGE.
    void dataAndChallenge_data()
    {
        addColumns();
        addBoth("one-byte-tag", {"00 CA 00 42 05 -> 42 03 123456 9000"});
        addBoth("cla-80", {"80 CA 9F 36 05 -> 9F36 02 002A 9000"});
        addBoth("pin-counter", {"80 CA 9F 17 04 -> 9F17 01 03 9000"});
        addT1("le00", {"00 CA 9F 36 00 -> 9F36 02 002A 9000"});
        addT0("le00", {"00 CA 9F 36 00 -> 6C05", "00 CA 9F 36 05 -> 9F36 02 002A 9000"});
        addBoth("unknown-tag", {"00 CA 9F 13 00 -> 6A88"});
        addBoth("no-le", {"00 CA 9F 36 -> 6700"});
        addBoth("with-data", {"00 CA 9F 36 01 00 00 -> 6700"});
        addBoth("challenge", {"00 84 00 00 08 -> 0102030405060708 9000",
                              "00 84 00 00 08 -> 090A0B0C0D0E0F10 9000"});
        addT1("challenge-le00", {"00 84 00 00 00 -> 0102030405060708 9000"});
        addT0("challenge-le00", {"00 84 00 00 00 -> 6C08"});
        addBoth("challenge-short-le", {"00 84 00 00 04 -> 6C08"});
        addBoth("challenge-p1", {"00 84 01 00 08 -> 6A86"});
        addBoth("challenge-no-le", {"00 84 00 00 -> 6700"});
    }
    void dataAndChallenge() { runRow(); }

    // Class and instruction checks (ISO/IEC 7816-4:2013, 5.4.1 and 5.6).
    void classAndInstruction_data()
    {
        addColumns();
        addBoth("unknown-ins", {"00 12 00 00 -> 6D00"});
        addBoth("odd-ins", {"00 B1 00 00 01 -> 6D00"});
        addBoth("cla-80-select", {"80 A4 00 0C 02 3F00 -> 6D00"});
        addBoth("cla-a0", {"A0 A4 00 0C 02 3F00 -> 6E00"});
        addBoth("cla-ff", {"FF A4 00 0C 02 3F00 -> 6E00"});
        addBoth("cla-rfu-20", {"20 A4 00 0C 02 3F00 -> 6E00"});
        addBoth("channel-1", {"01 A4 00 0C 02 3F00 -> 6881"});
        addBoth("channel-4", {"40 A4 00 0C 02 3F00 -> 6881"});
        addBoth("secure-messaging", {"0C A4 00 0C 02 3F00 -> 6882"});
        addBoth("chaining", {"10 A4 00 0C 02 3F00 -> 6884"});
        addBoth("malformed-apdu", {"00 A4 04 00 08 F0 -> 6700"});
        addBoth("short-apdu", {"00 A4 04 -> 6700"});
        addT0("extended-lc", {"00 A4 04 0C 00 00 08 " + kApp1 + " -> 6700"});
        addT1("extended-lc", {"00 A4 04 0C 00 00 08 " + kApp1 + " -> 9000"});
    }
    void classAndInstruction() { runRow(); }

    // GET RESPONSE after 61xx (ISO/IEC 7816-3:2006, 12.2).
    void getResponse_data()
    {
        addColumns();
        const QString select = "00 A4 04 00 08 " + kApp1 + " 00 -> 611C";
        addT0("in-parts", {select, "00 C0 00 00 10 -> " + kFci1.left(32) + "610C",
                           "00 C0 00 00 0C -> " + kFci1.mid(32) + "9000"});
        addT0("le-too-long",
              {select, "00 C0 00 00 20 -> 6C1C", "00 C0 00 00 1C -> " + kFci1 + "9000"});
        addT0("le00", {select, "00 C0 00 00 00 -> 6C1C"});
        addBoth("nothing-pending", {"00 C0 00 00 08 -> 6985"});
        addT0("lost-after-other-command",
              {select, "00 CA 00 42 05 -> 42 03 123456 9000", "00 C0 00 00 1C -> 6985"});
        addT0("lost-after-reset", {select, "RESET", "00 C0 00 00 1C -> 6985"});
        addT0("p1p2", {select, "00 C0 01 00 1C -> 6A86", "00 C0 00 00 1C -> " + kFci1 + "9000"});
        addT0("no-le", {select, "00 C0 00 00 -> 6700"});
    }
    void getResponse() { runRow(); }

    // A plugged-in application (CardApplication) on demo application 2.
    void application_data()
    {
        addColumns();
        const QString toApp2 = "00 A4 04 0C 08 " + kApp2 + " -> 9000";
        const QString big = filler(300);
        addT1("warning-with-data", {toApp2, "90 E0 00 00 01 AA 00 -> 0102 6283"});
        // T=0, case 4 with a warning: the warning alone, then GET RESPONSE
        // gives the data with 9000 (EMV 4.4 Book 1, 9.3.1.1).
        addT0("warning-with-data", {toApp2, "90 E0 00 00 01 AA 00 -> 6283",
                                    "00 C0 00 00 00 -> 6C02", "00 C0 00 00 02 -> 0102 9000"});
        addT1("over-256", {toApp2, "90 E2 00 00 00 -> " + big.left(512) + "612C",
                           "00 C0 00 00 2C -> " + big.mid(512) + "9000"});
        addT0("over-256", {toApp2, "90 E2 00 00 00 -> " + big.left(512) + "612C",
                           "00 C0 00 00 2C -> " + big.mid(512) + "9000"});
        addT1("over-256-short-le", {toApp2, "90 E2 00 00 10 -> 6C00"});
        addT1("extended-le", {toApp2, "90 E2 00 00 00 00 00 -> " + big + "9000"});
        addBoth("falls-through-to-iso", {toApp2, "00 B2 01 0C 07 -> 7005 9F08020001 9000"});
        addBoth("unknown-ins", {toApp2, "90 E4 00 00 -> 6D00"});
        addBoth("class-only-when-selected", {"90 E0 00 00 01 AA 00 -> 6E00"});
        addBoth("not-after-leaving",
                {toApp2, "00 A4 00 0C 02 3F00 -> 9000", "90 E0 00 00 01 AA 00 -> 6E00"});
    }
    void application() { runRow(); }

    // VERIFY with a plaintext PIN block (ISO/IEC 7816-4:2013, 11.5.6; EMV 4.4
    // Book 3, 6.5.12). The demo PIN is 1234, 3 tries.
    void verify_data()
    {
        addColumns();
        addBoth("right", {kPinOk + " -> 9000", "00 20 00 80 -> 9000"});
        addBoth("tries-left", {"00 20 00 80 -> 63C3"});
        addBoth("wrong-once",
                {kPinWrong + " -> 63C2", "00 20 00 80 -> 63C2", "80 CA 9F 17 04 -> 9F170102 9000"});
        addBoth("wrong-then-right", {kPinWrong + " -> 63C2", kPinOk + " -> 9000",
                                     "00 20 00 80 -> 9000", "80 CA 9F 17 04 -> 9F170103 9000"});
        addBoth("blocked", {kPinWrong + " -> 63C2", kPinWrong + " -> 63C1", kPinWrong + " -> 63C0",
                            kPinWrong + " -> 6983", kPinOk + " -> 6983", "00 20 00 80 -> 6983",
                            "80 CA 9F 17 04 -> 9F170100 9000"});
        addBoth("wrong-clears-verified",
                {kPinOk + " -> 9000", kPinWrong + " -> 63C2", "00 20 00 80 -> 63C2"});
        addBoth("long-pin", {"00 20 00 80 08 2C 12 34 56 78 90 12 FF -> 63C2"});
        addBoth("reference", {"00 20 00 81 08 24 12 34 FF FF FF FF FF -> 6A88"});
        addBoth("p1", {"00 20 01 80 08 24 12 34 FF FF FF FF FF -> 6A86"});
        addBoth("length", {"00 20 00 80 04 24 12 34 FF -> 6700", "00 20 00 80 -> 63C3"});
        addBoth("control-not-2", {"00 20 00 80 08 14 12 34 FF FF FF FF FF -> 6A80"});
        addBoth("pin-too-short", {"00 20 00 80 08 23 12 3F FF FF FF FF FF -> 6A80"});
        addBoth("pin-too-long", {"00 20 00 80 08 2D 12 34 56 78 90 12 3F -> 6A80"});
        addBoth("digit-not-bcd", {"00 20 00 80 08 24 1A 34 FF FF FF FF FF -> 6A80"});
        addBoth("filler-not-f",
                {"00 20 00 80 08 24 12 34 0F FF FF FF FF -> 6A80", "00 20 00 80 -> 63C3"});
        addBoth("reset-status",
                {kPinOk + " -> 9000", "00 20 FF 80 -> 9000", "00 20 00 80 -> 63C3"});
        addBoth("reset-status-with-data", {"00 20 FF 80 08 24 12 34 FF FF FF FF FF -> 6700"});
        addBoth("reset-clears-verified", {kPinOk + " -> 9000", "RESET", "00 20 00 80 -> 63C3"});
        addBoth("reset-keeps-counter", {kPinWrong + " -> 63C2", "RESET", "00 20 00 80 -> 63C2"});
    }
    void verify() { runRow(); }

    // Reset and power-on select the MF again (ISO/IEC 7816-4:2013, 5.3.3).
    void reset_data()
    {
        addColumns();
        addBoth("clears-selection",
                {"00 A4 08 0C 04 5000 5001 -> 9000", "00 B0 00 00 01 -> " + pattern(0, 1) + "9000",
                 "RESET", "00 B0 00 00 01 -> 6986", "00 B0 81 00 01 -> 6A82"});
        addBoth("clears-occurrence",
                {"00 A4 04 0C 07 " + kPartial + " -> 9000", "RESET",
                 "00 A4 04 0E 07 " + kPartial + " -> 9000", "00 B2 01 0C 07 -> 6981"});
    }
    void reset() { runRow(); }

    void plainVerifyFailure()
    {
        auto profile = loadProfile("T=1");
        profile.behaviour.verifyFailure = VerifyFailureStyle::Plain;
        Fixture fixture(std::move(profile));
        const QString result = runScript(
            fixture.card, {kPinWrong + " -> 6300", "00 20 00 80 -> 63C2", kPinOk + " -> 9000"});
        QVERIFY2(result.isEmpty(), qPrintable(result));
    }

    void blockedProfile()
    {
        auto profile = loadProfile("T=1");
        profile.pin->triesLeft = 0;
        Fixture fixture(std::move(profile));
        QCOMPARE(fixture.card.pinTriesLeft(), 0);
        const QString result = runScript(fixture.card, {kPinOk + " -> 6983"});
        QVERIFY2(result.isEmpty(), qPrintable(result));
    }

    void noPin()
    {
        auto profile = loadProfile("T=1");
        profile.pin.reset();
        profile.dataObjects.clear();
        Fixture fixture(std::move(profile));
        const QString result =
            runScript(fixture.card, {kPinOk + " -> 6A88", "00 20 00 80 -> 6A88"});
        QVERIFY2(result.isEmpty(), qPrintable(result));
    }

    void power()
    {
        Fixture fixture(QString("T=0"));
        SimulatedCard& card = fixture.card;
        QCOMPARE(toHex(card.atr()), std::string("3B0A436172644C696E6B5430"));
        QVERIFY(card.isPowered());
        card.powerOff();
        QVERIFY(!card.isPowered());
        auto refused = card.transmit(CommandApdu{0x00, 0xA4, 0x00, 0x0C, {0x3F, 0x00}, {}});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::CardRemoved);
        QVERIFY(!card.transmitBytes(fromHex("00A4000C023F00").value()).ok());
        QVERIFY(!card.transmitBytes(fromHex("00A4").value()).ok());
        card.powerOn();
        auto answer = card.transmit(CommandApdu{0x00, 0xA4, 0x00, 0x0C, {0x3F, 0x00}, {}});
        QVERIFY(answer.ok());
        QCOMPARE(answer->sw, std::uint16_t(0x9000));
    }

    void applicationHooks()
    {
        Fixture fixture(QString("T=1"));
        TestApplication& app = *fixture.application;
        QCOMPARE(app.resets, 1); // powerOn
        const QString result =
            runScript(fixture.card, {"00 A4 04 0C 08 " + kApp2 + " -> 9000",
                                     "00 B2 01 0C 07 -> 7005 9F08020001 9000",
                                     "00 A4 04 0C 08 " + kApp1 + " -> 9000",
                                     "00 A4 04 0C 08 " + kApp2 + " -> 9000", "RESET"});
        QVERIFY2(result.isEmpty(), qPrintable(result));
        QCOMPARE(app.selections, 2);
        QCOMPARE(app.resets, 2);
        QCOMPARE(fixture.card.state().dfPath.size(), std::size_t(1));
    }

    // The terminal's TransportChannel over the T=0 card yields what the T=1
    // card answers directly: 61xx and 6Cxx are followed for real.
    void transportHidesT0_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addRow("select-fci") << "00 A4 04 00 08 " + kApp1 + " 00";
        QTest::addRow("select-fcp") << "00 A4 02 04 02 2F00 00";
        QTest::addRow("read-record-le00") << "00 B2 02 F4 00";
        QTest::addRow("get-data-le00") << "80 CA 9F 17 00";
        QTest::addRow("read-binary-le00") << "00 B0 82 00 00";
        QTest::addRow("not-found") << "00 A4 04 00 05 A000000003 00";
    }
    void transportHidesT0()
    {
        QFETCH(QString, command);
        Fixture t0(QString("T=0"));
        Fixture t1(QString("T=1"));
        TransportChannel transport(t0.card);
        const auto apdu = CommandApdu::parse(fromHex(command.toStdString()).value()).value();
        auto viaTransport = transport.transmit(apdu);
        auto direct = t1.card.transmit(apdu);
        QVERIFY(viaTransport.ok());
        QVERIFY(direct.ok());
        QCOMPARE(toHex(viaTransport->encode()), toHex(direct->encode()));
    }

private:
    void runRow()
    {
        QFETCH(QString, protocol);
        QFETCH(QStringList, script);
        Fixture fixture(protocol);
        const QString result = runScript(fixture.card, script);
        QVERIFY2(result.isEmpty(), qPrintable(result));
    }
};

QTEST_GUILESS_MAIN(TestSimulatedCard)
#include "tst_simulatedcard.moc"
