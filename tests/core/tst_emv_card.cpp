// The EMV payment application of the simulated card (core/sim/emv), driven
// APDU by APDU on cards made in-process by CardPersonalizer. Cryptograms,
// ARPCs and script MACs are recomputed here with core/crypto.
#include "EmvTestCard.h"

#include "crypto/EmvCryptogram.h"
#include "crypto/Hash.h"
#include "crypto/IccMasterKey.h"
#include "crypto/RsaPublicKey.h"
#include "crypto/SecureMessaging.h"
#include "crypto/SessionKey.h"
#include "emv/TransactionData.h"
#include "sim/emv/EmvPaymentApplication.h"
#include "tlv/TlvParser.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::iso7816;
using namespace cardlink::sim::emv;
using cardlink::testing::EmvTestCard;
using cardlink::testing::EmvTestCards;
using cardlink::testing::hex;

namespace {
const QString kSelectAid = "00A4040007A0000009991010"
                           "00";
const QString kSelectPse = "00A404000E315041592E5359532E4444463031"
                           "00";
const QString kPinOk = "0020008008241234FFFFFFFFFF";
const QString kPinWrong = "0020008008244321FFFFFFFFFF";
constexpr std::uint8_t kTc = 0x40;
constexpr std::uint8_t kArqc = 0x80;
constexpr std::uint8_t kAac = 0x00;
constexpr std::uint8_t kCda = 0x10;

QString h(ByteView bytes)
{
    return QString::fromStdString(toHex(bytes));
}

QString sw(const ResponseApdu& response)
{
    return QString::asprintf("%04X", response.sw);
}

// PDOL data for 9F1A 02 (the generated cards other than SDA).
QString gpoCommand(const EmvProfile& emv)
{
    return emv.pdol.empty() ? "80A8000002830000" : "80A80000048302027600";
}

// CDOL1 data of the generated cards: 9F02 9F03 9F1A 95 5F2A 9A 9C 9F37 9F35 9F34.
Bytes cdol1Data(std::uint64_t amount, QString un = "11223344")
{
    Bytes data = emv::TransactionData::bcd(amount, 6);
    const Bytes rest = hex("000000000000"
                           "0276"
                           "0000000000"
                           "0978"
                           "261125"
                           "00" +
                           un +
                           "22"
                           "1F0302");
    data.insert(data.end(), rest.begin(), rest.end());
    return data;
}
// CDOL2 data: 8A then the same set as CDOL1 without 9F35 and 9F34.
Bytes cdol2Data(std::uint64_t amount, QString arc = "3030")
{
    Bytes data = hex(arc);
    const Bytes amountBytes = emv::TransactionData::bcd(amount, 6);
    data.insert(data.end(), amountBytes.begin(), amountBytes.end());
    const Bytes rest = hex("000000000000"
                           "0276"
                           "0000000000"
                           "0978"
                           "261125"
                           "00"
                           "11223344");
    data.insert(data.end(), rest.begin(), rest.end());
    return data;
}

CommandApdu generateAc(std::uint8_t p1, Bytes data)
{
    return CommandApdu{0x80, 0xAE, p1, 0x00, std::move(data), 256};
}

// The primitive values of a format 1 or format 2 GENERATE AC response.
struct AcResponse
{
    std::uint8_t cid = 0xFF;
    std::uint16_t atc = 0;
    Bytes ac;
    Bytes iad;
    Bytes sdad;
};

AcResponse parseAc(const ResponseApdu& response)
{
    AcResponse out;
    auto objects = tlv::parse(response.data);
    if (!objects || objects->empty())
        return out;
    const auto& top = (*objects)[0];
    if (top.tag == 0x80 && top.value.size() >= 11) {
        out.cid = top.value[0];
        out.atc = readU16(top.value, 1);
        out.ac.assign(top.value.begin() + 3, top.value.begin() + 11);
        out.iad.assign(top.value.begin() + 11, top.value.end());
        return out;
    }
    auto value = [&](tlv::Tag tag) {
        const auto* found = top.find(tag);
        return found ? found->value : Bytes{};
    };
    const Bytes cid = value(0x9F27);
    const Bytes atc = value(0x9F36);
    out.cid = cid.empty() ? 0xFF : cid[0];
    out.atc = atc.size() == 2 ? readU16(atc, 0) : 0;
    out.ac = value(0x9F26);
    out.iad = value(0x9F10);
    out.sdad = value(0x9F4B);
    return out;
}

crypto::CipherAlgorithm algorithmOf(const EmvProfile& emv)
{
    return emv.algorithm;
}

Bytes iccMasterKey(const EmvProfile& emv)
{
    const auto& imk = EmvTestCards::instance().personalizer().issuerMasterKey(emv.algorithm);
    auto mk = crypto::deriveIccMasterKey(emv.algorithm, imk, emv.pan, std::uint8_t{0x01},
                                         crypto::IccMkOption::A);
    return mk ? *mk : Bytes{};
}

Bytes sessionKey(const EmvProfile& emv, std::uint16_t atc)
{
    auto sk = crypto::deriveSessionKey(emv.algorithm, iccMasterKey(emv), atc);
    return sk ? *sk : Bytes{};
}

// docs/card-profile.md: the cryptogram covers 9F02 9F03 9F1A 95 5F2A 9A 9C
// 9F37 from the CDOL data, the AIP, the ATC and the CVR (IAD bytes 4..7).
Bytes expectedAc(const EmvProfile& emv, ByteView cdol1, std::uint16_t atc, ByteView iad)
{
    Bytes input(cdol1.begin(), cdol1.begin() + 29); // up to 9F37 included
    input.insert(input.end(), emv.aip.begin(), emv.aip.end());
    appendU16(input, atc);
    input.insert(input.end(), iad.begin() + 3, iad.end());
    auto ac = crypto::applicationCryptogram(algorithmOf(emv), sessionKey(emv, atc), input);
    return ac ? *ac : Bytes{};
}

crypto::RsaPublicKey iccPublicKey(const EmvProfile& emv)
{
    auto key = crypto::RsaPublicKey::fromComponents(emv.iccPrivateKey->modulus,
                                                    emv.iccPrivateKey->publicExponent);
    if (!key)
        qFatal("ICC key");
    return *key;
}

void startTransaction(EmvTestCard& card)
{
    QCOMPARE(sw(card.send(kSelectAid)), QString("9000"));
    QCOMPARE(sw(card.send(gpoCommand(card.emv()))), QString("9000"));
}

Bytes scriptCommand(EmvTestCard& card, const AcResponse& first, QString header, Bytes data = {})
{
    const EmvProfile& emv = card.emv();
    auto key = crypto::deriveSessionKey(emv.algorithm, iccMasterKey(emv), first.atc);
    auto command =
        crypto::buildScriptCommand(emv.algorithm, *key, hex(header), first.atc, first.ac, data, 8);
    return command ? *command : Bytes{};
}
} // namespace

class TestEmvCard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { EmvTestCards::instance(); }

    void selectFci_data();
    void selectFci();
    void pseDirectory();
    void gpo_data();
    void gpo();
    void readRecords();
    void getData_data();
    void getData();
    void atcIncrements();
    void cryptogram_data();
    void cryptogram();
    void generateAcErrors_data();
    void generateAcErrors();
    void riskManagement_data();
    void riskManagement();
    void externalAuthenticate_data();
    void externalAuthenticate();
    void internalAuthenticate();
    void internalAuthenticateErrors();
    void cdaSignature();
    void verifyPlaintext();
    void verifyEnciphered_data();
    void verifyEnciphered();
    void scriptBlocks();
    void scriptMacFailure();
    void scriptPinUnblockAndChange();
    void profileErrors_data();
    void profileErrors();
};

void TestEmvCard::selectFci_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("pdol");
    QTest::addRow("dda") << int(CardKind::Dda) << "9000" << true;
    QTest::addRow("sda-no-pdol") << int(CardKind::Sda) << "9000" << false;
    QTest::addRow("app-blocked") << int(CardKind::AppBlocked) << "6283" << true;
}

void TestEmvCard::selectFci()
{
    QFETCH(int, kind);
    QFETCH(QString, status);
    QFETCH(bool, pdol);
    auto card = EmvTestCards::instance().card(static_cast<CardKind>(kind));
    const ResponseApdu response = card->send(kSelectAid);
    QCOMPARE(sw(response), status);
    auto objects = tlv::parse(response.data);
    QVERIFY(objects.ok());
    const auto* name = tlv::findPath(*objects, {0x6F, 0x84});
    QVERIFY(name);
    QCOMPARE(h(name->value), QString("A0000009991010"));
    const auto* label = tlv::findPath(*objects, {0x6F, 0xA5, 0x50});
    QVERIFY(label);
    QCOMPARE(QByteArray(reinterpret_cast<const char*>(label->value.data()),
                        qsizetype(label->value.size())),
             QByteArray("CARDLINK TEST"));
    QVERIFY(tlv::findPath(*objects, {0x6F, 0xA5, 0x87}));
    QVERIFY(tlv::findPath(*objects, {0x6F, 0xA5, 0x5F2D}));
    QCOMPARE(tlv::findPath(*objects, {0x6F, 0xA5, 0x9F38}) != nullptr, pdol);
}

void TestEmvCard::pseDirectory()
{
    auto card = EmvTestCards::instance().card(CardKind::Dda);
    const ResponseApdu select = card->send(kSelectPse);
    QCOMPARE(sw(select), QString("9000"));
    auto fci = tlv::parse(select.data);
    QVERIFY(fci.ok());
    const auto* sfi = tlv::findPath(*fci, {0x6F, 0xA5, 0x88});
    QVERIFY(sfi);
    QCOMPARE(h(sfi->value), QString("01"));
    const ResponseApdu record = card->send("00B2010C00");
    QCOMPARE(sw(record), QString("9000"));
    auto objects = tlv::parse(record.data);
    QVERIFY(objects.ok());
    const auto* aid = tlv::findPath(*objects, {0x70, 0x61, 0x4F});
    QVERIFY(aid);
    QCOMPARE(h(aid->value), QString("A0000009991010"));
    QCOMPARE(sw(card->send("00B2020C00")), QString("6A83"));
}

void TestEmvCard::gpo_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("template_");
    QTest::addRow("format2") << int(CardKind::Dda) << "80A80000048302027600"
                             << "9000" << 0x77;
    QTest::addRow("format1-no-pdol") << int(CardKind::Sda) << "80A8000002830000"
                                     << "9000" << 0x80;
    QTest::addRow("pdol-data-short") << int(CardKind::Dda) << "80A800000383010200"
                                     << "6700" << 0;
    QTest::addRow("pdol-data-missing") << int(CardKind::Dda) << "80A8000002830000"
                                       << "6700" << 0;
    QTest::addRow("pdol-data-unexpected") << int(CardKind::Sda) << "80A80000048302027600"
                                          << "6700" << 0;
    QTest::addRow("not-83") << int(CardKind::Dda) << "80A80000049F02027600"
                            << "6A80" << 0;
    QTest::addRow("p1p2") << int(CardKind::Dda) << "80A80100048302027600"
                          << "6A86" << 0;
}

void TestEmvCard::gpo()
{
    QFETCH(int, kind);
    QFETCH(QString, command);
    QFETCH(QString, status);
    QFETCH(int, template_);
    auto card = EmvTestCards::instance().card(static_cast<CardKind>(kind));
    QCOMPARE(sw(card->send(kSelectAid)), QString("9000"));
    const ResponseApdu response = card->send(command);
    QCOMPARE(sw(response), status);
    if (template_ == 0)
        return;
    QVERIFY(!response.data.empty());
    QCOMPARE(int(response.data[0]), template_);
    const Bytes afl = card->emv().afl();
    const Bytes aip = card->emv().aip;
    if (template_ == 0x80) {
        Bytes body = aip;
        body.insert(body.end(), afl.begin(), afl.end());
        QCOMPARE(h(ByteView(response.data).subspan(2)), h(body));
    } else {
        auto objects = tlv::parse(response.data);
        QVERIFY(objects.ok());
        QCOMPARE(h(tlv::findPath(*objects, {0x77, 0x82})->value), h(aip));
        QCOMPARE(h(tlv::findPath(*objects, {0x77, 0x94})->value), h(afl));
    }
    // Book 3, 6.5.8: only once per transaction; a new SELECT starts another.
    QCOMPARE(sw(card->send(command)), QString("6985"));
    QCOMPARE(sw(card->send(kSelectAid)), QString("9000"));
    QCOMPARE(sw(card->send(command)), QString("9000"));
}

void TestEmvCard::readRecords()
{
    auto card = EmvTestCards::instance().card(CardKind::Dda);
    startTransaction(*card);
    for (const auto& file : card->emv().files) {
        for (std::size_t i = 0; i < file.records.size(); ++i) {
            CommandApdu read{0x00,
                             0xB2,
                             static_cast<std::uint8_t>(i + 1),
                             static_cast<std::uint8_t>((file.sfi << 3) | 4),
                             {},
                             256};
            const ResponseApdu response = card->send(read);
            QCOMPARE(sw(response), QString("9000"));
            QCOMPARE(h(response.data), h(file.records[i]));
        }
        CommandApdu beyond{0x00,
                           0xB2,
                           static_cast<std::uint8_t>(file.records.size() + 1),
                           static_cast<std::uint8_t>((file.sfi << 3) | 4),
                           {},
                           256};
        QCOMPARE(sw(card->send(beyond)), QString("6A83"));
    }
}

void TestEmvCard::getData_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("data");
    QTest::addRow("atc") << "80CA9F3600"
                         << "9000"
                         << "9F36020000";
    QTest::addRow("last-online-atc") << "80CA9F1300"
                                     << "9000"
                                     << "9F13020000";
    QTest::addRow("pin-try-counter") << "80CA9F1700"
                                     << "9000"
                                     << "9F170103";
    QTest::addRow("log-format") << "80CA9F4F00"
                                << "9000"
                                << "9F4F0D9A039F21039F02065F2A029C01";
    QTest::addRow("no-le") << "80CA9F36"
                           << "6700"
                           << "";
    QTest::addRow("unknown") << "80CA9F7F00"
                             << "6A88"
                             << "";
}

void TestEmvCard::getData()
{
    QFETCH(QString, command);
    QFETCH(QString, status);
    QFETCH(QString, data);
    auto card = EmvTestCards::instance().card(CardKind::Dda);
    QCOMPARE(sw(card->send(kSelectAid)), QString("9000"));
    const ResponseApdu response = card->send(command);
    QCOMPARE(sw(response), status);
    QCOMPARE(h(response.data), data);
}

void TestEmvCard::atcIncrements()
{
    auto card = EmvTestCards::instance().card(CardKind::Dda);
    for (std::uint16_t expected = 1; expected <= 3; ++expected) {
        startTransaction(*card);
        const ResponseApdu response = card->send(generateAc(kAac, cdol1Data(100)));
        QCOMPARE(sw(response), QString("9000"));
        QCOMPARE(parseAc(response).atc, expected);
        // Removal and re-insertion keep the counter.
        card->card->powerOff();
        card->card->powerOn();
    }
    QCOMPARE(sw(card->send(kSelectAid)), QString("9000"));
    QCOMPARE(h(card->send("80CA9F3600").data), QString("9F36020003"));
}

void TestEmvCard::cryptogram_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("p1");
    QTest::addColumn<int>("cid");
    QTest::addRow("3des-format2-arqc") << int(CardKind::Dda) << int(kArqc) << int(kArqc);
    QTest::addRow("3des-format1-arqc") << int(CardKind::Sda) << int(kArqc) << int(kArqc);
    QTest::addRow("aes-arqc") << int(CardKind::Cda) << int(kArqc) << int(kArqc);
    QTest::addRow("3des-aac") << int(CardKind::Dda) << int(kAac) << int(kAac);
}

void TestEmvCard::cryptogram()
{
    QFETCH(int, kind);
    QFETCH(int, p1);
    QFETCH(int, cid);
    auto card = EmvTestCards::instance().card(static_cast<CardKind>(kind));
    startTransaction(*card);
    const Bytes data = cdol1Data(1234);
    const ResponseApdu response = card->send(generateAc(static_cast<std::uint8_t>(p1), data));
    QCOMPARE(sw(response), QString("9000"));
    const AcResponse ac = parseAc(response);
    QCOMPARE(int(ac.cid), cid);
    QCOMPARE(ac.atc, std::uint16_t{1});
    QCOMPARE(ac.iad.size(), std::size_t{7});
    QCOMPARE(int(ac.iad[0]), 0x06);
    QCOMPARE(int(ac.iad[2]), int(card->emv().cryptogramVersion));
    QCOMPARE(h(ac.ac), h(expectedAc(card->emv(), data, ac.atc, ac.iad)));
    // CVR byte 1 b6-b5: the type of the first AC.
    QCOMPARE((ac.iad[3] >> 4) & 0x03, cid == kArqc ? 2 : 0);
}

void TestEmvCard::generateAcErrors_data()
{
    QTest::addColumn<QString>("step");
    QTest::addColumn<QString>("status");
    QTest::addRow("before-gpo") << "before-gpo"
                                << "6985";
    QTest::addRow("cdol1-short") << "cdol1-short"
                                 << "6700";
    QTest::addRow("cdol1-long") << "cdol1-long"
                                << "6700";
    QTest::addRow("p1-reserved") << "p1-reserved"
                                 << "6A86";
    QTest::addRow("p1-type-11") << "p1-type-11"
                                << "6A86";
    QTest::addRow("second-after-tc") << "second-after-tc"
                                     << "6985";
    QTest::addRow("second-asks-arqc") << "second-asks-arqc"
                                      << "6985";
    QTest::addRow("third") << "third"
                           << "6985";
    QTest::addRow("cdol2-short") << "cdol2-short"
                                 << "6700";
}

void TestEmvCard::generateAcErrors()
{
    QFETCH(QString, step);
    QFETCH(QString, status);
    auto card = EmvTestCards::instance().card(CardKind::Dda);
    QCOMPARE(sw(card->send(kSelectAid)), QString("9000"));
    if (step == "before-gpo") {
        QCOMPARE(sw(card->send(generateAc(kArqc, cdol1Data(1)))), status);
        QCOMPARE(h(card->send("80CA9F3600").data), QString("9F36020000")); // no GPO, no count
        return;
    }
    QCOMPARE(sw(card->send(gpoCommand(card->emv()))), QString("9000"));
    Bytes data = cdol1Data(1);
    ResponseApdu answer;
    if (step == "cdol1-short") {
        data.pop_back();
        answer = card->send(generateAc(kArqc, data));
    } else if (step == "cdol1-long") {
        data.push_back(0);
        answer = card->send(generateAc(kArqc, data));
    } else if (step == "p1-reserved") {
        answer = card->send(generateAc(kArqc | 0x01, data));
    } else if (step == "p1-type-11") {
        answer = card->send(generateAc(0xC0, data));
    } else {
        const bool tcFirst = step == "second-after-tc";
        QCOMPARE(card->send(kPinOk).sw, std::uint16_t{0x9000});
        QCOMPARE(sw(card->send(generateAc(tcFirst ? kTc : kArqc, data))), QString("9000"));
        Bytes second = cdol2Data(1);
        if (step == "cdol2-short")
            second.pop_back();
        if (step == "third")
            QCOMPARE(sw(card->send(generateAc(kTc, second))), QString("9000"));
        answer = card->send(generateAc(step == "second-asks-arqc" ? kArqc : kTc, second));
    }
    QCOMPARE(sw(answer), status);
    // The ATC moved once, with the accepted GPO; a refused GENERATE AC does not move it.
    QCOMPARE(h(card->send("80CA9F3600").data), QString("9F36020001"));
}

void TestEmvCard::riskManagement_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<bool>("verifyPin");
    QTest::addColumn<qulonglong>("amount");
    QTest::addColumn<int>("requested");
    QTest::addColumn<int>("expected");
    QTest::addRow("tc-pin-verified-low-amount")
        << int(CardKind::Dda) << true << 1000ULL << int(kTc) << int(kTc);
    QTest::addRow("over-offline-limit")
        << int(CardKind::Dda) << true << 5001ULL << int(kTc) << int(kArqc);
    QTest::addRow("at-offline-limit")
        << int(CardKind::Dda) << true << 5000ULL << int(kTc) << int(kTc);
    QTest::addRow("pin-not-verified")
        << int(CardKind::Dda) << false << 1000ULL << int(kTc) << int(kArqc);
    QTest::addRow("signature-card-no-pin-needed")
        << int(CardKind::Signature) << false << 1000ULL << int(kTc) << int(kTc);
    QTest::addRow("aac-asked") << int(CardKind::Dda) << true << 1000ULL << int(kAac) << int(kAac);
    QTest::addRow("arqc-asked") << int(CardKind::Dda) << true << 1000ULL << int(kArqc)
                                << int(kArqc);
    QTest::addRow("app-blocked") << int(CardKind::AppBlocked) << true << 1000ULL << int(kTc)
                                 << int(kAac);
}

void TestEmvCard::riskManagement()
{
    QFETCH(int, kind);
    QFETCH(bool, verifyPin);
    QFETCH(qulonglong, amount);
    QFETCH(int, requested);
    QFETCH(int, expected);
    auto card = EmvTestCards::instance().card(static_cast<CardKind>(kind));
    card->send(kSelectAid);
    QCOMPARE(sw(card->send(gpoCommand(card->emv()))), QString("9000"));
    if (verifyPin)
        QCOMPARE(sw(card->send(kPinOk)), QString("9000"));
    const ResponseApdu response =
        card->send(generateAc(static_cast<std::uint8_t>(requested), cdol1Data(amount)));
    QCOMPARE(sw(response), QString("9000"));
    QCOMPARE(int(parseAc(response).cid), expected);
}

void TestEmvCard::externalAuthenticate_data()
{
    QTest::addColumn<bool>("correct");
    QTest::addRow("arpc-ok") << true;
    QTest::addRow("arpc-wrong") << false;
}

void TestEmvCard::externalAuthenticate()
{
    QFETCH(bool, correct);
    auto card = EmvTestCards::instance().card(CardKind::Dda);
    startTransaction(*card);
    QCOMPARE(sw(card->send("00820000"
                           "0A"
                           "00000000000000000000")),
             QString("6985"));
    const ResponseApdu first = card->send(generateAc(kArqc, cdol1Data(100)));
    const AcResponse arqc = parseAc(first);
    QCOMPARE(int(arqc.cid), int(kArqc));
    const Bytes arc = hex("3030");
    auto arpc =
        crypto::arpcMethod1(card->emv().algorithm, sessionKey(card->emv(), arqc.atc), arqc.ac, arc);
    QVERIFY(arpc.ok());
    Bytes data = *arpc;
    if (!correct)
        data[0] ^= 0x01;
    data.insert(data.end(), arc.begin(), arc.end());
    QCOMPARE(sw(card->send(CommandApdu{0x00, 0x82, 0, 0, data, std::nullopt})),
             QString(correct ? "9000" : "6300"));
    // Only once.
    QCOMPARE(sw(card->send(CommandApdu{0x00, 0x82, 0, 0, data, std::nullopt})), QString("6985"));
    const ResponseApdu second = card->send(generateAc(kTc, cdol2Data(100)));
    QCOMPARE(sw(second), QString("9000"));
    QCOMPARE(int(parseAc(second).cid), int(correct ? kTc : kAac));
    QCOMPARE(h(card->send("80CA9F1300").data), QString(correct ? "9F13020001" : "9F13020000"));

    // The next transaction remembers a failure: no offline approval.
    startTransaction(*card);
    QCOMPARE(sw(card->send(kPinOk)), QString("9000"));
    const ResponseApdu next = card->send(generateAc(kTc, cdol1Data(100)));
    QCOMPARE(int(parseAc(next).cid), int(correct ? kTc : kArqc));
    // CVR byte 2 b1: issuer authentication failed in the last online transaction.
    QCOMPARE(parseAc(next).iad[4] & 0x01, correct ? 0 : 1);
}

void TestEmvCard::internalAuthenticate()
{
    auto card = EmvTestCards::instance().card(CardKind::Dda);
    startTransaction(*card);
    const Bytes ddolData = hex("CAFEBABE");
    const ResponseApdu response = card->send(CommandApdu{0x00, 0x88, 0x00, 0x00, ddolData, 256});
    QCOMPARE(sw(response), QString("9000"));
    auto objects = tlv::parse(response.data);
    QVERIFY(objects.ok());
    const auto* sdad = tlv::findPath(*objects, {0x77, 0x9F4B});
    QVERIFY(sdad);
    const auto key = iccPublicKey(card->emv());
    auto recovered = key.recover(sdad->value);
    QVERIFY(recovered.ok());
    const Bytes& x = *recovered;
    const std::size_t n = x.size();
    QCOMPARE(int(x[0]), 0x6A);
    QCOMPARE(int(x[1]), 0x05);
    QCOMPARE(int(x[2]), 0x01);
    QCOMPARE(int(x[n - 1]), 0xBC);
    const std::size_t ldd = x[3];
    QCOMPARE(ldd, std::size_t{9});
    QCOMPARE(int(x[4]), 8); // ICC Dynamic Number length
    // Book 2, 6.5.2: hash over format .. pad || DDOL data.
    Bytes hashed(x.begin() + 1, x.end() - 21);
    hashed.insert(hashed.end(), ddolData.begin(), ddolData.end());
    auto hash = crypto::sha1(hashed);
    QCOMPARE(h(ByteView(x).subspan(n - 21, 20)), h(*hash));
    for (std::size_t i = 4 + ldd; i < n - 21; ++i)
        QCOMPARE(int(x[i]), 0xBB);
}

void TestEmvCard::internalAuthenticateErrors()
{
    auto card = EmvTestCards::instance().card(CardKind::Dda);
    startTransaction(*card);
    QCOMPARE(sw(card->send("0088000003CAFEBA00")), QString("6700")); // DDOL wants 4 bytes
    QCOMPARE(sw(card->send("0088010004CAFEBABE00")), QString("6A86"));
    auto sda = EmvTestCards::instance().card(CardKind::Sda);
    startTransaction(*sda);
    QCOMPARE(sw(sda->send("0088000004CAFEBABE00")), QString("6D00")); // no ICC key
}

void TestEmvCard::cdaSignature()
{
    auto card = EmvTestCards::instance().card(CardKind::Cda);
    startTransaction(*card);
    QCOMPARE(sw(card->send(kPinOk)), QString("9000"));
    const Bytes pdolData = hex("0276");
    const Bytes data = cdol1Data(1000, "0A0B0C0D");
    const ResponseApdu response = card->send(generateAc(kTc | kCda, data));
    QCOMPARE(sw(response), QString("9000"));
    const AcResponse ac = parseAc(response);
    QCOMPARE(int(ac.cid), int(kTc));
    QVERIFY(ac.ac.empty()); // Book 3, 6.5.5.4: the AC only inside 9F4B
    QVERIFY(!ac.sdad.empty());
    auto recovered = iccPublicKey(card->emv()).recover(ac.sdad);
    QVERIFY(recovered.ok());
    const Bytes& x = *recovered;
    const std::size_t n = x.size();
    QCOMPARE(int(x[0]), 0x6A);
    QCOMPARE(int(x[1]), 0x05);
    QCOMPARE(int(x[n - 1]), 0xBC);
    const std::size_t ldd = x[3];
    QCOMPARE(ldd, std::size_t{38});
    const ByteView dynamic = ByteView(x).subspan(4, ldd);
    QCOMPARE(int(dynamic[9]), int(kTc)); // CID
    const ByteView cryptogram = dynamic.subspan(10, 8);
    QCOMPARE(h(cryptogram), h(expectedAc(card->emv(), data, ac.atc, ac.iad)));
    // Book 2, 6.6.1: hash over format .. pad || unpredictable number.
    Bytes hashed(x.begin() + 1, x.end() - 21);
    const Bytes un = hex("0A0B0C0D");
    hashed.insert(hashed.end(), un.begin(), un.end());
    QCOMPARE(h(ByteView(x).subspan(n - 21, 20)), h(*crypto::sha1(hashed)));
    // Transaction Data Hash Code: PDOL data, CDOL1 data, returned TLVs but 9F4B.
    Bytes tdhcInput = pdolData;
    tdhcInput.insert(tdhcInput.end(), data.begin(), data.end());
    const Bytes tail = hex("9F270140"
                           "9F36020001"
                           "9F1007");
    tdhcInput.insert(tdhcInput.end(), tail.begin(), tail.end());
    tdhcInput.insert(tdhcInput.end(), ac.iad.begin(), ac.iad.end());
    QCOMPARE(h(dynamic.subspan(18, 20)), h(*crypto::sha1(tdhcInput)));
    // CVR byte 1 b4: CDA performed.
    QCOMPARE(ac.iad[3] & 0x08, 0x08);
}

void TestEmvCard::verifyPlaintext()
{
    auto card = EmvTestCards::instance().card(CardKind::Dda);
    startTransaction(*card);
    QCOMPARE(sw(card->send(kPinWrong)), QString("63C2"));
    QCOMPARE(h(card->send("80CA9F1700").data), QString("9F170102"));
    QCOMPARE(sw(card->send(kPinOk)), QString("9000"));
    QCOMPARE(h(card->send("80CA9F1700").data), QString("9F170103"));
    QCOMPARE(sw(card->send("0020008007241234FFFFFFFF")), QString("6700"));

    auto blocked = EmvTestCards::instance().card(CardKind::PinBlocked);
    startTransaction(*blocked);
    QCOMPARE(sw(blocked->send(kPinOk)), QString("6983"));
    const ResponseApdu ac = blocked->send(generateAc(kTc, cdol1Data(100)));
    // CVR byte 2 b2: PIN try limit exceeded; the card goes online.
    QCOMPARE(int(parseAc(ac).cid), int(kArqc));
    QCOMPARE(parseAc(ac).iad[4] & 0x02, 0x02);
}

void TestEmvCard::verifyEnciphered_data()
{
    QTest::addColumn<QString>("pinBlock");
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("status");
    QTest::addRow("ok") << "241234FFFFFFFFFF"
                        << ""
                        << "9000";
    QTest::addRow("wrong-pin") << "244321FFFFFFFFFF"
                               << ""
                               << "63C2";
    QTest::addRow("wrong-challenge") << "241234FFFFFFFFFF"
                                     << "challenge"
                                     << "63C2";
    QTest::addRow("wrong-header") << "241234FFFFFFFFFF"
                                  << "header"
                                  << "63C2";
    QTest::addRow("no-challenge") << "241234FFFFFFFFFF"
                                  << "no-get-challenge"
                                  << "6985";
    QTest::addRow("wrong-length") << "241234FFFFFFFFFF"
                                  << "length"
                                  << "6700";
}

void TestEmvCard::verifyEnciphered()
{
    QFETCH(QString, pinBlock);
    QFETCH(QString, variant);
    QFETCH(QString, status);
    auto card = EmvTestCards::instance().card(CardKind::PinEnciphered);
    startTransaction(*card);
    Bytes challenge(8, 0);
    if (variant != "no-get-challenge") {
        const ResponseApdu answer = card->send("0084000000");
        QCOMPARE(sw(answer), QString("9000"));
        QCOMPARE(answer.data.size(), std::size_t{8});
        challenge = answer.data;
    }
    if (variant == "challenge")
        challenge[7] ^= 0xFF;
    const auto key = iccPublicKey(card->emv());
    // Book 2, 7.2: '7F' || PIN block || ICC unpredictable number || pad.
    Bytes plain{static_cast<std::uint8_t>(variant == "header" ? 0x7E : 0x7F)};
    const Bytes block = hex(pinBlock);
    plain.insert(plain.end(), block.begin(), block.end());
    plain.insert(plain.end(), challenge.begin(), challenge.end());
    plain.resize(key.modulusLength(), 0x55);
    auto enciphered = key.recover(plain); // the raw public-key operation
    QVERIFY(enciphered.ok());
    Bytes data = *enciphered;
    if (variant == "length")
        data.pop_back();
    QCOMPARE(sw(card->send(CommandApdu{0x00, 0x20, 0x00, 0x88, data, std::nullopt})), status);
    // The challenge is spent by that VERIFY.
    if (variant.isEmpty())
        QCOMPARE(sw(card->send(CommandApdu{0x00, 0x20, 0x00, 0x88, data, std::nullopt})),
                 QString("6985"));
}

void TestEmvCard::scriptBlocks()
{
    auto card = EmvTestCards::instance().card(CardKind::Dda);
    startTransaction(*card);
    // Before GENERATE AC there is no cryptogram to MAC over.
    QCOMPARE(sw(card->send("841E000008"
                           "0000000000000000")),
             QString("6985"));
    const AcResponse first = parseAc(card->send(generateAc(kArqc, cdol1Data(100))));
    QCOMPARE(int(first.cid), int(kArqc));
    auto block = CommandApdu::parse(scriptCommand(*card, first, "841E0000"));
    QVERIFY(block.ok());
    QCOMPARE(sw(card->send(*block)), QString("9000"));
    QCOMPARE(sw(card->send(generateAc(kTc, cdol2Data(100)))), QString("9000"));

    // Blocked: SELECT answers 6283 with the FCI, GENERATE AC only AACs.
    const ResponseApdu select = card->send(kSelectAid);
    QCOMPARE(sw(select), QString("6283"));
    QVERIFY(!select.data.empty());
    QCOMPARE(sw(card->send(gpoCommand(card->emv()))), QString("9000"));
    QCOMPARE(sw(card->send(kPinOk)), QString("9000"));
    const AcResponse blocked = parseAc(card->send(generateAc(kTc, cdol1Data(100))));
    QCOMPARE(int(blocked.cid), int(kAac));
    QCOMPARE(blocked.iad[5] & 0x40, 0x40); // CVR: application blocked

    // APPLICATION UNBLOCK in that transaction, then a CARD BLOCK.
    auto unblock = CommandApdu::parse(scriptCommand(*card, blocked, "84180000"));
    QCOMPARE(sw(card->send(*unblock)), QString("9000"));
    QCOMPARE(sw(card->send(kSelectAid)), QString("9000"));
    QCOMPARE(sw(card->send(gpoCommand(card->emv()))), QString("9000"));
    const AcResponse third = parseAc(card->send(generateAc(kArqc, cdol1Data(100))));
    auto cardBlock = CommandApdu::parse(scriptCommand(*card, third, "84160000"));
    QCOMPARE(sw(card->send(*cardBlock)), QString("9000"));
    QCOMPARE(sw(card->send(kSelectAid)), QString("6A81"));
    QCOMPARE(sw(card->send(kSelectPse)), QString("6A81"));
    card->card->reset();
    QCOMPARE(sw(card->send(kSelectAid)), QString("6A81"));
}

void TestEmvCard::scriptMacFailure()
{
    auto card = EmvTestCards::instance().card(CardKind::Dda);
    startTransaction(*card);
    const AcResponse first = parseAc(card->send(generateAc(kArqc, cdol1Data(100))));
    Bytes command = scriptCommand(*card, first, "841E0000");
    command.back() ^= 0x01;
    auto block = CommandApdu::parse(command);
    QCOMPARE(sw(card->send(*block)), QString("6988"));
    QCOMPARE(sw(card->send("841E000004"
                           "00000000")),
             QString("6700")); // shorter than the MAC
    // Nothing was blocked; CVR byte 4 b8 records the failed script.
    const AcResponse second = parseAc(card->send(generateAc(kTc, cdol2Data(100))));
    QCOMPARE(int(second.cid), int(kTc));
    QCOMPARE(second.iad[6] & 0x80, 0x80);
    QCOMPARE(sw(card->send(kSelectAid)), QString("9000"));
}

void TestEmvCard::scriptPinUnblockAndChange()
{
    auto card = EmvTestCards::instance().card(CardKind::PinBlocked);
    startTransaction(*card);
    QCOMPARE(sw(card->send(kPinOk)), QString("6983"));
    const AcResponse first = parseAc(card->send(generateAc(kArqc, cdol1Data(100))));
    auto unblock = CommandApdu::parse(scriptCommand(*card, first, "84240000"));
    QCOMPARE(sw(card->send(*unblock)), QString("9000"));
    QCOMPARE(h(card->send("80CA9F1700").data), QString("9F170103"));

    // PIN CHANGE (P2 02): new PIN 9876 as a format 2 block, enciphered with
    // the SMC session key (3DES CBC, zero IV).
    const EmvProfile& emv = card->emv();
    auto smc = crypto::deriveSessionKey(emv.algorithm, iccMasterKey(emv), first.atc);
    auto enciphered =
        crypto::encrypt(emv.algorithm, *smc, hex("249876FFFFFFFFFF"), crypto::CipherMode::Cbc);
    QVERIFY(enciphered.ok());
    auto change = CommandApdu::parse(scriptCommand(*card, first, "84240002", *enciphered));
    QCOMPARE(sw(card->send(*change)), QString("9000"));
    QCOMPARE(sw(card->send(kPinOk)), QString("63C2"));
    QCOMPARE(sw(card->send("0020008008249876FFFFFFFFFF")), QString("9000"));
}

void TestEmvCard::profileErrors_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("message");
    QTest::addRow("bad-algorithm") << "\"algorithm\": \"3DES\""
                                   << "\"algorithm\": \"RC4\""
                                   << "emv.algorithm";
    QTest::addRow("bad-aip") << "\"aip\": \"3C00\""
                             << "\"aip\": \"3C\""
                             << "emv.aip";
    QTest::addRow("unknown-key") << "\"pse\": true"
                                 << "\"pse\": true, \"psx\": 1"
                                 << "unknown key";
    QTest::addRow("bad-format") << "\"responseFormat\": 2"
                                << "\"responseFormat\": 3"
                                << "emv.responseFormat";
    QTest::addRow("record-not-70") << "\"records\": [\n"
                                   << "\"records\": [\"6100\",\n"
                                   << "records[0]";
}

void TestEmvCard::profileErrors()
{
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(QString, message);
    std::string json = EmvTestCards::instance().json(CardKind::Dda);
    QVERIFY(sim::CardProfile::parse(json).ok());
    const auto at = json.find(from.toStdString());
    QVERIFY2(at != std::string::npos, qPrintable(from));
    json.replace(at, from.size(), to.toStdString());
    auto parsed = sim::CardProfile::parse(json);
    QVERIFY(!parsed.ok());
    QVERIFY2(QString::fromStdString(parsed.error().message).contains(message),
             parsed.error().message.c_str());
}

QTEST_GUILESS_MAIN(TestEmvCard)
#include "tst_emv_card.moc"
