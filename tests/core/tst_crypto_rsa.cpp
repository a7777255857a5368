#include "crypto/RsaPrivateKey.h"
#include "crypto/RsaPublicKey.h"

#include "support/TestBytes.h"

#include <QTest>

using namespace cardlink;
using cardlink::test::hex;
using namespace cardlink::crypto;

Q_DECLARE_METATYPE(cardlink::Bytes)

namespace {
// An EMV-style block to sign: '6A' || filler || 'BC' (Book 2, A2.1 format),
// the full modulus length.
Bytes emvBlock(std::size_t length)
{
    Bytes block(length, 0xBB);
    block.front() = 0x6A;
    block.back() = 0xBC;
    for (std::size_t i = 1; i + 1 < length; ++i)
        block[i] = static_cast<std::uint8_t>(i);
    return block;
}

// The textbook key of the Wikipedia article "RSA (cryptosystem)", worked
// example: p = 61, q = 53, n = 3233, e = 17, d = 2753 (dP 53, dQ 49, qInv
// 38); m = 65 encrypts to c = 2790.
RsaPrivateComponents textbookKey(bool withCrt)
{
    RsaPrivateComponents c;
    c.modulus = hex("0CA1");
    c.publicExponent = hex("11");
    c.privateExponent = hex("0AC1");
    if (withCrt) {
        c.prime1 = hex("3D");
        c.prime2 = hex("35");
        c.exponent1 = hex("35");
        c.exponent2 = hex("31");
        c.coefficient = hex("26");
    }
    return c;
}

// A 1024-bit, e = 3 key made for these tests only (`openssl genpkey
// -pkeyopt rsa_keygen_pubexp:3`). The expected signature of emvBlock(128)
// was computed independently with Python's pow(m, d, n) and checked with
// pow(s, 3, n).
RsaPrivateComponents testKey1024()
{
    RsaPrivateComponents c;
    c.modulus = hex("A91FC9F2E00B88AD84170BF1ABA4C9CDD35BBC38DBF3D6F5AE70CCDBDB402138D62100B65FC60C"
                    "6B7EBB0F7309DFE4F83226F2CF7C1E04869BB2B20E771AB19DB0A50393E79CEC04897E54AEEF50"
                    "DA0F1C3B38AC604D935E125A804340FAC287EE32FB9C95C85DC99F6C85734837146FEC378A16F5"
                    "F64DE153F7D5807FFF7BFB");
    c.publicExponent = hex("03");
    c.privateExponent =
        hex("70BFDBF74007B073AD64B2A11D18868937927D7B3D4D39F91EF5DDE7E7801625E4160079952EB2F2"
            "547CB4F75BEA98A576C4A1DFA814030467CC76B44F672112B548C293A0E9B61AF34DD742C2AE42E3"
            "44A11DF31313A698107E5330C864847F194D910C0EADECC1322A72A6568991F5DF16E353BFAA1104"
            "F44BF093B0752F4B");
    c.prime1 = hex("DB35B72B7FB9630D4EE52CAB834B906AF952271D45BF026B51BC989F1843274B5DF22AAD886C91"
                   "1BC8AC38ED95EA648BF9C6E9941DCBA644456F2AE411BB6EB9");
    c.prime2 = hex("C582288AF684F7CECDA4651F47FFE54F3BF764A27DF1170EA7E06ADAFC20D47DEA4C775CF756E9"
                   "8C0B80A08C307E54F323CE4B8538AB8E15A016C1BEE5944653");
    c.exponent1 = hex("9223CF7255264208DF43731D0232604750E16F68D92A019CE12865BF65821A323EA171C9059D"
                      "B61285C825F3B946EDB2A6849BB813DD1982D8F4C742B67CF47B");
    c.exponent2 = hex("83AC1B074F034FDF33C2EE14DAAA98DF7D4F986C53F60F5F1A959C91FD6B3853F1884F934F8F"
                      "465D5D006B08205438A217DEDD037B1D0963C00F2BD4990D8437");
    c.coefficient = hex("4C2043B5CC55C812E93B90411F11C2F6DD0F4483E4CCA6F96AE338D9BFEC972B3F387AFFC9"
                        "5AB01BEAD5DF2260D929B5FC427AC5C5A4C143E79D530E22923303");
    return c;
}

constexpr const char* kTestKey1024Signature =
    "63313D206398F1E89EB222A135472D0FEB005FC4DBB0503C31C6B465BC3EC9BAE0A61928DBCA5090F7E868D1"
    "8D5228A21A4012291CF3313B9DF93E0C233D57E2DF4842B7E6D309CD7E2C15E2D021AFE7426733C205653103"
    "0649029D485918AE6F5C66070F1AE94CF3C80BC984471A38805D98DF7C1B490981E8BFE4C4FEA995";
} // namespace

class TestCryptoRsa : public QObject
{
    Q_OBJECT

private slots:
    void textbookVector_data()
    {
        QTest::addColumn<bool>("withCrt");
        QTest::addRow("n-e-d") << false;
        QTest::addRow("crt") << true;
    }
    void textbookVector()
    {
        QFETCH(bool, withCrt);
        auto key = RsaPrivateKey::fromComponents(textbookKey(withCrt));
        QVERIFY2(key.ok(), key ? "" : key.error().describe().c_str());
        // 65^17 mod 3233 = 2790 ('0AE6'): the public operation.
        auto c = key->publicKey().recover(hex("0041"));
        QVERIFY2(c.ok(), c ? "" : c.error().describe().c_str());
        QCOMPARE(toHex(*c), std::string("0AE6"));
        // 2790^2753 mod 3233 = 65: the private operation.
        auto m = key->sign(hex("0AE6"));
        QVERIFY2(m.ok(), m ? "" : m.error().describe().c_str());
        QCOMPARE(toHex(*m), std::string("0041"));
    }

    void knownSignature1024_data()
    {
        QTest::addColumn<bool>("withCrt");
        QTest::addRow("n-e-d") << false;
        QTest::addRow("crt") << true;
    }
    void knownSignature1024()
    {
        QFETCH(bool, withCrt);
        RsaPrivateComponents components = testKey1024();
        if (!withCrt) {
            for (Bytes* part : {&components.prime1, &components.prime2, &components.exponent1,
                                &components.exponent2, &components.coefficient})
                part->clear();
        }
        auto key = RsaPrivateKey::fromComponents(components);
        QVERIFY2(key.ok(), key ? "" : key.error().describe().c_str());
        QCOMPARE(key->modulusLength(), std::size_t(128));
        auto signature = key->sign(emvBlock(128));
        QVERIFY(signature.ok());
        QCOMPARE(toHex(*signature), std::string(kTestKey1024Signature));

        auto pub = RsaPublicKey::fromComponents(components.modulus, hex("03"));
        QVERIFY(pub.ok());
        auto recovered = pub->recover(hex(kTestKey1024Signature));
        QVERIFY(recovered.ok());
        QCOMPARE(toHex(*recovered), toHex(emvBlock(128)));
    }

    // Fresh keys of EMV-relevant sizes and both EMV exponents: recover(sign(x)) == x.
    void generatedRoundTrip_data()
    {
        QTest::addColumn<int>("bits");
        QTest::addColumn<int>("exponent");
        QTest::addRow("768-e3") << 768 << 3;
        QTest::addRow("1152-e3") << 1152 << 3;
        QTest::addRow("1408-e65537") << 1408 << 65537;
        QTest::addRow("1984-e3") << 1984 << 3;
        QTest::addRow("2048-e65537") << 2048 << 65537;
    }
    void generatedRoundTrip()
    {
        QFETCH(int, bits);
        QFETCH(int, exponent);

        auto key = RsaPrivateKey::generate(static_cast<unsigned>(bits),
                                           static_cast<std::uint32_t>(exponent));
        QVERIFY2(key.ok(), key ? "" : key.error().describe().c_str());
        const std::size_t n = static_cast<std::size_t>(bits) / 8;
        QCOMPARE(key->modulusLength(), n);
        QCOMPARE(key->publicKey().exponent(), exponent == 3 ? hex("03") : hex("010001"));

        const Bytes block = emvBlock(n);
        auto signature = key->sign(block);
        QVERIFY(signature.ok());
        QCOMPARE(signature->size(), n);
        QVERIFY(*signature != block);
        auto recovered = key->publicKey().recover(*signature);
        QVERIFY(recovered.ok());
        QCOMPARE(toHex(*recovered), toHex(block));

        // The exported numbers rebuild the same key.
        auto components = key->components();
        QVERIFY(components.ok());
        QVERIFY(components->hasCrt());
        auto rebuilt = RsaPrivateKey::fromComponents(*components);
        components->wipe();
        QVERIFY(components->privateExponent.empty());
        QVERIFY(rebuilt.ok());
        auto again = rebuilt->sign(block);
        QVERIFY(again.ok());
        QCOMPARE(toHex(*again), toHex(*signature));
    }

    // Leading zero bytes survive: a small input recovers with full length.
    void outputKeepsModulusLength()
    {
        auto key = RsaPrivateKey::fromComponents(testKey1024());
        QVERIFY(key.ok());
        Bytes one(128, 0x00);
        one.back() = 0x01; // 1^d = 1
        auto s = key->sign(one);
        QVERIFY(s.ok());
        QCOMPARE(toHex(*s), toHex(one));
        auto r = key->publicKey().recover(one);
        QVERIFY(r.ok());
        QCOMPARE(toHex(*r), toHex(one));
    }

    void rejectsBadPublicKey_data()
    {
        QTest::addColumn<Bytes>("modulus");
        QTest::addColumn<Bytes>("exponent");

        QTest::addRow("empty-modulus") << Bytes{} << hex("03");
        QTest::addRow("one-byte-modulus") << hex("0D") << hex("03");
        QTest::addRow("leading-zero") << hex("00A1B3") << hex("03");
        QTest::addRow("even-modulus") << hex("A1B2") << hex("03");
        QTest::addRow("too-long") << Bytes(513, 0xFF) << hex("03");
        QTest::addRow("empty-exponent") << hex("A1B3") << Bytes{};
        QTest::addRow("exponent-1") << hex("A1B3") << hex("01");
        QTest::addRow("exponent-even") << hex("A1B3") << hex("010000");
        QTest::addRow("exponent-zero") << hex("A1B3") << hex("0000");
        QTest::addRow("exponent-5-bytes") << hex("A1B3") << hex("0100000001");
    }
    void rejectsBadPublicKey()
    {
        QFETCH(Bytes, modulus);
        QFETCH(Bytes, exponent);
        auto key = RsaPublicKey::fromComponents(modulus, exponent);
        QVERIFY(!key.ok());
        QCOMPARE(key.error().code, ErrorCode::InvalidArgument);
    }

    void rejectsBadInput_data()
    {
        QTest::addColumn<Bytes>("input");
        QTest::addRow("empty") << Bytes{};
        QTest::addRow("short") << Bytes(127, 0x01);
        QTest::addRow("long") << Bytes(129, 0x01);
        QTest::addRow("equals-modulus") << testKey1024().modulus;
        QTest::addRow("above-modulus") << Bytes(128, 0xFF);
    }
    void rejectsBadInput()
    {
        QFETCH(Bytes, input);
        auto key = RsaPrivateKey::fromComponents(testKey1024());
        QVERIFY(key.ok());
        auto s = key->sign(input);
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::InvalidArgument);
        auto r = key->publicKey().recover(input);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    }

    void rejectsBadPrivateKey()
    {
        RsaPrivateComponents partialCrt = testKey1024();
        partialCrt.coefficient.clear();
        QVERIFY(!RsaPrivateKey::fromComponents(partialCrt).ok());
        RsaPrivateComponents noD = testKey1024();
        noD.privateExponent.clear();
        QVERIFY(!RsaPrivateKey::fromComponents(noD).ok());
        QVERIFY(!RsaPrivateKey::generate(511).ok());
        QVERIFY(!RsaPrivateKey::generate(1020).ok()); // not whole bytes
        QVERIFY(!RsaPrivateKey::generate(8192).ok());
        QVERIFY(!RsaPrivateKey::generate(1024, 5).ok());
        QVERIFY(!RsaPrivateKey::generate(1024, 2).ok());
    }
};

QTEST_GUILESS_MAIN(TestCryptoRsa)
#include "tst_crypto_rsa.moc"
