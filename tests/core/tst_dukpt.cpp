// AES DUKPT against the published test vectors of ANSI X9.24-3-2017's
// supplement ("X9.24 Part 3 Test Vectors", x9.org): BDK
// FEDCBA9876543210F1F1F1F1F1F1F1F1 (and the same 16 bytes twice for the
// AES-256 BDK), initial key ID 1234567890123456. Values transcribed from the
// supplement as quoted in the openemv/dukpt test suite
// (test/dukpt_aes128_test.c, dukpt_aes256_test.c; the supplement page is
// noted per table there).
#include "dukpt/DukptTerminal.h"
#include "dukpt/KeyDerivation.h"
#include "dukpt/KeySerialNumber.h"

#include "support/TestBytes.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::dukpt;
using cardlink::test::hex;

Q_DECLARE_METATYPE(cardlink::Bytes)
Q_DECLARE_METATYPE(cardlink::dukpt::KeyUsage)

namespace {
const char* const kBdk128 = "FEDCBA9876543210F1F1F1F1F1F1F1F1";
const char* const kBdk256 = "FEDCBA9876543210F1F1F1F1F1F1F1F1FEDCBA9876543210F1F1F1F1F1F1F1F1";
const char* const kInitialKeyId = "1234567890123456";
const char* const kIk128 = "1273671EA26AC29AFA4D1084127652A1";
const char* const kIk256 = "CE9CE0C101D1138F97FB6CAD4DF045A7083D4EAE2D35A31789D01CCF0949550F";

KeySerialNumber ksnWith(std::uint32_t counter)
{
    return KeySerialNumber::make(hex(kInitialKeyId), counter).value();
}

Bytes toBytes(const pin::SecretBytes& secret)
{
    return Bytes(secret.view().begin(), secret.view().end());
}
} // namespace

class TestDukpt : public QObject
{
    Q_OBJECT

private slots:
    void initialKey_data();
    void initialKey();
    void transactionKey_data();
    void transactionKey();
    void workingKey_data();
    void workingKey();
    void derivationDataLayout();
    void workingKeysBundle();
    void strongerWorkingKeyRefused();
    void ksnParsing();
    void nextCounter_data();
    void nextCounter();
    void invalidCounters_data();
    void invalidCounters();
    void terminalMatchesHost();
    void terminalSkipsAndExhausts();
    void terminalResumeRefusesBadCounter();
    void badKeyLengths();
};

void TestDukpt::initialKey_data()
{
    QTest::addColumn<Bytes>("bdk");
    QTest::addColumn<Bytes>("expected");
    QTest::addRow("aes128-bdk") << hex(kBdk128) << hex(kIk128);
    QTest::addRow("aes256-bdk") << hex(kBdk256) << hex(kIk256);
}

void TestDukpt::initialKey()
{
    QFETCH(Bytes, bdk);
    QFETCH(Bytes, expected);
    auto ik = KeyDerivation::initialKey(bdk, hex(kInitialKeyId));
    QVERIFY(ik.ok());
    QCOMPARE(toBytes(*ik), expected);
}

void TestDukpt::transactionKey_data()
{
    QTest::addColumn<Bytes>("bdk");
    QTest::addColumn<Bytes>("initialKey");
    QTest::addColumn<quint32>("counter");
    QTest::addColumn<Bytes>("expected");
    struct Row
    {
        quint32 counter;
        const char* key;
    };
    // AES-128 BDK: first eight KSNs (supplement p. 2), rollover (p. 5), last four (p. 6).
    const Row aes128[] = {
        {0x00000001, "4F21B565BAD9835E112B6465635EAE44"},
        {0x00000002, "2F34D68DE10F68D38091A73B9E7C437C"},
        {0x00000003, "031504E530365CF81264238540518318"},
        {0x00000004, "0EEFC7ADA628BA68878DA9165A8A1887"},
        {0x00000005, "C2A7AC328A5DA2D6002D62465BFC028B"},
        {0x00000006, "D30F7D9351DA58448A2F5E92B4EE3B7D"},
        {0x00000007, "A8253CEED9AC042C54F75D35C8352278"},
        {0x00000008, "718EE6CF0B27E53D5F7AF99C4D8146A2"},
        {0x0001FFFE, "E21E8C8D347F8561A2BE752DAA85A111"},
        {0x00020000, "F7AE9025468A25D37B7249CFFED224C8"},
        {0x00020001, "692C8EA4013645135B36497131DF9D2C"},
        {0xFFFE2000, "48E585B694EB0B18D5C35443E163C0BA"},
        {0xFFFE4000, "396C2C7CA1EA701C03B86B7D41F0C562"},
        {0xFFFE8000, "0387625F189B58AE03EF0E8CCA41105E"},
        {0xFFFF0000, "F6BA59389BD14A9855BE9727E7C52E3C"},
    };
    for (const Row& row : aes128)
        QTest::addRow("aes128-%08X", row.counter)
            << hex(kBdk128) << hex(kIk128) << row.counter << hex(row.key);
    // AES-256 BDK: first eight (p. 7), rollover (p. 10), last four (p. 12).
    const Row aes256[] = {
        {0x00000001, "54AC2B32B145EA4A554CB8BC44B17467063A799856B1CCC2A138D36E8DBF78B3"},
        {0x00000002, "5DD5A0253842BBBE1D7C0DA27021412C6F1FAB53FB928DEAE56DA06090A9DE97"},
        {0x00000003, "8EEEF7C464AE415BB1D73FAED21993CD669F7999092A579EC6DD3CC680C65171"},
        {0x00000004, "C18CBED570B3B89ECADA7CEC9C224CD5A86ECF3DE377D3EFAB720F8C4D76B9D0"},
        {0x00000005, "6B3C3C93307151C25DC2309456F01C5C3108DAD571C321899A9B7E0C009FD2EB"},
        {0x00000006, "B8BB61AE3E2D5CD8C699E0C578FB2C7B89B0C0CF02DBAB60864D8049C986C844"},
        {0x00000007, "88D0ACA287B3066F5DE0C93396337D4C2DA8D92C1F720A576D62CEB4C979E01E"},
        {0x00000008, "20A796D5077D51B8E7613893A4F095B134E02917DC84BD391F3661D0873FF308"},
        {0x0001FFFE, "A289508CBF1228452CD86AB77B15CB35577AC828C18BB66681E5A16D6C9CCED3"},
        {0x00020000, "D62DDA94A47D7DA5D763443B4ECB15EA8DD62E0E4F915958BA459591F8312E37"},
        {0x00020001, "44110A1102748D4A3AC326F53D8CAC650212590CA7126D54546DDE0F20E89CEE"},
        {0xFFFE2000, "4625EB06E4886D4AFCC9AE37ED4F4E4E1653C9E60E3F24742A87A26AA96AB7A6"},
        {0xFFFE4000, "FF20E1BB575539ACCB44E3111BE8757F83AE8549A2DD71B441A4A424F7FFD4B1"},
        {0xFFFE8000, "630535C9C53E1EC6524016930B56F6728909C45403536B419AEBCB25B7351C07"},
        {0xFFFF0000, "6D6DB7AAAE8B3EA90E57A39E4BBA71E173B21B446B30A78D64BFC6A8806C55EE"},
    };
    for (const Row& row : aes256)
        QTest::addRow("aes256-%08X", row.counter)
            << hex(kBdk256) << hex(kIk256) << row.counter << hex(row.key);
}

void TestDukpt::transactionKey()
{
    QFETCH(Bytes, bdk);
    QFETCH(Bytes, initialKey);
    QFETCH(quint32, counter);
    QFETCH(Bytes, expected);
    const KeySerialNumber ksn = ksnWith(counter);
    auto fromIk = KeyDerivation::transactionKey(initialKey, ksn);
    QVERIFY(fromIk.ok());
    QCOMPARE(toBytes(*fromIk), expected);
    auto fromBdk = KeyDerivation::transactionKeyFromBdk(bdk, ksn);
    QVERIFY(fromBdk.ok());
    QCOMPARE(toBytes(*fromBdk), expected);
    // The terminal side, rebuilt at this counter, hands out the same key.
    auto terminal = DukptTerminal::resume(initialKey, hex(kInitialKeyId), counter);
    QVERIFY(terminal.ok());
    auto next = terminal->nextTransaction();
    QVERIFY(next.ok());
    QCOMPARE(next->ksn, ksn);
    QCOMPARE(toBytes(next->key), expected);
}

void TestDukpt::workingKey_data()
{
    QTest::addColumn<quint32>("counter");
    QTest::addColumn<KeyUsage>("usage");
    QTest::addColumn<Bytes>("expected");
    // AES-128 BDK, AES-128 working keys of the first eight KSNs (supplement p. 2).
    const char* const pinKeys[] = {
        "AF8CB133A78F8DC2D1359F18527593FB", "D30BDC73EC9714B000BEC66BDB7B6D09",
        "7D69F01F3B45449F62C7816ECE723268", "91A0588318EC2673214271F70137896E",
        "35A43BC9EFEB09C756204B57E3FB7D4D", "02DCC6CD1201A3A2CA7099559C862123",
        "6ECF912F3B18CA11A7A27BB60705FD09", "4D9DF3FBEE3448FC3E676D04320A90F5",
    };
    const char* const macKeys[] = {
        "A2DC23DE6FDE0824A2BC321E08E4B8B7", "484C3B06E8562704528CD5B46FB12FB6",
        "A5DF7D9D800CA769766F0C77CA4E6E6C", "E6E4679647D8A9057C1FC15537CB4C4E",
        "0588185FE1FF8C7E22FAD78C1C61F065", "7B60F72A5639C0EE7EB2100FA80BB793",
        "BAA08CA263C69525BC6B1BA8F4275D69", "6FD572E5D59E618875F193484F9178FB",
    };
    const char* const dataKeys[] = {
        "A35C412EFD41FDB98B69797C02DCD08F", "D639514AA33AC43AD9229E433D6D4E5B",
        "EF17F6AB45B4820C93A3DCB21BC491AD", "B3BD44C08BB6BA27C3BB4711D7D70387",
        "CA02DF6F30B39E14BD0B4A30E460920F", "C9B8A7C4E486180B2229115164F0B293",
        "0FA8F1F0A2DD7B1005A862D77CDED698", "650F34204ABD4E57764D61AC3D266FB1",
    };
    for (quint32 i = 0; i < 8; ++i) {
        QTest::addRow("pin-%u", i + 1) << i + 1 << KeyUsage::PinEncryption << hex(pinKeys[i]);
        QTest::addRow("mac-generation-%u", i + 1)
            << i + 1 << KeyUsage::MacGeneration << hex(macKeys[i]);
        QTest::addRow("data-encrypt-%u", i + 1)
            << i + 1 << KeyUsage::DataEncryptionEncrypt << hex(dataKeys[i]);
    }
}

void TestDukpt::workingKey()
{
    QFETCH(quint32, counter);
    QFETCH(KeyUsage, usage);
    QFETCH(Bytes, expected);
    const KeySerialNumber ksn = ksnWith(counter);
    auto transaction = KeyDerivation::transactionKeyFromBdk(hex(kBdk128), ksn);
    QVERIFY(transaction.ok());
    auto key = KeyDerivation::workingKey(transaction->view(), ksn, usage, KeyType::Aes128);
    QVERIFY(key.ok());
    QCOMPARE(toBytes(*key), expected);
}

void TestDukpt::derivationDataLayout()
{
    // 6.3: version, block counter, usage, algorithm, length, then ID/counter.
    const auto initial = KeyDerivation::derivationData(KeyUsage::KeyDerivationInitialKey,
                                                       KeyType::Aes256, hex(kInitialKeyId), 0);
    QCOMPARE(Bytes(initial.begin(), initial.end()), hex("0101800100040100 1234567890123456"));
    const auto pinData = KeyDerivation::derivationData(KeyUsage::PinEncryption, KeyType::Aes128,
                                                       hex(kInitialKeyId), 0x00020001);
    QCOMPARE(Bytes(pinData.begin(), pinData.end()), hex("0101100000020080 9012345600020001"));
}

void TestDukpt::workingKeysBundle()
{
    const KeySerialNumber ksn = ksnWith(1);
    auto keys = KeyDerivation::hostWorkingKeys(hex(kBdk128), ksn);
    QVERIFY(keys.ok());
    QCOMPARE(keys->type, KeyType::Aes128);
    QCOMPARE(toBytes(keys->pinEncryption), hex("AF8CB133A78F8DC2D1359F18527593FB"));
    QCOMPARE(toBytes(keys->macGeneration), hex("A2DC23DE6FDE0824A2BC321E08E4B8B7"));
    QCOMPARE(toBytes(keys->dataEncryption), hex("A35C412EFD41FDB98B69797C02DCD08F"));
    // No published vector for 2001 / 3001: they must at least differ from
    // their siblings and from each other.
    QCOMPARE(keys->macVerification.size(), std::size_t{16});
    QVERIFY(!keys->macVerification.equals(keys->macGeneration.view()));
    QVERIFY(!keys->dataDecryption.equals(keys->dataEncryption.view()));
    QVERIFY(!keys->macVerification.equals(keys->dataDecryption.view()));

    // An AES-256 BDK gives AES-256 working keys by default, AES-128 on request.
    auto wide = KeyDerivation::hostWorkingKeys(hex(kBdk256), ksn);
    QVERIFY(wide.ok());
    QCOMPARE(wide->pinEncryption.size(), std::size_t{32});
    auto narrow = KeyDerivation::hostWorkingKeys(hex(kBdk256), ksn, KeyType::Aes128);
    QVERIFY(narrow.ok());
    QCOMPARE(narrow->pinEncryption.size(), std::size_t{16});
    QVERIFY(!narrow->pinEncryption.equals(wide->pinEncryption.view().first(16)));
}

void TestDukpt::strongerWorkingKeyRefused()
{
    const KeySerialNumber ksn = ksnWith(1);
    auto key =
        KeyDerivation::workingKey(hex(kIk128), ksn, KeyUsage::PinEncryption, KeyType::Aes256);
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code, ErrorCode::InvalidArgument);
}

void TestDukpt::ksnParsing()
{
    auto ksn = KeySerialNumber::fromHex("123456789012345600020001");
    QVERIFY(ksn.ok());
    QCOMPARE(Bytes(ksn->initialKeyId().begin(), ksn->initialKeyId().end()), hex(kInitialKeyId));
    QCOMPARE(Bytes(ksn->derivationId().begin(), ksn->derivationId().end()), hex("90123456"));
    QCOMPARE(ksn->counter(), quint32{0x00020001});
    QCOMPARE(ksn->hex(), std::string("123456789012345600020001"));
    QVERIFY(ksn->isValid());
    QVERIFY(!KeySerialNumber::fromHex("FFFF9876543210E00001").ok()); // a 10-byte TDES KSN
    QVERIFY(!KeySerialNumber::make(hex("12345678"), 1).ok());
    QVERIFY(!KeySerialNumber().isValid());
}

void TestDukpt::nextCounter_data()
{
    QTest::addColumn<quint32>("counter");
    QTest::addColumn<quint32>("next");
    QTest::addRow("start") << 0u << 1u;
    QTest::addRow("plus-one") << 7u << 8u;
    QTest::addRow("fifteen-ones") << 0x7FFFu << 0x8000u;
    // The supplement skips 0x1FFFF (17 one bits).
    QTest::addRow("sixteen-ones-skip") << 0x1FFFEu << 0x20000u;
    QTest::addRow("sixteen-ones-low") << 0xFFFFu << 0x10000u;
    QTest::addRow("last-four-1") << 0xFFFE2000u << 0xFFFE4000u;
    QTest::addRow("last-four-2") << 0xFFFE4000u << 0xFFFE8000u;
    QTest::addRow("last-four-3") << 0xFFFE8000u << 0xFFFF0000u;
    QTest::addRow("exhausted") << 0xFFFF0000u << 0u;
}

void TestDukpt::nextCounter()
{
    QFETCH(quint32, counter);
    QFETCH(quint32, next);
    QCOMPARE(KeySerialNumber::nextCounter(counter), next);
    auto following = ksnWith(counter).next();
    QCOMPARE(following.ok(), next != 0);
    if (following.ok()) {
        QCOMPARE(following->counter(), next);
        QVERIFY(following->isValid());
    } else {
        QVERIFY(QString::fromStdString(following.error().message).contains("exhausted"));
    }
}

void TestDukpt::invalidCounters_data()
{
    QTest::addColumn<quint32>("counter");
    QTest::addRow("zero") << 0u;
    QTest::addRow("seventeen-ones") << 0x1FFFFu;
    QTest::addRow("all-ones") << 0xFFFFFFFFu;
}

void TestDukpt::invalidCounters()
{
    QFETCH(quint32, counter);
    QVERIFY(!KeySerialNumber::isValidCounter(counter));
    auto key = KeyDerivation::transactionKey(hex(kIk128), ksnWith(counter));
    QVERIFY(!key.ok());
    QCOMPARE(key.error().code, ErrorCode::InvalidArgument);
}

void TestDukpt::terminalMatchesHost()
{
    // The register algorithm and the host's derivation agree for every one
    // of the first 4100 transactions (a counter walk through every pattern
    // of the low 12 bits), KSN by KSN.
    auto terminal = DukptTerminal::load(hex(kIk128), hex(kInitialKeyId));
    QVERIFY(terminal.ok());
    QCOMPARE(terminal->currentKsn().counter(), quint32{1});
    for (quint32 expected = 1; expected <= 4100; ++expected) {
        auto next = terminal->nextTransaction();
        QVERIFY(next.ok());
        QCOMPARE(next->ksn.counter(), expected);
        auto host = KeyDerivation::transactionKey(hex(kIk128), next->ksn);
        QVERIFY(host.ok());
        QVERIFY2(next->key.equals(host->view()), qPrintable(QString::number(expected)));
    }
}

void TestDukpt::terminalSkipsAndExhausts()
{
    // Around a skip: from 0x1FFF0 the terminal walks to 0x1FFFE, skips
    // 0x1FFFF and goes on at 0x20000 with the published key.
    auto terminal = DukptTerminal::resume(hex(kIk128), hex(kInitialKeyId), 0x1FFF0);
    QVERIFY(terminal.ok());
    quint32 last = 0;
    for (int i = 0; i < 17; ++i) { // 0x1FFF0..0x1FFFE, 0x20000, 0x20001
        auto next = terminal->nextTransaction();
        QVERIFY(next.ok());
        auto host = KeyDerivation::transactionKey(hex(kIk128), next->ksn);
        QVERIFY(host.ok());
        QVERIFY(next->key.equals(host->view()));
        QVERIFY(next->ksn.counter() != 0x1FFFFu);
        last = next->ksn.counter();
        if (last == 0x20000u)
            QCOMPARE(toBytes(next->key), hex("F7AE9025468A25D37B7249CFFED224C8"));
    }
    QCOMPARE(last, quint32{0x20001});

    // The last four published KSNs, then exhaustion.
    auto end = DukptTerminal::resume(hex(kIk128), hex(kInitialKeyId), 0xFFFE2000);
    QVERIFY(end.ok());
    const char* const lastKeys[] = {
        "48E585B694EB0B18D5C35443E163C0BA",
        "396C2C7CA1EA701C03B86B7D41F0C562",
        "0387625F189B58AE03EF0E8CCA41105E",
        "F6BA59389BD14A9855BE9727E7C52E3C",
    };
    for (const char* key : lastKeys) {
        QVERIFY(!end->exhausted());
        auto next = end->nextTransaction();
        QVERIFY(next.ok());
        QCOMPARE(toBytes(next->key), hex(key));
    }
    QVERIFY(end->exhausted());
    auto none = end->nextTransaction();
    QVERIFY(!none.ok());
    QVERIFY(QString::fromStdString(none.error().message).contains("exhausted"));
}

void TestDukpt::terminalResumeRefusesBadCounter()
{
    QVERIFY(!DukptTerminal::resume(hex(kIk128), hex(kInitialKeyId), 0).ok());
    QVERIFY(!DukptTerminal::resume(hex(kIk128), hex(kInitialKeyId), 0x1FFFF).ok());
    QVERIFY(!DukptTerminal::load(hex(kIk128), hex("1234")).ok());
}

void TestDukpt::badKeyLengths()
{
    QCOMPARE(KeyDerivation::initialKey(hex("0011223344556677"), hex(kInitialKeyId)).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(KeyDerivation::initialKey(hex(kBdk128), hex("1234")).error().code,
             ErrorCode::InvalidArgument);
    QCOMPARE(KeyDerivation::transactionKey(Bytes(20, 0x11), ksnWith(1)).error().code,
             ErrorCode::InvalidArgument);
    QVERIFY(!DukptTerminal::load(Bytes(8, 0x11), hex(kInitialKeyId)).ok());
}

QTEST_GUILESS_MAIN(TestDukpt)
#include "tst_dukpt.moc"
