#include "crypto/Cmac.h"
#include "crypto/EmvMac.h"
#include "crypto/Iso9797Mac.h"

#include "support/TestBytes.h"

#include <QTest>

#include <cstring>

using namespace cardlink;
using cardlink::test::hex;
using namespace cardlink::crypto;

Q_DECLARE_METATYPE(cardlink::Bytes)
Q_DECLARE_METATYPE(cardlink::crypto::CipherAlgorithm)
Q_DECLARE_METATYPE(cardlink::crypto::Padding)

namespace {
Bytes ascii(const char* text)
{
    return Bytes(text, text + std::strlen(text));
}

// ISO/IEC 9797-1:1999, Annex B: keys K, K' and the message of its examples.
constexpr const char* kIsoK = "0123456789ABCDEF";
constexpr const char* kIsoKKPrime = "0123456789ABCDEF FEDCBA9876543210";
constexpr const char* kIsoMessage = "Now is the time for all ";

// NIST SP 800-38B (CMAC examples) / RFC 4493, section 4: message prefixes of
// 0, 16 (8 for TDEA), 40 (20) and 64 (32) bytes.
constexpr const char* kCmacMessage = "6BC1BEE22E409F96E93D7E117393172A"
                                     "AE2D8A571E03AC9C9EB76FAC45AF8E51"
                                     "30C81C46A35CE411E5FBC1191A0A52EF"
                                     "F69F2445DF4F9B17AD2B417BE66C3710";

Bytes cmacMessage(int length)
{
    Bytes all = hex(kCmacMessage);
    all.resize(static_cast<std::size_t>(length));
    return all;
}
} // namespace

class TestCryptoMac : public QObject
{
    Q_OBJECT

private slots:
    void iso9797Algorithm1_data()
    {
        QTest::addColumn<Bytes>("key");
        QTest::addColumn<Bytes>("data");
        QTest::addColumn<Padding>("padding");
        QTest::addColumn<Bytes>("mac");

        // ISO/IEC 9797-1:1999, Annex B, MAC algorithm 1, padding method 1.
        QTest::addRow("iso-annexb-pad1")
            << hex(kIsoK) << ascii(kIsoMessage) << Padding::Method1 << hex("70A30640CC76DD8B");
        // Padding method 2 on the same message: expected value computed
        // independently with `openssl enc -des-ede3-cbc -K KKK -iv 0 -nopad`
        // over the message || 80 00..00, last block.
        QTest::addRow("iso-msg-pad2")
            << hex(kIsoK) << ascii(kIsoMessage) << Padding::Method2 << hex("10E1F0F108341B6D");
        // FIPS 81 CBC example with a zero IV = its ECB first block.
        QTest::addRow("one-block")
            << hex(kIsoK) << ascii("Now is t") << Padding::Method1 << hex("3FA40E8A984D4815");
    }
    void iso9797Algorithm1()
    {
        QFETCH(Bytes, key);
        QFETCH(Bytes, data);
        QFETCH(Padding, padding);
        QFETCH(Bytes, mac);

        auto out = iso9797Mac1(CipherAlgorithm::Des, key, data, padding);
        QVERIFY2(out.ok(), out ? "" : out.error().describe().c_str());
        QCOMPARE(toHex(*out), toHex(mac));
        auto truncated = iso9797Mac1(CipherAlgorithm::Des, key, data, padding, 4);
        QVERIFY(truncated.ok());
        QCOMPARE(toHex(*truncated), toHex(ByteView(mac).first(4)));
    }

    void iso9797Algorithm3_data()
    {
        QTest::addColumn<Bytes>("key");
        QTest::addColumn<Bytes>("data");
        QTest::addColumn<Padding>("padding");
        QTest::addColumn<Bytes>("mac");

        // ISO/IEC 9797-1:1999, Annex B, MAC algorithm 3, padding method 1.
        QTest::addRow("iso-annexb-pad1") << hex(kIsoKKPrime) << ascii(kIsoMessage)
                                         << Padding::Method1 << hex("A1C72E74EA3FA9B6");
        // Padding method 2: computed independently with the openssl CLI
        // (DES-CBC under K over the padded message, then D_K', E_K).
        QTest::addRow("iso-msg-pad2") << hex(kIsoKKPrime) << ascii(kIsoMessage) << Padding::Method2
                                      << hex("E9086230CA3BE796");
        // A single block: alg 3 reduces to two-key TDES of the block, whose
        // value for a zero block under this key is the 08D7B4FB... KCV block.
        QTest::addRow("one-zero-block")
            << hex(kIsoKKPrime) << Bytes(8, 0) << Padding::Method1 << hex("08D7B4FB629D0885");
    }
    void iso9797Algorithm3()
    {
        QFETCH(Bytes, key);
        QFETCH(Bytes, data);
        QFETCH(Padding, padding);
        QFETCH(Bytes, mac);

        auto out = iso9797Mac3(key, data, padding);
        QVERIFY2(out.ok(), out ? "" : out.error().describe().c_str());
        QCOMPARE(toHex(*out), toHex(mac));
        // EMV's A1.2.1 MAC is algorithm 3, so emvMac must agree.
        auto emv = emvMac(CipherAlgorithm::Des, key, data, 8, padding);
        QVERIFY(emv.ok());
        QCOMPARE(toHex(*emv), toHex(mac));
    }

    // With K' = K algorithm 3 collapses to algorithm 1 (D_K then E_K cancel).
    void algorithm3WithEqualKeysIsAlgorithm1()
    {
        const Bytes k = hex(kIsoK);
        Bytes kk = k;
        kk.insert(kk.end(), k.begin(), k.end());
        const Bytes data = ascii("a message that spans several blocks");
        auto a1 = iso9797Mac1(CipherAlgorithm::Des, k, data, Padding::Method2);
        auto a3 = iso9797Mac3(kk, data, Padding::Method2);
        QVERIFY(a1.ok() && a3.ok());
        QCOMPARE(toHex(*a3), toHex(*a1));
    }

    void cmacVectors_data()
    {
        QTest::addColumn<CipherAlgorithm>("algorithm");
        QTest::addColumn<Bytes>("key");
        QTest::addColumn<int>("length");
        QTest::addColumn<Bytes>("mac");

        const auto aes = CipherAlgorithm::Aes;
        const auto des = CipherAlgorithm::Des;
        // RFC 4493, section 4, examples 1-4 (= SP 800-38B AES-128 examples).
        const Bytes k128 = hex("2B7E151628AED2A6ABF7158809CF4F3C");
        QTest::addRow("rfc4493-ex1-len0")
            << aes << k128 << 0 << hex("BB1D6929E95937287FA37D129B756746");
        QTest::addRow("rfc4493-ex2-len16")
            << aes << k128 << 16 << hex("070A16B46B4D4144F79BDD9DD04A287C");
        QTest::addRow("rfc4493-ex3-len40")
            << aes << k128 << 40 << hex("DFA66747DE9AE63030CA32611497C827");
        QTest::addRow("rfc4493-ex4-len64")
            << aes << k128 << 64 << hex("51F0BEBF7E3B9D92FC49741779363CFE");
        // NIST SP 800-38B examples, AES-192.
        const Bytes k192 = hex("8E73B0F7DA0E6452C810F32B809079E562F8EAD2522C6B7B");
        QTest::addRow("sp800-38b-aes192-len0")
            << aes << k192 << 0 << hex("D17DDF46ADAACDE531CAC483DE7A9367");
        QTest::addRow("sp800-38b-aes192-len16")
            << aes << k192 << 16 << hex("9E99A7BF31E710900662F65E617C5184");
        QTest::addRow("sp800-38b-aes192-len40")
            << aes << k192 << 40 << hex("8A1DE5BE2EB31AAD089A82E6EE908B0E");
        QTest::addRow("sp800-38b-aes192-len64")
            << aes << k192 << 64 << hex("A1D5DF0EED790F794D77589659F39A11");
        // NIST SP 800-38B examples, AES-256.
        const Bytes k256 = hex("603DEB1015CA71BE2B73AEF0857D77811F352C073B6108D72D9810A30914DFF4");
        QTest::addRow("sp800-38b-aes256-len0")
            << aes << k256 << 0 << hex("028962F61B7BF89EFC6B551F4667D983");
        QTest::addRow("sp800-38b-aes256-len16")
            << aes << k256 << 16 << hex("28A7023F452E8F82BD4BF28D8C37C35C");
        QTest::addRow("sp800-38b-aes256-len40")
            << aes << k256 << 40 << hex("AAF3D8F1DE5640C232F5B169B9C911E6");
        QTest::addRow("sp800-38b-aes256-len64")
            << aes << k256 << 64 << hex("E1992190549F6ED5696A2C056C315410");
        // NIST SP 800-38B examples, three-key TDEA.
        const Bytes tdes3 = hex("8AA83BF8CBDA1062 0BC1BF19FBB6CD58 BC313D4A371CA8B5");
        QTest::addRow("sp800-38b-tdea3-len0") << des << tdes3 << 0 << hex("B7A688E122FFAF95");
        QTest::addRow("sp800-38b-tdea3-len8") << des << tdes3 << 8 << hex("8E8F293136283797");
        QTest::addRow("sp800-38b-tdea3-len20") << des << tdes3 << 20 << hex("743DDBE0CE2DC2ED");
        QTest::addRow("sp800-38b-tdea3-len32") << des << tdes3 << 32 << hex("33E6B1092400EAE5");
        // NIST SP 800-38B examples, two-key TDEA (Key3 = Key1), given as 16 bytes.
        const Bytes tdes2 = hex("4CF15134A2850DD5 8A3D10BA80570D38");
        QTest::addRow("sp800-38b-tdea2-len0") << des << tdes2 << 0 << hex("BD2EBF9A3BA00361");
        QTest::addRow("sp800-38b-tdea2-len8") << des << tdes2 << 8 << hex("4FF2AB813C53CE83");
        QTest::addRow("sp800-38b-tdea2-len20") << des << tdes2 << 20 << hex("62DD1B471902BD4E");
        QTest::addRow("sp800-38b-tdea2-len32") << des << tdes2 << 32 << hex("31B1E431DABC4EB8");
    }
    void cmacVectors()
    {
        QFETCH(CipherAlgorithm, algorithm);
        QFETCH(Bytes, key);
        QFETCH(int, length);
        QFETCH(Bytes, mac);

        auto out = cmac(algorithm, key, cmacMessage(length));
        QVERIFY2(out.ok(), out ? "" : out.error().describe().c_str());
        QCOMPARE(toHex(*out), toHex(mac));
        // EMV's AES MAC (Book 2, A1.2.2) is CMAC truncated to 8 bytes.
        auto truncated = cmac(algorithm, key, cmacMessage(length), 8);
        QVERIFY(truncated.ok());
        QCOMPARE(toHex(*truncated), toHex(ByteView(mac).first(8)));
        if (algorithm == CipherAlgorithm::Aes) {
            auto emv = emvMac(algorithm, key, cmacMessage(length));
            QVERIFY(emv.ok());
            QCOMPARE(toHex(*emv), toHex(ByteView(mac).first(8)));
        }
    }

    void rejectsBadArguments()
    {
        const Bytes data(8, 0x01);
        // Algorithm 3 needs exactly K || K'.
        QVERIFY(!iso9797Mac3(Bytes(8, 1), data, Padding::Method2).ok());
        QVERIFY(!iso9797Mac3(Bytes(24, 1), data, Padding::Method2).ok());
        QVERIFY(!iso9797Mac3(Bytes(16, 1), data, Padding::Method2, 9).ok());
        QCOMPARE(iso9797Mac3(Bytes(15, 1), data, Padding::Method2).error().code,
                 ErrorCode::InvalidArgument);
        // Algorithm 1: key lengths of the cipher, MAC no longer than a block.
        QVERIFY(!iso9797Mac1(CipherAlgorithm::Des, Bytes(9, 1), data, Padding::Method1).ok());
        QVERIFY(!iso9797Mac1(CipherAlgorithm::Des, Bytes(8, 1), data, Padding::Method1, 9).ok());
        QVERIFY(iso9797Mac1(CipherAlgorithm::Aes, Bytes(16, 1), data, Padding::Method1, 16).ok());
        // CMAC: no single DES, AES key sizes only, MAC within a block.
        QVERIFY(!cmac(CipherAlgorithm::Des, Bytes(8, 1), data).ok());
        QVERIFY(!cmac(CipherAlgorithm::Aes, Bytes(17, 1), data).ok());
        QVERIFY(!cmac(CipherAlgorithm::Aes, Bytes(16, 1), data, 17).ok());
        QVERIFY(!cmac(CipherAlgorithm::Des, Bytes(16, 1), data, 9).ok());
        // EMV MAC: 1..8 bytes.
        QVERIFY(!emvMac(CipherAlgorithm::Aes, Bytes(16, 1), data, 0).ok());
        QVERIFY(!emvMac(CipherAlgorithm::Aes, Bytes(16, 1), data, 9).ok());
        QVERIFY(!emvMac(CipherAlgorithm::Des, Bytes(24, 1), data).ok());
    }
};

QTEST_GUILESS_MAIN(TestCryptoMac)
#include "tst_crypto_mac.moc"
