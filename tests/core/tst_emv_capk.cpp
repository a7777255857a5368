#include "EmvTestPki.h"
#include "crypto/Hash.h"
#include "emv/oda/CaPublicKeyStore.h"

#include "support/TestBytes.h"
#include <QTemporaryDir>

#include <QTest>

#include <fstream>

using namespace cardlink;
using cardlink::test::hex;
using namespace cardlink::emv;

namespace {

// A made-up 1024-bit modulus (odd, no leading zero): the store checks the
// format and the checksum, not that it is a product of two primes.
CaPublicKey sampleKey(std::uint8_t index, const char* expiry = "491231")
{
    CaPublicKey key;
    const Bytes rid = hex("A000000999");
    std::copy(rid.begin(), rid.end(), key.rid.begin());
    key.index = index;
    key.modulus.assign(128, 0x5A);
    key.modulus[0] = 0xC3;
    key.modulus[127] = 0x01;
    key.exponent = hex("03");
    const Bytes date = hex(expiry);
    std::copy(date.begin(), date.end(), key.expiry.begin());
    key.checksum = key.computeChecksum();
    return key;
}

std::string fileWith(std::initializer_list<std::string> entries)
{
    std::string text = "{\"version\": 1, \"keys\": [";
    bool first = true;
    for (const auto& entry : entries) {
        text += (first ? "" : ",") + entry;
        first = false;
    }
    return text + "]}";
}

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    const auto pos = text.find(from);
    if (pos != std::string::npos)
        text.replace(pos, from.size(), to);
    return text;
}

} // namespace

class TestEmvCapk : public QObject
{
    Q_OBJECT

private slots:
    // Book 2, 11.2.2: SHA-1 over RID || index || modulus || exponent.
    void checksumIsSha1OverRidIndexModulusExponent()
    {
        const CaPublicKey key = sampleKey(0x92);
        Bytes input = hex("A000000999");
        input.push_back(0x92);
        input.insert(input.end(), key.modulus.begin(), key.modulus.end());
        input.push_back(0x03);
        QCOMPARE(key.computeChecksum(), crypto::sha1(input).value());
    }

    void loadsValidFile()
    {
        const auto text =
            fileWith({test::caKeyJson(sampleKey(0x92)), test::caKeyJson(sampleKey(0x94))});
        auto store = CaPublicKeyStore::fromJson(text);
        QVERIFY2(store.ok(), store ? "" : store.error().message.c_str());
        QCOMPARE(store->size(), std::size_t{2});
        const CaPublicKey* key = store->find(hex("A000000999"), 0x94);
        QVERIFY(key != nullptr);
        QCOMPARE(key->index, std::uint8_t{0x94});
        QCOMPARE(key->modulus, sampleKey(0x94).modulus);
        QCOMPARE(key->exponent, hex("03"));
        QVERIFY(store->find(hex("A000000999"), 0x95) == nullptr);
        QVERIFY(store->find(hex("A000000998"), 0x92) == nullptr);
    }

    void rejectsBadFiles_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("messagePart");

        const std::string good = test::caKeyJson(sampleKey(0x92));
        CaPublicKey badSum = sampleKey(0x92);
        badSum.checksum[0] ^= 0x01;
        auto row = [](const char* name, const std::string& text, const char* part) {
            QTest::addRow("%s", name) << QByteArray::fromStdString(text) << QString(part);
        };
        row("bad-checksum", fileWith({test::caKeyJson(badSum)}),
            "CA key RID A000000999 index 92: checksum");
        row("not-json", "{\"keys\": [", "not valid JSON");
        row("top-level-array", "[]", "top level");
        row("no-keys", "{\"version\": 1}", "\"keys\"");
        row("version-2", "{\"version\": 2, \"keys\": []}", "version");
        row("bad-hex", fileWith({replaced(good, "\"exponent\": \"03\"", "\"exponent\": \"0G\"")}),
            "\"exponent\" is not hex");
        row("short-rid", fileWith({replaced(good, "A000000999", "A0000009")}), "\"rid\"");
        row("unknown-member", fileWith({replaced(good, "\"index\"", "\"idx\": 1, \"index\"")}),
            "unknown member");
        row("missing-modulus",
            fileWith({replaced(good, "\"modulus\"", "\"description\": \"x\", \"modulus_\"")}),
            "unknown member");
        row("duplicate", fileWith({good, good}), "duplicate");
        row("exponent-5",
            fileWith({replaced(good, "\"exponent\": \"03\"", "\"exponent\": \"05\"")}), "exponent");
        row("hash-algorithm-02",
            fileWith({replaced(good, "\"hashAlgorithm\": \"01\"", "\"hashAlgorithm\": \"02\"")}),
            "hash algorithm");
        row("pk-algorithm-02",
            fileWith({replaced(good, "\"pkAlgorithm\": \"01\"", "\"pkAlgorithm\": \"02\"")}),
            "public key algorithm");
        row("expiry-month-13", fileWith({replaced(good, "491231", "491331")}), "expiry");
        row("key-not-object", fileWith({"42"}), "not an object");
    }
    void rejectsBadFiles()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, messagePart);
        auto store = CaPublicKeyStore::fromJson(text.toStdString());
        QVERIFY(!store.ok());
        const QString message = QString::fromStdString(store.error().message);
        QVERIFY2(message.contains(messagePart), qPrintable(message));
    }

    // Book 2, 11.2.2: an expired key stays loaded; ODA at a later date fails.
    void expiredKeysAreKeptAndFlagged_data()
    {
        QTest::addColumn<QByteArray>("expiry");
        QTest::addColumn<QByteArray>("date");
        QTest::addColumn<bool>("expired");
        QTest::addRow("before") << QByteArray("201231") << QByteArray("201230") << false;
        QTest::addRow("same-day") << QByteArray("201231") << QByteArray("201231") << false;
        QTest::addRow("day-after") << QByteArray("201231") << QByteArray("210101") << true;
        QTest::addRow("century-1999-vs-2001")
            << QByteArray("991231") << QByteArray("010101") << true;
        QTest::addRow("century-2049-vs-1998")
            << QByteArray("491231") << QByteArray("981231") << false;
        QTest::addRow("bad-date-counts-expired")
            << QByteArray("491231") << QByteArray("2A0101") << true;
    }
    void expiredKeysAreKeptAndFlagged()
    {
        QFETCH(QByteArray, expiry);
        QFETCH(QByteArray, date);
        QFETCH(bool, expired);
        auto store = CaPublicKeyStore::fromJson(
            fileWith({test::caKeyJson(sampleKey(0x92, expiry.constData()))}));
        QVERIFY(store.ok());
        const Bytes when = hex(date.constData());
        QCOMPARE(store->find(hex("A000000999"), 0x92)->isExpiredAt(when), expired);
        QCOMPARE(store->expiredAt(when).size(), std::size_t{expired ? 1u : 0u});
    }

    void loadsFromFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath("ca-keys.json").toStdString();
        {
            std::ofstream out(path);
            out << fileWith({test::caKeyJson(sampleKey(0x92))});
        }
        auto store = CaPublicKeyStore::load(path);
        QVERIFY2(store.ok(), store ? "" : store.error().message.c_str());
        QCOMPARE(store->size(), std::size_t{1});

        auto missing = CaPublicKeyStore::load(dir.filePath("none.json").toStdString());
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
    }

    void addReplacesSameRidAndIndex()
    {
        CaPublicKeyStore store;
        QVERIFY(store.add(sampleKey(0x92)).ok());
        CaPublicKey newer = sampleKey(0x92, "301231");
        QVERIFY(store.add(newer).ok());
        QCOMPARE(store.size(), std::size_t{1});
        QCOMPARE(store.keys().front().expiry[0], std::uint8_t{0x30});
    }
};

QTEST_GUILESS_MAIN(TestEmvCapk)
#include "tst_emv_capk.moc"
