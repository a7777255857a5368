// The test PKI and the personalisation of EMV test cards (core/sim/emv): a
// generated card's certificates recover with the CA key through core/crypto
// RSA, with the header, format, trailer and hash of EMV 4.4 Book 2.
#include "EmvTestCard.h"

#include "crypto/Hash.h"
#include "crypto/RsaPublicKey.h"
#include "sim/emv/TestPki.h"
#include "tlv/TlvEncoder.h"
#include "tlv/TlvParser.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace cardlink;
using namespace cardlink::sim::emv;
using cardlink::testing::EmvTestCards;
using cardlink::testing::hex;

namespace {
QString h(ByteView bytes)
{
    return QString::fromStdString(toHex(bytes));
}

// All primitive values of the card's records by tag.
std::map<tlv::Tag, Bytes> recordValues(const EmvProfile& emv)
{
    std::map<tlv::Tag, Bytes> out;
    for (const auto& file : emv.files) {
        for (const auto& record : file.records) {
            auto objects = tlv::parse(record);
            if (!objects)
                continue;
            for (const auto& child : (*objects)[0].children)
                out[child.tag] = child.value;
        }
    }
    return out;
}

// Book 3, 10.3: the ODA records (SFI 1..10: without 70 and length), then
// the values of the SDA tag list (the AIP).
Bytes staticData(const EmvProfile& emv)
{
    Bytes out;
    for (const auto& file : emv.files) {
        for (std::size_t i = 0; i < file.odaRecords; ++i) {
            auto objects = tlv::parse(file.records[i]);
            auto inner = tlv::encode((*objects)[0].children);
            out.insert(out.end(), inner->begin(), inner->end());
        }
    }
    out.insert(out.end(), emv.aip.begin(), emv.aip.end());
    return out;
}

crypto::RsaPublicKey caPublicKey()
{
    const auto& ca = EmvTestCards::instance().personalizer().caKey().publicKey();
    return ca;
}

// Recovers an issuer certificate (Book 2, 5.3, table 6) and returns the
// issuer public key modulus, or empty on any failed check.
Bytes recoverIssuerKey(const std::map<tlv::Tag, Bytes>& values)
{
    auto recovered = caPublicKey().recover(values.at(0x90));
    if (!recovered)
        return {};
    const Bytes& x = *recovered;
    const std::size_t n = x.size();
    if (x[0] != 0x6A || x[1] != 0x02 || x[n - 1] != 0xBC || x[11] != 0x01 || x[12] != 0x01)
        return {};
    const std::size_t ni = x[13];
    const Bytes remainder = values.count(0x92) ? values.at(0x92) : Bytes{};
    const Bytes& exponent = values.at(0x9F32);
    Bytes hashInput(x.begin() + 1, x.end() - 21);
    hashInput.insert(hashInput.end(), remainder.begin(), remainder.end());
    hashInput.insert(hashInput.end(), exponent.begin(), exponent.end());
    auto hash = crypto::sha1(hashInput);
    if (!hash || !std::equal(hash->begin(), hash->end(), x.end() - 21))
        return {};
    const std::size_t inCertificate = std::min(ni, n - 36);
    Bytes modulus(x.begin() + 15, x.begin() + 15 + static_cast<std::ptrdiff_t>(inCertificate));
    modulus.insert(modulus.end(), remainder.begin(), remainder.end());
    return modulus;
}
} // namespace

class TestEmvPerso : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { EmvTestCards::instance(); }
    void issuerCertificate_data();
    void issuerCertificate();
    void iccCertificate_data();
    void iccCertificate();
    void signedStaticData();
    void caKeyFile();
    void kinds_data();
    void kinds();
    void panLuhn();
    void rejectsBadSizes();
};

void TestEmvPerso::issuerCertificate_data()
{
    QTest::addColumn<int>("kind");
    QTest::addRow("sda") << int(CardKind::Sda);
    QTest::addRow("dda") << int(CardKind::Dda);
}

void TestEmvPerso::issuerCertificate()
{
    QFETCH(int, kind);
    auto card = EmvTestCards::instance().card(static_cast<CardKind>(kind));
    const auto values = recordValues(card->emv());
    QCOMPARE(h(values.at(0x8F)), QString("01"));
    const Bytes modulus = recoverIssuerKey(values);
    QCOMPARE(h(modulus),
             h(EmvTestCards::instance().personalizer().issuerKey().publicKey().modulus()));
    // A flipped bit in the certificate breaks the hash.
    auto tampered = values;
    tampered[0x9F32] = Bytes{0x01, 0x00, 0x01};
    QVERIFY(recoverIssuerKey(tampered).empty());
}

void TestEmvPerso::iccCertificate_data()
{
    QTest::addColumn<int>("kind");
    QTest::addRow("dda") << int(CardKind::Dda);
    QTest::addRow("cda") << int(CardKind::Cda);
    QTest::addRow("pin-enciphered") << int(CardKind::PinEnciphered);
}

void TestEmvPerso::iccCertificate()
{
    QFETCH(int, kind);
    auto card = EmvTestCards::instance().card(static_cast<CardKind>(kind));
    const EmvProfile& emv = card->emv();
    const auto values = recordValues(emv);
    const Bytes issuerModulus = recoverIssuerKey(values);
    QVERIFY(!issuerModulus.empty());
    auto issuer = crypto::RsaPublicKey::fromComponents(issuerModulus, values.at(0x9F32));
    QVERIFY(issuer.ok());
    auto recovered = issuer->recover(values.at(0x9F46));
    QVERIFY(recovered.ok());
    const Bytes& x = *recovered;
    const std::size_t n = x.size();
    // Book 2, 6.3, table 14.
    QCOMPARE(int(x[0]), 0x6A);
    QCOMPARE(int(x[1]), 0x04);
    QCOMPARE(int(x[n - 1]), 0xBC);
    QCOMPARE(h(ByteView(x).subspan(2, 10)).left(16), QString::fromStdString(emv.pan));
    QCOMPARE(int(x[17]), 0x01);
    QCOMPARE(int(x[18]), 0x01);
    const std::size_t nic = x[19];
    QCOMPARE(nic, emv.iccPrivateKey->modulus.size());
    const Bytes remainder = values.count(0x9F48) ? values.at(0x9F48) : Bytes{};
    Bytes hashInput(x.begin() + 1, x.end() - 21);
    hashInput.insert(hashInput.end(), remainder.begin(), remainder.end());
    const Bytes& exponent = values.at(0x9F47);
    hashInput.insert(hashInput.end(), exponent.begin(), exponent.end());
    const Bytes data = staticData(emv);
    hashInput.insert(hashInput.end(), data.begin(), data.end());
    QCOMPARE(h(ByteView(x).subspan(n - 21, 20)), h(*crypto::sha1(hashInput)));
    Bytes modulus(x.begin() + 21,
                  x.begin() + 21 + static_cast<std::ptrdiff_t>(std::min(nic, n - 42)));
    modulus.insert(modulus.end(), remainder.begin(), remainder.end());
    QCOMPARE(h(modulus), h(emv.iccPrivateKey->modulus));
}

void TestEmvPerso::signedStaticData()
{
    auto card = EmvTestCards::instance().card(CardKind::Sda);
    const EmvProfile& emv = card->emv();
    const auto values = recordValues(emv);
    QVERIFY(!emv.iccPrivateKey.has_value());
    QVERIFY(!values.count(0x9F46));
    auto issuer = crypto::RsaPublicKey::fromComponents(recoverIssuerKey(values), values.at(0x9F32));
    QVERIFY(issuer.ok());
    auto recovered = issuer->recover(values.at(0x93));
    QVERIFY(recovered.ok());
    const Bytes& x = *recovered;
    const std::size_t n = x.size();
    // Book 2, 5.4, table 3.
    QCOMPARE(int(x[0]), 0x6A);
    QCOMPARE(int(x[1]), 0x03);
    QCOMPARE(int(x[2]), 0x01);
    QCOMPARE(int(x[n - 1]), 0xBC);
    for (std::size_t i = 5; i < n - 21; ++i)
        QCOMPARE(int(x[i]), 0xBB);
    Bytes hashInput(x.begin() + 1, x.end() - 21);
    const Bytes data = staticData(emv);
    hashInput.insert(hashInput.end(), data.begin(), data.end());
    QCOMPARE(h(ByteView(x).subspan(n - 21, 20)), h(*crypto::sha1(hashInput)));
    // Another static data (a changed AIP) does not match.
    hashInput.back() ^= 0x01;
    QVERIFY(h(ByteView(x).subspan(n - 21, 20)) != h(*crypto::sha1(hashInput)));
}

void TestEmvPerso::caKeyFile()
{
    auto text = EmvTestCards::instance().personalizer().caKeysJson();
    QVERIFY(text.ok());
    const auto document = QJsonDocument::fromJson(QByteArray::fromStdString(*text));
    const QJsonObject key = document.object()["keys"].toArray().at(0).toObject();
    QCOMPARE(key["rid"].toString(), QString("A000000999"));
    QCOMPARE(key["index"].toString(), QString("01"));
    QCOMPARE(key["exponent"].toString(), QString("03"));
    const Bytes modulus = hex(key["modulus"].toString());
    QCOMPARE(h(modulus), h(caPublicKey().modulus()));
    // Book 2, 11.2.2: SHA-1(RID || index || modulus || exponent).
    Bytes input = hex("A00000099901");
    input.insert(input.end(), modulus.begin(), modulus.end());
    input.push_back(0x03);
    QCOMPARE(key["checksum"].toString(), h(*crypto::sha1(input)));
}

void TestEmvPerso::kinds_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("cvm");
    QTest::addColumn<QString>("aip");
    QTest::addColumn<int>("pinTries");
    for (CardKind kind : allCardKinds()) {
        QString cvm = "41031E031F03";
        if (kind == CardKind::PinEnciphered)
            cvm = "44031E031F03";
        else if (kind == CardKind::PinOnline)
            cvm = "42031E031F03";
        else if (kind == CardKind::Signature)
            cvm = "1E031F03";
        else if (kind == CardKind::NoCvm)
            cvm = "1F00";
        const QString aip = kind == CardKind::Sda   ? "5C00"
                            : kind == CardKind::Cda ? "3D00"
                                                    : "3C00";
        QTest::addRow("%s", std::string(cardKindName(kind)).c_str())
            << int(kind) << cvm << aip << (kind == CardKind::PinBlocked ? 0 : 3);
    }
}

void TestEmvPerso::kinds()
{
    QFETCH(int, kind);
    QFETCH(QString, cvm);
    QFETCH(QString, aip);
    QFETCH(int, pinTries);
    auto card = EmvTestCards::instance().card(static_cast<CardKind>(kind));
    const EmvProfile& emv = card->emv();
    const auto values = recordValues(emv);
    QCOMPARE(h(values.at(0x8E)), QString("0000000000000000") + cvm);
    QCOMPARE(h(emv.aip), aip);
    QCOMPARE(card->card->pinTriesLeft(), pinTries);
    QCOMPARE(h(values.at(0x5F24)), QString(kind == int(CardKind::Expired) ? "230131" : "301231"));
    QCOMPARE(emv.applicationBlocked, kind == int(CardKind::AppBlocked));
    // The profile holds only the PIN's hash: "1234" never appears as digits.
    const std::string& json = EmvTestCards::instance().json(static_cast<CardKind>(kind));
    QVERIFY(json.find("\"hash\"") != std::string::npos);
    QVERIFY(json.find("241234") == std::string::npos);
}

void TestEmvPerso::panLuhn()
{
    for (CardKind kind : allCardKinds()) {
        const std::string pan = CardPersonalizer::pan(kind, 42);
        QCOMPARE(pan.size(), std::size_t{16});
        int sum = 0;
        for (std::size_t i = 0; i < pan.size(); ++i) {
            int d = pan[pan.size() - 1 - i] - '0';
            if (i % 2 == 1)
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        QCOMPARE(sum % 10, 0);
    }
    QVERIFY(CardPersonalizer::pan(CardKind::Dda, 1) != CardPersonalizer::pan(CardKind::Dda, 2));
}

void TestEmvPerso::rejectsBadSizes()
{
    QVERIFY(!TestPki::generateKey(500).ok());
    QVERIFY(!TestPki::generateKey(2048).ok());
    QVERIFY(!TestPki::generateKey(1001).ok());
    QVERIFY(!CardPersonalizer::create({400, 896, 768}).ok());
}

QTEST_GUILESS_MAIN(TestEmvPerso)
#include "tst_emv_perso.moc"
