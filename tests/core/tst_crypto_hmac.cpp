// HMAC against RFC 4231 (HMAC-SHA-256, test cases 1, 2 and 6) and RFC 2202
// (HMAC-SHA-1, test case 2).
#include "crypto/Hmac.h"

#include "support/TestBytes.h"

#include <QTest>

#include <cstring>

using namespace cardlink;
using namespace cardlink::crypto;
using cardlink::test::hex;

Q_DECLARE_METATYPE(cardlink::Bytes)
Q_DECLARE_METATYPE(cardlink::crypto::HashAlgorithm)

namespace {
Bytes text(const char* s)
{
    return Bytes(s, s + std::strlen(s));
}
} // namespace

class TestCryptoHmac : public QObject
{
    Q_OBJECT

private slots:
    void vectors_data();
    void vectors();
    void partsAreConcatenated();
    void emptyKeyRefused();
};

void TestCryptoHmac::vectors_data()
{
    QTest::addColumn<HashAlgorithm>("algorithm");
    QTest::addColumn<Bytes>("key");
    QTest::addColumn<Bytes>("data");
    QTest::addColumn<Bytes>("expected");
    QTest::addRow("rfc4231-1") << HashAlgorithm::Sha256 << Bytes(20, 0x0B) << text("Hi There")
                               << hex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e"
                                      "32cff7");
    QTest::addRow("rfc4231-2") << HashAlgorithm::Sha256 << text("Jefe")
                               << text("what do ya want for nothing?")
                               << hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964"
                                      "ec3843");
    QTest::addRow("rfc4231-6-long-key")
        << HashAlgorithm::Sha256 << Bytes(131, 0xAA)
        << text("Test Using Larger Than Block-Size Key - Hash Key First")
        << hex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    QTest::addRow("rfc2202-sha1-2")
        << HashAlgorithm::Sha1 << text("Jefe") << text("what do ya want for nothing?")
        << hex("effcdf6ae5eb2fa2d27416d5f184df9c259a7c79");
}

void TestCryptoHmac::vectors()
{
    QFETCH(HashAlgorithm, algorithm);
    QFETCH(Bytes, key);
    QFETCH(Bytes, data);
    QFETCH(Bytes, expected);
    auto mac = hmac(algorithm, key, {data});
    QVERIFY(mac.ok());
    QCOMPARE(*mac, expected);
}

void TestCryptoHmac::partsAreConcatenated()
{
    const Bytes a = text("what do ya ");
    const Bytes b = text("want for nothing?");
    auto mac = hmac(HashAlgorithm::Sha256, text("Jefe"), {a, Bytes{}, b});
    QVERIFY(mac.ok());
    QCOMPARE(*mac, hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
}

void TestCryptoHmac::emptyKeyRefused()
{
    auto mac = hmac(HashAlgorithm::Sha256, {}, {text("x")});
    QVERIFY(!mac.ok());
    QCOMPARE(mac.error().code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestCryptoHmac)
#include "tst_crypto_hmac.moc"
