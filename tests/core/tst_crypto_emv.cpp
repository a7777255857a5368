#include "crypto/EmvCryptogram.h"
#include "crypto/IccMasterKey.h"
#include "crypto/KeyParity.h"
#include "crypto/SecureMessaging.h"
#include "crypto/SessionKey.h"

#include "support/TestBytes.h"

#include <QTest>

#include <optional>
#include <string>

using namespace cardlink;
using cardlink::test::hex;
using namespace cardlink::crypto;

Q_DECLARE_METATYPE(cardlink::Bytes)
Q_DECLARE_METATYPE(cardlink::crypto::CipherAlgorithm)
Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(std::optional<std::uint8_t>)

// Provenance of the expected values: no published test vectors for EMV ICC
// master key derivation, common session keys, cryptograms, ARPCs or script
// MACs are known to us. Every expected value below was computed independently
// by tests/data/crypto/independent_vectors.py, which follows EMV 4.4 Book 2
// (A1.2-A1.4, 8.1, 8.2, 9.2) on its own and does every DES/AES/CMAC/SHA-1
// operation with the OpenSSL command-line tool rather than CardLink's code.
// The FIPS/NIST/ISO vectors in tst_crypto_blockcipher and tst_crypto_mac
// cover the primitives underneath.

namespace {
constexpr const char* kImk = "0123456789ABCDEFFEDCBA9876543210";
constexpr const char* kAesImk128 = "000102030405060708090A0B0C0D0E0F";
constexpr const char* kAesImk192 = "000102030405060708090A0B0C0D0E0F1011121314151617";
constexpr const char* kAesImk256 =
    "000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F";
// ICC MK for PAN 4761739001010010, PSN 01 under kImk (option A).
constexpr const char* kIccMk = "2F02C8B0E9CBC7B05B5167F7A1CDE6E5";
// Its AC session key for ATC 0001.
constexpr const char* kSessionKey = "DC43A16846233E20CB1ACD7A0D0BC485";
// AES-128: ICC MK from kAesImk128 and its session key for ATC 0001.
constexpr const char* kAesIccMk = "33F5940C775BA6D7E3869592B02BAE8A";
constexpr const char* kAesSessionKey = "F9E7C33EA7915C2E52AE3A652CC777F0";
// A typical CDOL1 value list: amount, other amount, country, TVR, currency,
// date, type, UN, then AIP, ATC and IAD bytes the card adds.
constexpr const char* kCdolData =
    "000000001000 000000000000 0840 0000000000 0978 240101 00 12345678 5800 0001 03A00000";
constexpr const char* kArqc = "555093D6520E3085";
constexpr const char* kAesArqc = "23F6EAE9092630C6";
} // namespace

class TestCryptoEmv : public QObject
{
    Q_OBJECT

private slots:
    void optionInputs_data()
    {
        QTest::addColumn<std::string>("pan");
        QTest::addColumn<std::optional<std::uint8_t>>("psn");
        QTest::addColumn<Bytes>("yA");
        QTest::addColumn<Bytes>("yB");

        // A: rightmost 16 digits of PAN || PSN, or left-padded with zeros.
        QTest::addRow("16-digits")
            << std::string("4761739001010010") << std::optional<std::uint8_t>(0x01)
            << hex("6173900101001001") << hex("9535711041387928");
        QTest::addRow("12-digits-no-psn")
            << std::string("123456789012") << std::optional<std::uint8_t>()
            << hex("0012345678901200") << hex("5184374326342988");
        QTest::addRow("19-digits")
            << std::string("6799998900000000013") << std::optional<std::uint8_t>(0x02)
            << hex("9890000000001302") << hex("1302899063076470");
        QTest::addRow("17-digits")
            << std::string("12345678901234567") << std::optional<std::uint8_t>(0x45)
            << hex("4567890123456745") << hex("8760370157480518");
    }
    void optionInputs()
    {
        QFETCH(std::string, pan);
        QFETCH(std::optional<std::uint8_t>, psn);
        QFETCH(Bytes, yA);
        QFETCH(Bytes, yB);

        auto a = iccMkInputOptionA(pan, psn);
        QVERIFY(a.ok());
        QCOMPARE(toHex(*a), toHex(yA));
        auto b = iccMkInputOptionB(pan, psn);
        QVERIFY(b.ok());
        QCOMPARE(toHex(*b), toHex(yB));
        // Option B's Y is decimal digits only.
        for (auto byte : *b)
            QVERIFY((byte >> 4) <= 9 && (byte & 0x0F) <= 9);
    }

    void defaultOption()
    {
        QCOMPARE(defaultIccMkOption("4761739001010010"), IccMkOption::A);
        QCOMPARE(defaultIccMkOption("123456789012"), IccMkOption::A);
        QCOMPARE(defaultIccMkOption("12345678901234567"), IccMkOption::B);
    }

    void rejectsBadPanOrPsn_data()
    {
        QTest::addColumn<std::string>("pan");
        QTest::addColumn<std::optional<std::uint8_t>>("psn");

        QTest::addRow("empty") << std::string() << std::optional<std::uint8_t>();
        QTest::addRow("20-digits")
            << std::string("12345678901234567890") << std::optional<std::uint8_t>();
        QTest::addRow("bcd-filler")
            << std::string("476173900101001F") << std::optional<std::uint8_t>();
        QTest::addRow("space") << std::string("4761 7390") << std::optional<std::uint8_t>();
        QTest::addRow("nul") << std::string("4761\0"
                                            "7390",
                                            9)
                             << std::optional<std::uint8_t>();
        QTest::addRow("psn-not-bcd")
            << std::string("4761739001010010") << std::optional<std::uint8_t>(0x0A);
        QTest::addRow("psn-high-nibble")
            << std::string("4761739001010010") << std::optional<std::uint8_t>(0xA0);
    }
    void rejectsBadPanOrPsn()
    {
        QFETCH(std::string, pan);
        QFETCH(std::optional<std::uint8_t>, psn);

        auto a = iccMkInputOptionA(pan, psn);
        QVERIFY(!a.ok());
        QCOMPARE(a.error().code, ErrorCode::InvalidArgument);
        QVERIFY(!iccMkInputOptionB(pan, psn).ok());
        QVERIFY(!deriveIccMasterKey(CipherAlgorithm::Des, hex(kImk), pan, psn).ok());
    }

    void iccMasterKeyTdes_data()
    {
        QTest::addColumn<std::string>("pan");
        QTest::addColumn<std::optional<std::uint8_t>>("psn");
        QTest::addColumn<Bytes>("mk");

        QTest::addRow("16-digits")
            << std::string("4761739001010010") << std::optional<std::uint8_t>(0x01) << hex(kIccMk);
        QTest::addRow("12-digits-no-psn")
            << std::string("123456789012") << std::optional<std::uint8_t>()
            << hex("FE890EC1B3FBF7EC32A880C8D6169461");
        QTest::addRow("16-digits-psn00")
            << std::string("5413330089020011") << std::optional<std::uint8_t>(0x00)
            << hex("0708C1C2FDE685F82064518F29DFE5CE");
        // Longer than 16 digits: the default option is B.
        QTest::addRow("19-digits-b")
            << std::string("6799998900000000013") << std::optional<std::uint8_t>(0x02)
            << hex("10546889BFCE1A6729CE9B1CE3405808");
        QTest::addRow("17-digits-b")
            << std::string("12345678901234567") << std::optional<std::uint8_t>(0x45)
            << hex("F767ECC2263B2C543775CB62AB6B57D6");
    }
    void iccMasterKeyTdes()
    {
        QFETCH(std::string, pan);
        QFETCH(std::optional<std::uint8_t>, psn);
        QFETCH(Bytes, mk);

        auto derived =
            deriveIccMasterKey(CipherAlgorithm::Des, hex(kImk), pan, psn, defaultIccMkOption(pan));
        QVERIFY2(derived.ok(), derived ? "" : derived.error().describe().c_str());
        QCOMPARE(toHex(*derived), toHex(mk));
        QVERIFY(hasOddParity(*derived)); // A1.4.1 step 3
    }

    void iccMasterKeyAes_data()
    {
        QTest::addColumn<Bytes>("imk");
        QTest::addColumn<Bytes>("mk");

        QTest::addRow("aes128") << hex(kAesImk128) << hex(kAesIccMk);
        QTest::addRow("aes192") << hex(kAesImk192)
                                << hex("CACA772F5BDBBFDD266793B1212390ACDBA51A93C3D184B1");
        QTest::addRow("aes256")
            << hex(kAesImk256)
            << hex("565C24562764DFB4D0F394BCE513EDF1C1639F34AA1428490ECA8481BBEA78C6");
    }
    void iccMasterKeyAes()
    {
        QFETCH(Bytes, imk);
        QFETCH(Bytes, mk);

        auto derived = deriveIccMasterKey(CipherAlgorithm::Aes, imk, "4761739001010010", 0x01);
        QVERIFY2(derived.ok(), derived ? "" : derived.error().describe().c_str());
        QCOMPARE(toHex(*derived), toHex(mk));
    }

    void iccMasterKeyRejectsKeys()
    {
        const std::string pan = "4761739001010010";
        QVERIFY(!deriveIccMasterKey(CipherAlgorithm::Des, Bytes(8, 1), pan, 0x01).ok());
        QVERIFY(!deriveIccMasterKey(CipherAlgorithm::Des, Bytes(24, 1), pan, 0x01).ok());
        QVERIFY(!deriveIccMasterKey(CipherAlgorithm::Aes, Bytes(8, 1), pan, 0x01).ok());
        QVERIFY(!deriveIccMasterKey(CipherAlgorithm::Aes, Bytes(20, 1), pan, 0x01).ok());
    }

    void sessionKey_data()
    {
        QTest::addColumn<CipherAlgorithm>("algorithm");
        QTest::addColumn<Bytes>("mk");
        QTest::addColumn<int>("atc");
        QTest::addColumn<Bytes>("sk");

        const auto des = CipherAlgorithm::Des;
        const auto aes = CipherAlgorithm::Aes;
        QTest::addRow("tdes-atc0001") << des << hex(kIccMk) << 0x0001 << hex(kSessionKey);
        QTest::addRow("tdes-atc1234")
            << des << hex(kIccMk) << 0x1234 << hex("40ABB05886643168F74C081515AD9719");
        QTest::addRow("tdes-atcFFFF")
            << des << hex(kIccMk) << 0xFFFF << hex("BA0B64C8C78534E991AE4C19644A3DE0");
        QTest::addRow("aes128-atc0001") << aes << hex(kAesIccMk) << 0x0001 << hex(kAesSessionKey);
        QTest::addRow("aes192-atc0001")
            << aes << hex("CACA772F5BDBBFDD266793B1212390ACDBA51A93C3D184B1") << 0x0001
            << hex("846F7179C78D4BC2A53A7A56FFA26AFA6A7A808AA3A4EEA3");
        QTest::addRow("aes256-atc0001")
            << aes << hex("565C24562764DFB4D0F394BCE513EDF1C1639F34AA1428490ECA8481BBEA78C6")
            << 0x0001 << hex("11B88DA6FCA35C75B10B66F7DE0930D120530027A61CC068E99A9F7C51F04E58");
    }
    void sessionKey()
    {
        QFETCH(CipherAlgorithm, algorithm);
        QFETCH(Bytes, mk);
        QFETCH(int, atc);
        QFETCH(Bytes, sk);

        auto derived = deriveSessionKey(algorithm, mk, static_cast<std::uint16_t>(atc));
        QVERIFY2(derived.ok(), derived ? "" : derived.error().describe().c_str());
        QCOMPARE(toHex(*derived), toHex(sk));
    }

    void sessionKeyRejectsKeys()
    {
        QVERIFY(!deriveSessionKey(CipherAlgorithm::Des, Bytes(8, 1), 1).ok());
        QVERIFY(!deriveSessionKey(CipherAlgorithm::Des, Bytes(24, 1), 1).ok());
        QVERIFY(!deriveSessionKey(CipherAlgorithm::Aes, Bytes(8, 1), 1).ok());
        QVERIFY(!deriveSessionKey(CipherAlgorithm::Aes, Bytes(33, 1), 1).ok());
    }

    void applicationCryptogram_data()
    {
        QTest::addColumn<CipherAlgorithm>("algorithm");
        QTest::addColumn<Bytes>("sk");
        QTest::addColumn<bool>("zeroPadding");
        QTest::addColumn<Bytes>("ac");

        QTest::addRow("tdes-pad2")
            << CipherAlgorithm::Des << hex(kSessionKey) << false << hex(kArqc);
        QTest::addRow("tdes-pad1")
            << CipherAlgorithm::Des << hex(kSessionKey) << true << hex("AF97273F883017ED");
        QTest::addRow("aes-cmac") << CipherAlgorithm::Aes << hex(kAesSessionKey) << false
                                  << hex(kAesArqc);
    }
    void applicationCryptogram()
    {
        QFETCH(CipherAlgorithm, algorithm);
        QFETCH(Bytes, sk);
        QFETCH(bool, zeroPadding);
        QFETCH(Bytes, ac);

        auto out = crypto::applicationCryptogram(algorithm, sk, hex(kCdolData),
                                                 zeroPadding ? Padding::Method1 : Padding::Method2);
        QVERIFY2(out.ok(), out ? "" : out.error().describe().c_str());
        QCOMPARE(toHex(*out), toHex(ac));
    }

    // The whole chain from IMK to ARQC, as card and host each run it.
    void chainFromIssuerMasterKey()
    {
        auto mk = deriveIccMasterKey(CipherAlgorithm::Des, hex(kImk), "4761739001010010", 0x01);
        QVERIFY(mk.ok());
        auto sk = deriveSessionKey(CipherAlgorithm::Des, *mk, 0x0001);
        QVERIFY(sk.ok());
        auto ac = crypto::applicationCryptogram(CipherAlgorithm::Des, *sk, hex(kCdolData));
        QVERIFY(ac.ok());
        QCOMPARE(toHex(*ac), std::string(kArqc));
    }

    void arpc_data()
    {
        QTest::addColumn<CipherAlgorithm>("algorithm");
        QTest::addColumn<Bytes>("sk");
        QTest::addColumn<Bytes>("arqc");
        QTest::addColumn<Bytes>("method1");
        QTest::addColumn<Bytes>("method2");
        QTest::addColumn<Bytes>("method2WithPad");

        // ARC '3030' ("00", approved); CSU '00820000'; proprietary data '0102'.
        QTest::addRow("tdes") << CipherAlgorithm::Des << hex(kSessionKey) << hex(kArqc)
                              << hex("DB844EC69CF2CFCF") << hex("DDE9ABD7") << hex("7BCE1CC4");
        QTest::addRow("aes") << CipherAlgorithm::Aes << hex(kAesSessionKey) << hex(kAesArqc)
                             << hex("6EE4F6ED4939571B") << hex("CBB3C4B8") << Bytes{};
    }
    void arpc()
    {
        QFETCH(CipherAlgorithm, algorithm);
        QFETCH(Bytes, sk);
        QFETCH(Bytes, arqc);
        QFETCH(Bytes, method1);
        QFETCH(Bytes, method2);
        QFETCH(Bytes, method2WithPad);

        auto a1 = arpcMethod1(algorithm, sk, arqc, hex("3030"));
        QVERIFY2(a1.ok(), a1 ? "" : a1.error().describe().c_str());
        QCOMPARE(toHex(*a1), toHex(method1));
        auto a2 = arpcMethod2(algorithm, sk, arqc, hex("00820000"));
        QVERIFY2(a2.ok(), a2 ? "" : a2.error().describe().c_str());
        QCOMPARE(toHex(*a2), toHex(method2));
        if (!method2WithPad.empty()) {
            auto withPad = arpcMethod2(algorithm, sk, arqc, hex("00820000"), hex("0102"));
            QVERIFY(withPad.ok());
            QCOMPARE(toHex(*withPad), toHex(method2WithPad));
        }
    }

    void arpcRejects()
    {
        const Bytes sk = hex(kSessionKey);
        const Bytes arqc = hex(kArqc);
        QVERIFY(!arpcMethod1(CipherAlgorithm::Des, sk, Bytes(7, 0), hex("3030")).ok());
        QVERIFY(!arpcMethod1(CipherAlgorithm::Des, sk, arqc, hex("30")).ok());
        QVERIFY(!arpcMethod1(CipherAlgorithm::Des, Bytes(5, 0), arqc, hex("3030")).ok());
        QVERIFY(!arpcMethod2(CipherAlgorithm::Des, sk, arqc, hex("008200")).ok());
        QVERIFY(!arpcMethod2(CipherAlgorithm::Des, sk, arqc, hex("00820000"), Bytes(9, 0)).ok());
        QVERIFY(!arpcMethod2(CipherAlgorithm::Des, sk, Bytes(9, 0), hex("00820000")).ok());
    }

    void scriptMac_data()
    {
        QTest::addColumn<Bytes>("header");
        QTest::addColumn<Bytes>("data");
        QTest::addColumn<int>("macLength");
        QTest::addColumn<Bytes>("mac");

        // Session key for secure messaging from the same MK and ATC 0001;
        // cryptogram = kArqc. MAC input: header || Lc || ATC || AC || data.
        QTest::addRow("pin-unblock") << hex("84240000") << Bytes{} << 8 << hex("6ECF29A614F96042");
        QTest::addRow("application-block-mac4")
            << hex("841E0000") << Bytes{} << 4 << hex("8714339E");
        QTest::addRow("put-data") << hex("84DA9F58") << hex("03") << 8 << hex("CD97A08AF3E504E6");
    }
    void scriptMac()
    {
        QFETCH(Bytes, header);
        QFETCH(Bytes, data);
        QFETCH(int, macLength);
        QFETCH(Bytes, mac);

        const auto n = static_cast<std::size_t>(macLength);
        auto out = scriptCommandMac(CipherAlgorithm::Des, hex(kSessionKey), header, 0x0001,
                                    hex(kArqc), data, n);
        QVERIFY2(out.ok(), out ? "" : out.error().describe().c_str());
        QCOMPARE(toHex(*out), toHex(mac));

        auto apdu = buildScriptCommand(CipherAlgorithm::Des, hex(kSessionKey), header, 0x0001,
                                       hex(kArqc), data, n);
        QVERIFY(apdu.ok());
        Bytes expected = header;
        expected.push_back(static_cast<std::uint8_t>(data.size() + n));
        expected.insert(expected.end(), data.begin(), data.end());
        expected.insert(expected.end(), mac.begin(), mac.end());
        QCOMPARE(toHex(*apdu), toHex(expected));
    }

    void scriptMacRejects()
    {
        const Bytes sk = hex(kSessionKey);
        const Bytes ac = hex(kArqc);
        const auto des = CipherAlgorithm::Des;
        QVERIFY(!scriptCommandMac(des, sk, hex("842400"), 1, ac, {}).ok());
        QVERIFY(!scriptCommandMac(des, sk, hex("84240000"), 1, Bytes(7, 0), {}).ok());
        QVERIFY(!scriptCommandMac(des, sk, hex("84240000"), 1, ac, {}, 3).ok());
        QVERIFY(!scriptCommandMac(des, sk, hex("84240000"), 1, ac, {}, 9).ok());
        QVERIFY(!scriptCommandMac(des, sk, hex("84240000"), 1, ac, Bytes(248, 0), 8).ok());
        QVERIFY(scriptCommandMac(des, sk, hex("84240000"), 1, ac, Bytes(247, 0), 8).ok());
    }
};

QTEST_GUILESS_MAIN(TestCryptoEmv)
#include "tst_crypto_emv.moc"
