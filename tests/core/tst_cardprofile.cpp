#include "sim/CardProfile.h"
#include "sim/PinHash.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cardlink;
using namespace cardlink::sim;

namespace {
const std::string kCardsDir = std::string(CARDLINK_SOURCE_DIR) + "/resources/cards/";

// A minimal valid profile with `extra` members added at the top level.
QString profile(const QString& extra = {})
{
    return R"({"version": 1, "atr": "3B 00", "protocol": "T=1")" +
           (extra.isEmpty() ? QString() : ", " + extra) + "}";
}

QString files(const QString& array)
{
    return profile(R"("files": )" + array);
}

const QString kSalt = R"("salt": "00112233445566778899AABBCCDDEEFF")";
const QString kHash = R"("hash": ")" + QString(64, 'A') + "\"";

QString pin(const QString& members)
{
    return profile(R"("pin": {)" + members + "}");
}

QString validPin(const QString& extra = {})
{
    return pin(R"("maxTries": 3, )" + kSalt + ", " + kHash +
               (extra.isEmpty() ? QString() : ", " + extra));
}

QString dataObjects(const QString& array, bool withPin = false)
{
    QString text = R"("dataObjects": )" + array;
    if (withPin)
        text += R"(, "pin": {"maxTries": 3, )" + kSalt + ", " + kHash + "}";
    return profile(text);
}

Result<CardProfile> parse(const QString& text)
{
    return CardProfile::parse(text.toStdString());
}

// Every validation error names the JSON path of the problem.
void addErrorRows()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("message");

    QTest::addRow("not-an-object") << "[]"
                                   << "profile: expected an object, found array";
    QTest::addRow("unknown-key") << profile(R"("atrr": "3B00")")
                                 << R"(profile: unknown key "atrr")";
    QTest::addRow("no-version") << R"({"atr": "3B00", "protocol": "T=1"})"
                                << R"(profile: missing "version")";
    QTest::addRow("version-2")
        << R"({"version": 2, "atr": "3B00", "protocol": "T=1"})"
        << "version: format version 2 is not supported (this build reads version 1)";
    QTest::addRow("version-string") << R"({"version": "1", "atr": "3B00", "protocol": "T=1"})"
                                    << "version: expected an integer, found string";
    QTest::addRow("name-number") << profile(R"("name": 1)")
                                 << "name: expected a string, found number";
    QTest::addRow("description-null")
        << profile(R"("description": null)") << "description: expected a string, found null";
    QTest::addRow("no-atr") << R"({"version": 1, "protocol": "T=1"})"
                            << R"(profile: missing "atr")";
    QTest::addRow("atr-not-hex") << R"({"version": 1, "atr": "3B0", "protocol": "T=1"})"
                                 << "atr: not hex (odd number of hex digits)";
    QTest::addRow("atr-short") << R"({"version": 1, "atr": "3B", "protocol": "T=1"})"
                               << "atr: must be 2..33 bytes, found 1";
    QTest::addRow("atr-long") << R"({"version": 1, "atr": ")" +
                                     QString(68, 'B').replace(0, 2, "3B") +
                                     R"(", "protocol": "T=1"})"
                              << "atr: must be 2..33 bytes, found 34";
    QTest::addRow("atr-ts") << R"({"version": 1, "atr": "3C00", "protocol": "T=1"})"
                            << "atr: TS (first byte) must be 3B or 3F";
    QTest::addRow("no-protocol") << R"({"version": 1, "atr": "3B00"})"
                                 << R"(profile: missing "protocol")";
    QTest::addRow("protocol-t2") << R"({"version": 1, "atr": "3B00", "protocol": "T=2"})"
                                 << R"(protocol: must be "T=0" or "T=1")";

    QTest::addRow("behaviour-key")
        << profile(R"("behaviour": {"slow": true})") << R"(behaviour: unknown key "slow")";
    QTest::addRow("behaviour-not-object")
        << profile(R"("behaviour": [])") << "behaviour: expected an object, found array";
    QTest::addRow("extended-t0")
        << R"({"version": 1, "atr": "3B00", "protocol": "T=0", "behaviour": {"extendedLength": true}})"
        << "behaviour.extendedLength: T=0 has no extended-length APDUs";
    QTest::addRow("extended-not-bool") << profile(R"("behaviour": {"extendedLength": 1})")
                                       << "behaviour.extendedLength: expected true or false, "
                                          "found number";
    QTest::addRow("verify-failure") << profile(R"("behaviour": {"verifyFailure": "63C0"})")
                                    << R"(behaviour.verifyFailure: must be "63Cx" or "6300")";
    QTest::addRow("challenge-0") << profile(R"("behaviour": {"challengeLength": 0})")
                                 << "behaviour.challengeLength: must be 1..256";
    QTest::addRow("challenge-257") << profile(R"("behaviour": {"challengeLength": 257})")
                                   << "behaviour.challengeLength: must be 1..256";
    QTest::addRow("challenge-huge")
        << profile(R"("behaviour": {"challengeLength": 18446744073709551615})")
        << "behaviour.challengeLength: must be 1..256";
    QTest::addRow("challenge-float") << profile(R"("behaviour": {"challengeLength": 8.5})")
                                     << "behaviour.challengeLength: expected an integer, "
                                        "found number";

    QTest::addRow("pin-clear") << pin(R"("pin": "1234")") << R"(pin: unknown key "pin")";
    QTest::addRow("pin-no-max") << pin(kSalt + ", " + kHash) << R"(pin: missing "maxTries")";
    QTest::addRow("pin-max-16") << pin(R"("maxTries": 16, )" + kSalt + ", " + kHash)
                                << "pin.maxTries: must be 1..15";
    QTest::addRow("pin-max-0") << pin(R"("maxTries": 0, )" + kSalt + ", " + kHash)
                               << "pin.maxTries: must be 1..15";
    QTest::addRow("pin-left-4") << validPin(R"("triesLeft": 4)") << "pin.triesLeft: must be 0..3";
    QTest::addRow("pin-left-negative")
        << validPin(R"("triesLeft": -1)") << "pin.triesLeft: must be 0..3";
    QTest::addRow("pin-reference-00")
        << validPin(R"("reference": "00")") << "pin.reference: reference 00 is not a PIN reference";
    QTest::addRow("pin-reference-2")
        << validPin(R"("reference": "0080")") << "pin.reference: must be 1 byte, found 2";
    QTest::addRow("pin-no-salt") << pin(R"("maxTries": 3, )" + kHash) << R"(pin: missing "salt")";
    QTest::addRow("pin-salt-short") << pin(R"("maxTries": 3, "salt": "00112233445566", )" + kHash)
                                    << "pin.salt: must be 8..64 bytes, found 7";
    QTest::addRow("pin-no-hash") << pin(R"("maxTries": 3, )" + kSalt) << R"(pin: missing "hash")";
    QTest::addRow("pin-hash-short")
        << pin(R"("maxTries": 3, )" + kSalt + R"(, "hash": ")" + QString(62, 'A') + "\"")
        << "pin.hash: must be 32 bytes, found 31";
    QTest::addRow("pin-hash-not-hex")
        << pin(R"("maxTries": 3, )" + kSalt + R"(, "hash": ")" + QString(64, 'G') + "\"")
        << "pin.hash: not hex (not a hex digit at offset 0)";

    QTest::addRow("objects-not-array")
        << dataObjects("{}") << "dataObjects: expected an array, found object";
    QTest::addRow("object-key") << dataObjects(R"([{"tag": "42", "value": "", "x": 1}])")
                                << R"(dataObjects[0]: unknown key "x")";
    QTest::addRow("object-no-tag")
        << dataObjects(R"([{"value": "00"}])") << R"(dataObjects[0]: missing "tag")";
    QTest::addRow("tag-3-bytes") << dataObjects(R"([{"tag": "9F8101", "value": ""}])")
                                 << "dataObjects[0].tag: must be 1..2 bytes, found 3";
    QTest::addRow("tag-announces-more") << dataObjects(R"([{"tag": "9F", "value": ""}])")
                                        << "dataObjects[0].tag: tag 9F announces further "
                                           "tag bytes";
    QTest::addRow("tag-below-40") << dataObjects(R"([{"tag": "30", "value": ""}])")
                                  << "dataObjects[0].tag: a one-byte tag for GET DATA must be "
                                     "40..FF";
    QTest::addRow("tag-second-b8") << dataObjects(R"([{"tag": "9F81", "value": ""}])")
                                   << "dataObjects[0].tag: not a valid two-byte BER-TLV tag";
    QTest::addRow("tag-not-multibyte") << dataObjects(R"([{"tag": "9A20", "value": ""}])")
                                       << "dataObjects[0].tag: not a valid two-byte BER-TLV "
                                          "tag";
    QTest::addRow("tag-low-first") << dataObjects(R"([{"tag": "1F20", "value": ""}])")
                                   << "dataObjects[0].tag: a two-byte tag for GET DATA must "
                                      "be 4000..FFFF";
    QTest::addRow("tag-twice")
        << dataObjects(R"([{"tag": "42", "value": ""}, {"tag": "42", "value": "01"}])")
        << "dataObjects[1].tag: tag defined twice";
    QTest::addRow("value-and-source")
        << dataObjects(R"([{"tag": "9F17", "value": "03", "source": "pinTriesLeft"}])", true)
        << R"(dataObjects[0]: needs exactly one of "value" and "source")";
    QTest::addRow("neither") << dataObjects(R"([{"tag": "9F17"}])")
                             << R"(dataObjects[0]: needs exactly one of "value" and "source")";
    QTest::addRow("source-unknown")
        << dataObjects(R"([{"tag": "9F17", "source": "atc"}])", true)
        << R"(dataObjects[0].source: the only source is "pinTriesLeft")";
    QTest::addRow("source-without-pin")
        << dataObjects(R"([{"tag": "9F17", "source": "pinTriesLeft"}])")
        << R"(dataObjects[0].source: "pinTriesLeft" needs a "pin")";
    QTest::addRow("value-not-hex") << dataObjects(R"([{"tag": "42", "value": "0x01"}])")
                                   << "dataObjects[0].value: not hex (not a hex digit at "
                                      "offset 1)";

    QTest::addRow("files-not-array") << files("{}") << "files: expected an array, found object";
    QTest::addRow("file-not-object")
        << files("[1]") << "files[0]: expected an object, found number";
    QTest::addRow("file-no-type") << files(R"([{"fid": "0001"}])") << R"(files[0]: missing "type")";
    QTest::addRow("file-bad-type") << files(R"([{"type": "EF", "fid": "0001"}])")
                                   << R"(files[0].type: must be "DF", "transparent" or )"
                                      R"("records")";
    QTest::addRow("file-key") << files(R"([{"type": "DF", "fid": "0001", "size": 1}])")
                              << R"(files[0]: unknown key "size")";
    QTest::addRow("fid-3f00") << files(R"([{"type": "DF", "fid": "3F00"}])")
                              << "files[0].fid: FID 3F00 is reserved";
    QTest::addRow("fid-3fff") << files(R"([{"type": "DF", "fid": "3FFF"}])")
                              << "files[0].fid: FID 3FFF is reserved";
    QTest::addRow("fid-ffff") << files(R"([{"type": "DF", "fid": "FFFF"}])")
                              << "files[0].fid: FID FFFF is reserved";
    QTest::addRow("fid-3-bytes") << files(R"([{"type": "DF", "fid": "500000"}])")
                                 << "files[0].fid: must be 2 bytes, found 3";
    QTest::addRow("fid-twice")
        << files(
               R"([{"type": "DF", "fid": "5000"}, {"type": "transparent", "fid": "5000", "content": ""}])")
        << "files[1]: FID used twice in the same DF";
    QTest::addRow("fid-equals-parent")
        << files(R"([{"type": "DF", "fid": "5000", "files": [{"type": "DF", "fid": "5000"}]}])")
        << "files[0].files[0]: FID equals the parent DF's FID";
    QTest::addRow("df-with-sfi") << files(R"([{"type": "DF", "fid": "5000", "sfi": 1}])")
                                 << R"(files[0]: "sfi" is not allowed on a DF)";
    QTest::addRow("df-with-content") << files(R"([{"type": "DF", "fid": "5000", "content": ""}])")
                                     << R"(files[0]: "content" is not allowed on a DF)";
    QTest::addRow("df-anonymous") << files(R"([{"type": "DF", "label": "x"}])")
                                  << R"(files[0]: a DF needs a "fid" or a "name")";
    QTest::addRow("df-name-long") << files(R"([{"type": "DF", "name": ")" + QString(34, '1') +
                                           R"("}])")
                                  << "files[0].name: must be 1..16 bytes, found 17";
    QTest::addRow("df-name-empty") << files(R"([{"type": "DF", "name": ""}])")
                                   << "files[0].name: must be 1..16 bytes, found 0";
    QTest::addRow("df-fci-not-tlv")
        << files(R"([{"type": "DF", "fid": "5000", "fci": "50 05 41"}])")
        << "files[0].fci: not BER-TLV";
    QTest::addRow("df-files-object") << files(R"([{"type": "DF", "fid": "5000", "files": {}}])")
                                     << "files[0].files: expected an array, found object";
    QTest::addRow("ef-with-name")
        << files(R"([{"type": "transparent", "fid": "0001", "name": "A0", "content": ""}])")
        << R"(files[0]: "name" is only allowed on a DF)";
    QTest::addRow("ef-with-files")
        << files(R"([{"type": "records", "fid": "0001", "files": [], "records": []}])")
        << R"(files[0]: "files" is only allowed on a DF)";
    QTest::addRow("ef-anonymous") << files(R"([{"type": "transparent", "content": ""}])")
                                  << R"(files[0]: an EF needs a "fid" or an "sfi")";
    QTest::addRow("sfi-0") << files(R"([{"type": "transparent", "sfi": 0, "content": ""}])")
                           << "files[0].sfi: must be 1..30";
    QTest::addRow("sfi-31") << files(R"([{"type": "transparent", "sfi": 31, "content": ""}])")
                            << "files[0].sfi: must be 1..30";
    QTest::addRow("sfi-twice")
        << files(
               R"([{"type": "transparent", "sfi": 1, "content": ""}, {"type": "records", "sfi": 1, "records": []}])")
        << "files[1]: SFI used twice in the same DF";
    QTest::addRow("transparent-no-content")
        << files(R"([{"type": "transparent", "sfi": 1}])") << R"(files[0]: missing "content")";
    QTest::addRow("transparent-records")
        << files(R"([{"type": "transparent", "sfi": 1, "content": "", "records": []}])")
        << R"(files[0]: "records" is not allowed on a transparent EF)";
    QTest::addRow("content-too-big") << files(R"([{"type": "transparent", "sfi": 1, "content": ")" +
                                              QString(65536, '0') + R"("}])")
                                     << "files[0].content: must be 0..32767 bytes, found 32768";
    QTest::addRow("records-content")
        << files(R"([{"type": "records", "sfi": 1, "content": "", "records": []}])")
        << R"(files[0]: "content" is not allowed on a record EF)";
    QTest::addRow("records-missing")
        << files(R"([{"type": "records", "sfi": 1}])") << R"(files[0]: missing "records")";
    QTest::addRow("records-not-array")
        << files(R"([{"type": "records", "sfi": 1, "records": "01"}])")
        << "files[0].records: expected an array, found string";
    QTest::addRow("record-empty") << files(R"([{"type": "records", "sfi": 1, "records": [""]}])")
                                  << "files[0].records[0]: must be 1..255 bytes, found 0";
    QTest::addRow("record-not-hex")
        << files(R"([{"type": "DF", "fid": "0001"}, {"type": "DF", "fid": "0002"},
                     {"type": "records", "sfi": 1, "records": ["123"]}])")
        << "files[2].records[0]: not hex (odd number of hex digits)";
    QTest::addRow("record-not-string")
        << files(R"([{"type": "records", "sfi": 1, "records": ["01", 2]}])")
        << "files[0].records[1]: expected a string, found number";
    QString many;
    for (int i = 0; i < 255; ++i)
        many += QString(i ? "," : "") + "\"01\"";
    QTest::addRow("too-many-records")
        << files(R"([{"type": "records", "sfi": 1, "records": [)" + many + "]}]")
        << "files[0].records: more than 254 records";
    QString deep = R"({"type": "DF", "fid": "0001"})";
    QString path = "files[0]";
    for (int depth = 1; depth < 9; ++depth) {
        deep = R"({"type": "DF", "fid": "000)" + QString::number(depth + 1) + R"(", "files": [)" +
               deep + "]}";
        path += ".files[0]";
    }
    QTest::addRow("df-too-deep") << files("[" + deep + "]")
                                 << path + ": DFs nested deeper than 8 levels";
    QString wide;
    for (int i = 0; i < 4097; ++i)
        wide += QString(i ? "," : "") + R"({"type": "transparent", "fid": ")" +
                QString("%1").arg(i + 1, 4, 16, QChar('0')) + R"(", "content": ""})";
    QTest::addRow("too-many-files")
        << files("[" + wide + "]") << "files[4096]: more than 4096 files";
    QTest::addRow("nesting") << QString(65, '[') + QString(65, ']')
                             << "profile nests deeper than 64 levels";
    QTest::addRow("not-json") << "{\"version\": 1,"
                              << "not valid JSON";
    QTest::addRow("empty") << ""
                           << "not valid JSON";
    QTest::addRow("trailing") << profile() + "x"
                              << "not valid JSON";
}

} // namespace

class TestCardProfile : public QObject
{
    Q_OBJECT

private slots:
    void sampleProfiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<bool>("t0");
        QTest::addColumn<QString>("atr");
        QTest::addColumn<bool>("extended");
        QTest::addRow("iso-demo-t0")
            << "iso-demo-t0.json" << true << "3B0A436172644C696E6B5430" << false;
        QTest::addRow("iso-demo-t1")
            << "iso-demo-t1.json" << false << "3B8A01436172644C696E6B5431FA" << true;
    }
    void sampleProfiles()
    {
        QFETCH(QString, file);
        QFETCH(bool, t0);
        QFETCH(QString, atr);
        QFETCH(bool, extended);
        auto loaded = CardProfile::load(kCardsDir + file.toStdString());
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().describe().c_str());
        const CardProfile& p = *loaded;
        QCOMPARE(p.protocol, t0 ? TransmissionProtocol::T0 : TransmissionProtocol::T1);
        QCOMPARE(QString::fromStdString(toHex(p.atr)), atr);
        QCOMPARE(p.behaviour.extendedLength, extended);
        QCOMPARE(p.mf.fid, std::optional<std::uint16_t>(0x3F00));
        QCOMPARE(p.mf.children.size(), std::size_t(5));
        QCOMPARE(p.mf.children[3].children.size(), std::size_t(3));
        QCOMPARE(p.mf.children[3].children[0].content.size(), std::size_t(300));
        QCOMPARE(p.mf.children[3].children[1].records.size(), std::size_t(3));
        QCOMPARE(p.dataObjects.size(), std::size_t(3));
        QCOMPARE(p.dataObjects[0].source, DataSource::PinTriesLeft);
        QVERIFY(p.pin.has_value());
        QCOMPARE(p.pin->reference, std::uint8_t(0x80));
        QCOMPARE(p.pin->maxTries, 3);
        // The documented test PIN (docs/card-profile.md) matches the stored hash.
        const Bytes right{'1', '2', '3', '4'};
        const Bytes wrong{'1', '2', '3', '5'};
        QVERIFY(PinHash::matches(p.pin->salt, p.pin->hash, right));
        QVERIFY(!PinHash::matches(p.pin->salt, p.pin->hash, wrong));
    }

    void minimal()
    {
        auto parsed = parse(profile());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->protocol, TransmissionProtocol::T1);
        QVERIFY(parsed->mf.children.empty());
        QVERIFY(!parsed->pin.has_value());
        QCOMPARE(parsed->behaviour.challengeLength, std::size_t(8));
        QCOMPARE(parsed->behaviour.verifyFailure, VerifyFailureStyle::Counter);
    }

    void fullFeatured()
    {
        auto parsed = parse(profile(R"(
            "name": "x", "description": "y",
            "behaviour": {"extendedLength": true, "verifyFailure": "6300", "challengeLength": 16},
            "pin": {"reference": "81", "maxTries": 5, "triesLeft": 2, )" +
                                    kSalt + ", " + kHash + R"(},
            "dataObjects": [{"tag": "5F2D", "value": "656E"}, {"tag": "9F17", "source": "pinTriesLeft"}],
            "files": [{"type": "DF", "name": "A0 00 00 00 01", "fci": "50 01 41",
                       "files": [{"type": "records", "sfi": 1, "records": ["01", "02 03"]},
                                 {"type": "transparent", "fid": "0001", "content": ""}]}])"));
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
        QCOMPARE(parsed->name, std::string("x"));
        QVERIFY(parsed->behaviour.extendedLength);
        QCOMPARE(parsed->behaviour.verifyFailure, VerifyFailureStyle::Plain);
        QCOMPARE(parsed->behaviour.challengeLength, std::size_t(16));
        QCOMPARE(parsed->pin->reference, std::uint8_t(0x81));
        QCOMPARE(parsed->pin->triesLeft, 2);
        QCOMPARE(parsed->dataObjects[0].tag, std::uint16_t(0x5F2D));
        const FileNode& df = parsed->mf.children.at(0);
        QVERIFY(!df.fid.has_value());
        QCOMPARE(df.dfName, fromHex("A000000001").value());
        QCOMPARE(df.fciProprietary, fromHex("500141").value());
        QCOMPARE(df.children.at(0).sfi, std::optional<std::uint8_t>(1));
        QCOMPARE(df.children.at(0).records.at(1), fromHex("0203").value());
        QVERIFY(df.children.at(1).content.empty());
    }

    // Every validation error names the JSON path of the problem.
    void errors_data() { addErrorRows(); }
    void errors()
    {
        QFETCH(QString, json);
        QFETCH(QString, message);
        auto parsed = parse(json);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::Malformed);
        const QString got = QString::fromStdString(parsed.error().message);
        QVERIFY2(got == message || (got.startsWith(message) && got.size() > message.size() &&
                                    (got[message.size()] == ' ' || got[message.size()] == ':')),
                 qPrintable("got: " + got));
    }

    void tooLarge()
    {
        const std::string text(CardProfile::kMaxTextSize + 1, ' ');
        auto parsed = CardProfile::parse(text);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().code, ErrorCode::Malformed);
    }

    void loadErrors()
    {
        auto missing = CardProfile::load(kCardsDir + "no-such-card.json");
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QVERIFY(missing.error().message.find("no-such-card.json") != std::string::npos);

        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("bad.json").toStdString();
        {
            QFile file(QString::fromStdString(path));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(files(R"([{"type": "records", "sfi": 1, "records": ["1"]}])").toUtf8());
        }
        auto bad = CardProfile::load(path);
        QVERIFY(!bad.ok());
        QCOMPARE(QString::fromStdString(bad.error().message),
                 QString::fromStdString(path) +
                     ": files[0].records[0]: not hex (odd number of hex digits)");
    }

    void pinHash()
    {
        const Bytes salt(16, 0x5A);
        const Bytes pin{'1', '2', '3', '4'};
        auto hash = PinHash::compute(salt, pin);
        QVERIFY(hash.ok());
        QCOMPARE(hash->size(), std::size_t(32));
        QVERIFY(PinHash::matches(salt, *hash, pin));
        QVERIFY(!PinHash::matches(Bytes(16, 0x5B), *hash, pin));
        QVERIFY(!PinHash::matches(salt, Bytes(31, 0), pin));
        // SHA-256 of "abc" (FIPS 180-2, B.1) with an empty salt.
        auto abc = PinHash::compute({}, Bytes{'a', 'b', 'c'});
        QCOMPARE(QString::fromStdString(toHex(*abc)),
                 QString("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"));
        QVERIFY(PinHash::isValidPin(Bytes{'0', '0', '0', '0'}));
        QVERIFY(!PinHash::isValidPin(Bytes{'1', '2', '3'}));
        QVERIFY(!PinHash::isValidPin(Bytes(13, '1')));
        QVERIFY(!PinHash::isValidPin(Bytes{'1', '2', '3', 'a'}));
        auto salt1 = PinHash::randomSalt();
        auto salt2 = PinHash::randomSalt();
        QVERIFY(salt1.ok() && salt2.ok());
        QCOMPARE(salt1->size(), PinHash::kSaltSize);
        QVERIFY(*salt1 != *salt2);
    }
};

QTEST_GUILESS_MAIN(TestCardProfile)
#include "tst_cardprofile.moc"
