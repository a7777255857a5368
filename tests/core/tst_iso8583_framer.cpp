#include "iso8583/LengthFramer.h"

#include "support/TestBytes.h"

#include <QTest>

using namespace cardlink;
using cardlink::test::hex;
using namespace cardlink::iso8583;

Q_DECLARE_METATYPE(cardlink::Bytes)

namespace {
// Splits `stream` into chunks of `chunkSize` (0 = one chunk) and feeds them.
std::vector<Bytes> feedAll(LengthFramer& framer, const Bytes& stream, int chunkSize, bool& ok)
{
    std::vector<Bytes> out;
    ok = true;
    const std::size_t step = chunkSize > 0 ? static_cast<std::size_t>(chunkSize) : stream.size();
    for (std::size_t i = 0; i < stream.size(); i += step) {
        const ByteView chunk = ByteView(stream).subspan(i, std::min(step, stream.size() - i));
        auto messages = framer.feed(chunk);
        if (!messages) {
            ok = false;
            return out;
        }
        out.insert(out.end(), messages->begin(), messages->end());
    }
    return out;
}
} // namespace

class TestIso8583Framer : public QObject
{
    Q_OBJECT

private slots:
    void frame()
    {
        auto framed = LengthFramer::frame(hex("0800 0000000000000000"), 64);
        QVERIFY(framed.ok());
        QCOMPARE(toHex(*framed), std::string("000A08000000000000000000"));
        QVERIFY(!LengthFramer::frame({}, 64).ok());
        QVERIFY(LengthFramer::frame(Bytes(64, 1), 64).ok());
        QVERIFY(!LengthFramer::frame(Bytes(65, 1), 64).ok());
        // The header has two bytes: no message above 65535 whatever the limit.
        QVERIFY(!LengthFramer::frame(Bytes(65536, 1), 100000).ok());
    }

    // Two messages arriving in chunks of every size, including splits inside
    // the header: the same two messages come out.
    void chunking_data()
    {
        QTest::addColumn<int>("chunkSize");
        for (int size : {0, 1, 2, 3, 5, 7, 13})
            QTest::addRow("chunk-%d", size) << size;
    }
    void chunking()
    {
        QFETCH(int, chunkSize);
        const Bytes first = hex("0800 0000000000000000");
        const Bytes second = hex("0810 2000000000000000 000001");
        Bytes stream = LengthFramer::frame(first, 64).value();
        const Bytes framedSecond = LengthFramer::frame(second, 64).value();
        stream.insert(stream.end(), framedSecond.begin(), framedSecond.end());

        LengthFramer framer(64);
        bool ok = false;
        auto messages = feedAll(framer, stream, chunkSize, ok);
        QVERIFY(ok);
        QCOMPARE(messages.size(), std::size_t(2));
        QCOMPARE(messages[0], first);
        QCOMPARE(messages[1], second);
        QCOMPARE(framer.buffered(), std::size_t(0));
    }

    void partialMessageIsHeld()
    {
        LengthFramer framer(64);
        auto messages = framer.feed(hex("0005 0102"));
        QVERIFY(messages.ok());
        QVERIFY(messages->empty());
        QCOMPARE(framer.buffered(), std::size_t(4));
        messages = framer.feed(hex("030405 0001"));
        QVERIFY(messages.ok());
        QCOMPARE(messages->size(), std::size_t(1));
        QCOMPARE(messages->front(), hex("0102030405"));
        QCOMPARE(framer.buffered(), std::size_t(2)); // the next header
    }

    void rejects_data()
    {
        QTest::addColumn<Bytes>("stream");
        QTest::addRow("zero-length") << hex("0000");
        QTest::addRow("above-limit") << hex("0041");
        QTest::addRow("maximum-header") << hex("FFFF");
        QTest::addRow("after-a-good-message") << hex("0001 AA 0100");
    }
    void rejects()
    {
        QFETCH(Bytes, stream);
        LengthFramer framer(64);
        auto messages = framer.feed(stream);
        QVERIFY(!messages.ok());
        QCOMPARE(messages.error().code, ErrorCode::Malformed);
        QVERIFY(framer.failed());
        QCOMPARE(framer.buffered(), std::size_t(0));
        // Out of step for good: even a valid frame is refused until reset().
        QVERIFY(!framer.feed(hex("0001 AA")).ok());
        framer.reset();
        auto again = framer.feed(hex("0001 AA"));
        QVERIFY(again.ok());
        QCOMPARE(again->size(), std::size_t(1));
    }

    void limitIsInclusive()
    {
        LengthFramer framer(3);
        auto messages = framer.feed(hex("0003 010203"));
        QVERIFY(messages.ok());
        QCOMPARE(messages->size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestIso8583Framer)
#include "tst_iso8583_framer.moc"
