#include "crypto/Hash.h"

#include "support/TestBytes.h"

#include <QTest>

#include <cstring>

using namespace cardlink;
using cardlink::test::hex;
using namespace cardlink::crypto;

Q_DECLARE_METATYPE(cardlink::Bytes)

namespace {
Bytes ascii(const char* text)
{
    return Bytes(text, text + std::strlen(text));
}
} // namespace

class TestCryptoHash : public QObject
{
    Q_OBJECT

private slots:
    // FIPS 180-2, Appendices A and B (also RFC 3174 / RFC 6234 test cases).
    void vectors_data()
    {
        QTest::addColumn<Bytes>("message");
        QTest::addColumn<Bytes>("sha1");
        QTest::addColumn<Bytes>("sha256");

        QTest::addRow("empty")
            << Bytes{} << hex("DA39A3EE5E6B4B0D3255BFEF95601890AFD80709")
            << hex("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855");
        QTest::addRow("abc")
            << ascii("abc") << hex("A9993E364706816ABA3E25717850C26C9CD0D89D")
            << hex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD");
        QTest::addRow("two-blocks")
            << ascii("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            << hex("84983E441C3BD26EBAAE4AA1F95129E5E54670F1")
            << hex("248D6A61D20638B8E5C026930C3E6039A33CE45964FF2167F6ECEDD419DB06C1");
    }
    void vectors()
    {
        QFETCH(Bytes, message);
        QFETCH(Bytes, sha1);
        QFETCH(Bytes, sha256);

        auto h1 = crypto::sha1(message);
        QVERIFY(h1.ok());
        QCOMPARE(toHex(*h1), toHex(sha1));
        auto h256 = crypto::sha256(message);
        QVERIFY(h256.ok());
        QCOMPARE(toHex(*h256), toHex(sha256));

        // Hashing in parts equals hashing the concatenation.
        const std::size_t half = message.size() / 2;
        const ByteView view(message);
        auto parts = hash(HashAlgorithm::Sha1, {view.first(half), view.subspan(half)});
        QVERIFY(parts.ok());
        QCOMPARE(toHex(*parts), toHex(sha1));
    }

    void lengths()
    {
        QCOMPARE(digestLength(HashAlgorithm::Sha1), std::size_t(20));
        QCOMPARE(digestLength(HashAlgorithm::Sha256), std::size_t(32));
        auto none = hash(HashAlgorithm::Sha256, {});
        QVERIFY(none.ok());
        QCOMPARE(toHex(*none),
                 std::string("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"));
    }
};

QTEST_GUILESS_MAIN(TestCryptoHash)
#include "tst_crypto_hash.moc"
