// CardSeal: the PAN a journal record keeps for its reversal/advice opens only
// with the same key and the same record identity, and never shows in clear.
#include "journal/CardSeal.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::journal;

namespace {
const Bytes kKey(32, 0x42);
constexpr const char* kPan = "4761739001010010";
constexpr const char* kIdentity = "TERM0001/000123";
} // namespace

class TestJournalCardSeal : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void refuses_data();
    void refuses();
};

void TestJournalCardSeal::roundTrip()
{
    const Bytes sealed = CardSeal::seal(kPan, kKey, kIdentity).value();
    QCOMPARE(sealed.size(), std::size_t(12 + 16 + 16));
    const std::string bytes(sealed.begin(), sealed.end());
    QCOMPARE(bytes.find("47617390"), std::string::npos);
    QCOMPARE(toHex(sealed).find("4761739001010010"), std::string::npos);
    QCOMPARE(CardSeal::unseal(sealed, kKey, kIdentity).value(), std::string(kPan));
    // A fresh IV each time: the same PAN never seals to the same bytes.
    QVERIFY(CardSeal::seal(kPan, kKey, kIdentity).value() != sealed);
}

void TestJournalCardSeal::refuses_data()
{
    QTest::addColumn<QString>("breakage");
    QTest::addRow("wrong-key") << "key";
    QTest::addRow("other-record") << "identity";
    QTest::addRow("flipped-ciphertext-bit") << "ciphertext";
    QTest::addRow("flipped-tag-bit") << "tag";
    QTest::addRow("truncated") << "truncated";
    QTest::addRow("short-key") << "short-key";
}

void TestJournalCardSeal::refuses()
{
    QFETCH(QString, breakage);
    Bytes sealed = CardSeal::seal(kPan, kKey, kIdentity).value();
    Bytes key = kKey;
    std::string identity = kIdentity;
    if (breakage == "key")
        key[0] ^= 1;
    else if (breakage == "identity")
        identity = "TERM0001/000124";
    else if (breakage == "ciphertext")
        sealed[14] ^= 0x01;
    else if (breakage == "tag")
        sealed.back() ^= 0x80;
    else if (breakage == "truncated")
        sealed.resize(20);
    else if (breakage == "short-key")
        key.resize(16);
    auto opened = CardSeal::unseal(sealed, key, identity);
    QVERIFY(!opened.ok());
    QVERIFY(!opened.error().message.empty());
}

QTEST_GUILESS_MAIN(TestJournalCardSeal)
#include "tst_journal_cardseal.moc"
