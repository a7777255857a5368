#include "crypto/BlockCipher.h"
#include "crypto/KeyCheckValue.h"
#include "crypto/KeyParity.h"
#include "crypto/Padding.h"

#include "support/TestBytes.h"

#include <QTest>

#include <cstring>

using namespace cardlink;
using cardlink::test::hex;
using namespace cardlink::crypto;

Q_DECLARE_METATYPE(cardlink::Bytes)
Q_DECLARE_METATYPE(cardlink::crypto::CipherAlgorithm)
Q_DECLARE_METATYPE(cardlink::crypto::CipherMode)
Q_DECLARE_METATYPE(cardlink::crypto::KcvMethod)
Q_DECLARE_METATYPE(cardlink::crypto::Padding)

namespace {
Bytes ascii(const char* text)
{
    return Bytes(text, text + std::strlen(text));
}

// FIPS 197, Appendix C: the same plaintext under the three key sizes.
constexpr const char* kFips197Plain = "00112233445566778899AABBCCDDEEFF";
// NIST SP 800-38A, Appendix F: key and the first two plaintext blocks.
constexpr const char* kSp80038aKey = "2B7E151628AED2A6ABF7158809CF4F3C";
constexpr const char* kSp80038aPlain =
    "6BC1BEE22E409F96E93D7E117393172A AE2D8A571E03AC9C9EB76FAC45AF8E51";
} // namespace

class TestCryptoBlockCipher : public QObject
{
    Q_OBJECT

private slots:
    // Known answers; each row's source is in its comment.
    void knownAnswer_data()
    {
        QTest::addColumn<CipherAlgorithm>("algorithm");
        QTest::addColumn<CipherMode>("mode");
        QTest::addColumn<Bytes>("key");
        QTest::addColumn<Bytes>("iv");
        QTest::addColumn<Bytes>("plain");
        QTest::addColumn<Bytes>("cipher");

        const auto des = CipherAlgorithm::Des;
        const auto aes = CipherAlgorithm::Aes;
        // FIPS 81 (DES modes of operation), Appendix B, ECB and CBC examples.
        QTest::addRow("des-ecb-fips81")
            << des << CipherMode::Ecb << hex("0123456789ABCDEF") << Bytes{}
            << ascii("Now is the time for all ")
            << hex("3FA40E8A984D4815 6A271787AB8883F9 893D51EC4B563B53");
        QTest::addRow("des-cbc-fips81")
            << des << CipherMode::Cbc << hex("0123456789ABCDEF") << hex("1234567890ABCDEF")
            << ascii("Now is the time for all ")
            << hex("E5C7CDDE872BF27C 43E934008C389C0F 683788499A7C05F6");
        // The worked example of J. O. Grabbe, "The DES Algorithm Illustrated".
        QTest::addRow("des-ecb-grabbe")
            << des << CipherMode::Ecb << hex("133457799BBCDFF1") << Bytes{}
            << hex("0123456789ABCDEF") << hex("85E813540F0AB405");
        // NIST SP 800-67 Rev. 2, TDEA example (the standard's own "qufck").
        QTest::addRow("tdes3-ecb-sp800-67")
            << des << CipherMode::Ecb << hex("0123456789ABCDEF 23456789ABCDEF01 456789ABCDEF0123")
            << Bytes{} << ascii("The qufck brown fox jump")
            << hex("A826FD8CE53B855F CCE21C8112256FE6 68D5C05DD9B6B900");
        // Two-key TDES: the widely printed check value 08D7B4 of this test key
        // (first 3 bytes); the full block from `openssl enc -des-ede -nopad`.
        QTest::addRow("tdes2-ecb-zero")
            << des << CipherMode::Ecb << hex("0123456789ABCDEFFEDCBA9876543210") << Bytes{}
            << Bytes(8, 0) << hex("08D7B4FB629D0885");
        QTest::addRow("aes128-ecb-fips197")
            << aes << CipherMode::Ecb << hex("000102030405060708090A0B0C0D0E0F") << Bytes{}
            << hex(kFips197Plain) << hex("69C4E0D86A7B0430D8CDB78070B4C55A");
        QTest::addRow("aes192-ecb-fips197")
            << aes << CipherMode::Ecb << hex("000102030405060708090A0B0C0D0E0F1011121314151617")
            << Bytes{} << hex(kFips197Plain) << hex("DDA97CA4864CDFE06EAF70A0EC0D7191");
        QTest::addRow("aes256-ecb-fips197")
            << aes << CipherMode::Ecb
            << hex("000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F") << Bytes{}
            << hex(kFips197Plain) << hex("8EA2B7CA516745BFEAFC49904B496089");
        QTest::addRow("aes128-ecb-sp800-38a")
            << aes << CipherMode::Ecb << hex(kSp80038aKey) << Bytes{} << hex(kSp80038aPlain)
            << hex("3AD77BB40D7A3660A89ECAF32466EF97 F5D3D58503B9699DE785895A96FDBAAF");
        QTest::addRow("aes128-cbc-sp800-38a")
            << aes << CipherMode::Cbc << hex(kSp80038aKey)
            << hex("000102030405060708090A0B0C0D0E0F") << hex(kSp80038aPlain)
            << hex("7649ABAC8119B246CEE98E9B12E9197D 5086CB9B507219EE95DB113A917678B2");
    }
    void knownAnswer()
    {
        QFETCH(CipherAlgorithm, algorithm);
        QFETCH(CipherMode, mode);
        QFETCH(Bytes, key);
        QFETCH(Bytes, iv);
        QFETCH(Bytes, plain);
        QFETCH(Bytes, cipher);

        auto encrypted = encrypt(algorithm, key, plain, mode, iv);
        QVERIFY2(encrypted.ok(), encrypted ? "" : encrypted.error().describe().c_str());
        QCOMPARE(toHex(*encrypted), toHex(cipher));
        auto decrypted = decrypt(algorithm, key, cipher, mode, iv);
        QVERIFY(decrypted.ok());
        QCOMPARE(toHex(*decrypted), toHex(plain));

        if (mode == CipherMode::Ecb) {
            const std::size_t n = blockSize(algorithm);
            auto block = encryptBlock(algorithm, key, ByteView(plain).first(n));
            QVERIFY(block.ok());
            QCOMPARE(toHex(*block), toHex(ByteView(cipher).first(n)));
            auto back = decryptBlock(algorithm, key, *block);
            QVERIFY(back.ok());
            QCOMPARE(toHex(*back), toHex(ByteView(plain).first(n)));
        }
    }

    // Zero IV is the default; an explicit zero IV gives the same result.
    void cbcDefaultIvIsZero()
    {
        const Bytes key = hex("0123456789ABCDEFFEDCBA9876543210");
        const Bytes data = ascii("Now is the time for all ");
        auto implicitIv = encrypt(CipherAlgorithm::Des, key, data, CipherMode::Cbc);
        auto explicitIv = encrypt(CipherAlgorithm::Des, key, data, CipherMode::Cbc, Bytes(8, 0));
        QVERIFY(implicitIv.ok() && explicitIv.ok());
        QCOMPARE(toHex(*implicitIv), toHex(*explicitIv));
        // CBC with a zero IV: the first block equals the ECB block.
        auto ecb = encryptBlock(CipherAlgorithm::Des, key, ByteView(data).first(8));
        QVERIFY(ecb.ok());
        QCOMPARE(toHex(ByteView(*implicitIv).first(8)), toHex(*ecb));
    }

    // Two-key TDES K1 K2 is three-key TDES K1 K2 K1 (ANSI X9.52 keying
    // option 2); single DES K is TDES K K K.
    void keyingOptions()
    {
        const Bytes k1 = hex("0123456789ABCDEF");
        const Bytes k2 = hex("FEDCBA9876543210");
        const Bytes block = hex("4E6F772069732074");
        Bytes twoKey = k1;
        twoKey.insert(twoKey.end(), k2.begin(), k2.end());
        Bytes threeKey = twoKey;
        threeKey.insert(threeKey.end(), k1.begin(), k1.end());
        auto a = encryptBlock(CipherAlgorithm::Des, twoKey, block);
        auto b = encryptBlock(CipherAlgorithm::Des, threeKey, block);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(toHex(*a), toHex(*b));
        QVERIFY(toHex(*a) != "3FA40E8A984D4815"); // not single DES under K1
    }

    void rejectsBadInput_data()
    {
        QTest::addColumn<CipherAlgorithm>("algorithm");
        QTest::addColumn<CipherMode>("mode");
        QTest::addColumn<Bytes>("key");
        QTest::addColumn<Bytes>("iv");
        QTest::addColumn<Bytes>("data");

        const auto des = CipherAlgorithm::Des;
        const auto aes = CipherAlgorithm::Aes;
        QTest::addRow("des-key-7")
            << des << CipherMode::Ecb << Bytes(7, 1) << Bytes{} << Bytes(8, 0);
        QTest::addRow("des-key-12")
            << des << CipherMode::Ecb << Bytes(12, 1) << Bytes{} << Bytes(8, 0);
        QTest::addRow("des-key-32")
            << des << CipherMode::Ecb << Bytes(32, 1) << Bytes{} << Bytes(8, 0);
        QTest::addRow("aes-key-8")
            << aes << CipherMode::Ecb << Bytes(8, 1) << Bytes{} << Bytes(16, 0);
        QTest::addRow("aes-key-20")
            << aes << CipherMode::Ecb << Bytes(20, 1) << Bytes{} << Bytes(16, 0);
        QTest::addRow("aes-key-empty")
            << aes << CipherMode::Ecb << Bytes{} << Bytes{} << Bytes(16, 0);
        QTest::addRow("des-data-7")
            << des << CipherMode::Ecb << Bytes(16, 1) << Bytes{} << Bytes(7, 0);
        QTest::addRow("aes-data-8")
            << aes << CipherMode::Ecb << Bytes(16, 1) << Bytes{} << Bytes(8, 0);
        QTest::addRow("aes-data-17")
            << aes << CipherMode::Cbc << Bytes(16, 1) << Bytes{} << Bytes(17, 0);
        QTest::addRow("des-iv-16")
            << des << CipherMode::Cbc << Bytes(16, 1) << Bytes(16, 0) << Bytes(8, 0);
        QTest::addRow("aes-iv-8") << aes << CipherMode::Cbc << Bytes(16, 1) << Bytes(8, 0)
                                  << Bytes(16, 0);
    }
    void rejectsBadInput()
    {
        QFETCH(CipherAlgorithm, algorithm);
        QFETCH(CipherMode, mode);
        QFETCH(Bytes, key);
        QFETCH(Bytes, iv);
        QFETCH(Bytes, data);

        auto e = encrypt(algorithm, key, data, mode, iv);
        QVERIFY(!e.ok());
        QCOMPARE(e.error().code, ErrorCode::InvalidArgument);
        auto d = decrypt(algorithm, key, data, mode, iv);
        QVERIFY(!d.ok());
        QCOMPARE(d.error().code, ErrorCode::InvalidArgument);
    }

    void singleBlockNeedsOneBlock()
    {
        const Bytes key(16, 0x11);
        QVERIFY(!encryptBlock(CipherAlgorithm::Des, key, Bytes(16, 0)).ok());
        QVERIFY(!encryptBlock(CipherAlgorithm::Aes, key, Bytes(8, 0)).ok());
        QVERIFY(!decryptBlock(CipherAlgorithm::Des, key, Bytes{}).ok());
        QVERIFY(encryptBlock(CipherAlgorithm::Des, key, Bytes(8, 0)).ok());
    }

    void emptyDataIsEmpty()
    {
        auto out = encrypt(CipherAlgorithm::Aes, Bytes(16, 0x22), Bytes{}, CipherMode::Cbc);
        QVERIFY(out.ok());
        QVERIFY(out->empty());
    }

    void parity_data()
    {
        QTest::addColumn<Bytes>("key");
        QTest::addColumn<Bytes>("adjusted");
        QTest::addColumn<bool>("wasOdd");

        // Each byte's low bit set so the byte has an odd number of ones.
        QTest::addRow("already-odd") << hex("0123456789ABCDEF") << hex("0123456789ABCDEF") << true;
        QTest::addRow("all-even") << hex("0022446688AACCEE") << hex("0123456789ABCDEF") << false;
        QTest::addRow("zeros-ones") << hex("00FF") << hex("01FE") << false;
        QTest::addRow("grabbe-key") << hex("133457799BBCDFF1") << hex("133457799BBCDFF1") << true;
        QTest::addRow("empty") << Bytes{} << Bytes{} << true;
    }
    void parity()
    {
        QFETCH(Bytes, key);
        QFETCH(Bytes, adjusted);
        QFETCH(bool, wasOdd);

        QCOMPARE(hasOddParity(key), wasOdd);
        QCOMPARE(toHex(withOddParity(key)), toHex(adjusted));
        QVERIFY(hasOddParity(adjusted));
        Bytes inPlace = key;
        adjustOddParity(inPlace);
        QCOMPARE(toHex(inPlace), toHex(adjusted));
    }

    // Parity bits are ignored by DES: adjusting them changes no ciphertext.
    void parityDoesNotChangeCipher()
    {
        const Bytes key = hex("0022446688AACCEE1032547698BADCFE");
        auto a = encryptBlock(CipherAlgorithm::Des, key, Bytes(8, 0x5A));
        auto b = encryptBlock(CipherAlgorithm::Des, withOddParity(key), Bytes(8, 0x5A));
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(toHex(*a), toHex(*b));
    }

    void kcv_data()
    {
        QTest::addColumn<CipherAlgorithm>("algorithm");
        QTest::addColumn<Bytes>("key");
        QTest::addColumn<KcvMethod>("method");
        QTest::addColumn<int>("length");
        QTest::addColumn<Bytes>("expected");

        const auto des = CipherAlgorithm::Des;
        const auto aes = CipherAlgorithm::Aes;
        // 08D7B4: the check value printed for this common TDES test key.
        QTest::addRow("tdes2-legacy") << des << hex("0123456789ABCDEFFEDCBA9876543210")
                                      << KcvMethod::ZeroBlock << 0 << hex("08D7B4");
        // D5D44F: the usual check value of the DES test key 0123456789ABCDEF.
        QTest::addRow("des-legacy")
            << des << hex("0123456789ABCDEF") << KcvMethod::ZeroBlock << 0 << hex("D5D44F");
        QTest::addRow("tdes2-legacy-2bytes") << des << hex("0123456789ABCDEFFEDCBA9876543210")
                                             << KcvMethod::ZeroBlock << 2 << hex("08D7");
        // TDES CMAC KCV: CMAC of one zero block; expected value from
        // `openssl mac -cipher DES-EDE3-CBC -macopt hexkey:<K1K2K1> CMAC` on 8
        // zero bytes (independent computation, no published vector known).
        QTest::addRow("tdes2-cmac") << des << hex("0123456789ABCDEFFEDCBA9876543210")
                                    << KcvMethod::Cmac << 0 << hex("0A82458664");
        // AES legacy: AES-ECB of a zero block = FIPS 197 / SP 800-38B's L for
        // the RFC 4493 key (7DF76B0C 1AB899B3 ...), first 3 bytes.
        QTest::addRow("aes128-legacy")
            << aes << hex(kSp80038aKey) << KcvMethod::ZeroBlock << 0 << hex("7DF76B");
        // AES CMAC KCV (ANSI X9.24-1:2017): CMAC over a zero block, 5 bytes.
        // Expected value from `openssl mac -cipher AES-128-CBC CMAC` on 16
        // zero bytes (independent computation).
        QTest::addRow("aes128-cmac")
            << aes << hex(kSp80038aKey) << KcvMethod::Cmac << 0 << hex("7AD386C376");
    }
    void kcv()
    {
        QFETCH(CipherAlgorithm, algorithm);
        QFETCH(Bytes, key);
        QFETCH(KcvMethod, method);
        QFETCH(int, length);
        QFETCH(Bytes, expected);

        auto value = keyCheckValue(algorithm, key, method, static_cast<std::size_t>(length));
        QVERIFY2(value.ok(), value ? "" : value.error().describe().c_str());
        QCOMPARE(toHex(*value), toHex(expected));
    }

    void kcvRejects()
    {
        QVERIFY(!keyCheckValue(CipherAlgorithm::Des, Bytes(8, 1), KcvMethod::Cmac).ok());
        QVERIFY(!keyCheckValue(CipherAlgorithm::Des, Bytes(16, 1), KcvMethod::ZeroBlock, 9).ok());
        QVERIFY(!keyCheckValue(CipherAlgorithm::Aes, Bytes(16, 1), KcvMethod::Cmac, 17).ok());
        QVERIFY(!keyCheckValue(CipherAlgorithm::Aes, Bytes(15, 1)).ok());
    }

    void padding_data()
    {
        QTest::addColumn<Bytes>("data");
        QTest::addColumn<Padding>("method");
        QTest::addColumn<Bytes>("padded");

        QTest::addRow("m1-empty") << Bytes{} << Padding::Method1 << hex("0000000000000000");
        QTest::addRow("m1-whole") << hex("0102030405060708") << Padding::Method1
                                  << hex("0102030405060708");
        QTest::addRow("m1-short") << hex("010203") << Padding::Method1 << hex("0102030000000000");
        QTest::addRow("m2-empty") << Bytes{} << Padding::Method2 << hex("8000000000000000");
        QTest::addRow("m2-whole") << hex("0102030405060708") << Padding::Method2
                                  << hex("0102030405060708 8000000000000000");
        QTest::addRow("m2-seven") << hex("01020304050607") << Padding::Method2
                                  << hex("0102030405060780");
    }
    void padding()
    {
        QFETCH(Bytes, data);
        QFETCH(Padding, method);
        QFETCH(Bytes, padded);

        QCOMPARE(toHex(pad(data, 8, method)), toHex(padded));
        if (method == Padding::Method2) {
            auto back = unpadMethod2(padded, 8);
            QVERIFY(back.ok());
            QCOMPARE(toHex(*back), toHex(data));
        }
    }

    void unpadRejects_data()
    {
        QTest::addColumn<Bytes>("data");
        QTest::addRow("empty") << Bytes{};
        QTest::addRow("not-whole") << hex("01028000");
        QTest::addRow("no-marker") << hex("0102030405060708");
        QTest::addRow("all-zero") << hex("0000000000000000");
        QTest::addRow("marker-too-far") << hex("0180000000000000 0000000000000000");
        QTest::addRow("wrong-marker") << hex("0102030405060781");
    }
    void unpadRejects()
    {
        QFETCH(Bytes, data);
        auto out = unpadMethod2(data, 8);
        QVERIFY(!out.ok());
        QCOMPARE(out.error().code, ErrorCode::Malformed);
    }
};

QTEST_GUILESS_MAIN(TestCryptoBlockCipher)
#include "tst_crypto_blockcipher.moc"
