#include "sim/VpcdCodec.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::sim;

Q_DECLARE_METATYPE(cardlink::Bytes)

namespace {
Bytes hex(const QString& text)
{
    return fromHex(text.toStdString()).value();
}

// One line per message: "off", "on", "reset", "atr" or "apdu <hex>".
QString describe(const VpcdMessage& message)
{
    switch (message.request) {
    case VpcdRequest::PowerOff:
        return "off";
    case VpcdRequest::PowerOn:
        return "on";
    case VpcdRequest::Reset:
        return "reset";
    case VpcdRequest::GetAtr:
        return "atr";
    case VpcdRequest::Apdu:
        return "apdu " + QString::fromStdString(toHex(message.apdu));
    }
    return "?";
}

// Drains the codec; an error ends the list with "error".
QStringList drain(VpcdCodec& codec)
{
    QStringList out;
    for (;;) {
        auto next = codec.next();
        if (!next) {
            out << "error";
            return out;
        }
        if (!next->has_value())
            return out;
        out << describe(**next);
    }
}
} // namespace

class TestVpcdCodec : public QObject
{
    Q_OBJECT

private slots:
    // What vpcd sends: uint16 BE length + bytes; one byte = control code.
    void messages_data()
    {
        QTest::addColumn<Bytes>("stream");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("power-off") << hex("0001 00") << QStringList{"off"};
        QTest::addRow("power-on") << hex("0001 01") << QStringList{"on"};
        QTest::addRow("reset") << hex("0001 02") << QStringList{"reset"};
        QTest::addRow("get-atr") << hex("0001 04") << QStringList{"atr"};
        QTest::addRow("apdu") << hex("0005 00A4040000") << QStringList{"apdu 00A4040000"};
        QTest::addRow("two-byte-apdu") << hex("0002 0084") << QStringList{"apdu 0084"};
        QTest::addRow("sequence") << hex("0001 01 0001 04 0004 00A4000C 0001 02 0001 00")
                                  << QStringList{"on", "atr", "apdu 00A4000C", "reset", "off"};
        QTest::addRow("header-only") << hex("0005") << QStringList{};
        QTest::addRow("half-header") << hex("00") << QStringList{};
        QTest::addRow("partial-body") << hex("0005 00A404") << QStringList{};
        QTest::addRow("complete-then-partial") << hex("0001 04 0005 00A4") << QStringList{"atr"};
        QTest::addRow("zero-length") << hex("0000") << QStringList{"error"};
        QTest::addRow("after-good") << hex("0001 01 0000 0001 04") << QStringList{"on", "error"};
        QTest::addRow("control-03") << hex("0001 03") << QStringList{"error"};
        QTest::addRow("control-ff") << hex("0001 FF") << QStringList{"error"};
        QTest::addRow("empty") << Bytes{} << QStringList{};
    }
    void messages()
    {
        QFETCH(Bytes, stream);
        QFETCH(QStringList, expected);
        VpcdCodec codec;
        codec.feed(stream);
        QCOMPARE(drain(codec), expected);
    }

    // TCP delivers any split: the result must not depend on it.
    void chunked_data()
    {
        QTest::addColumn<int>("chunk");
        for (int chunk : {1, 2, 3, 5, 7, 64})
            QTest::addRow("chunk-%d", chunk) << chunk;
    }
    void chunked()
    {
        QFETCH(int, chunk);
        Bytes big(300, 0xAB);
        big[0] = 0x00;
        Bytes stream = hex("0001 01 0001 04 0008 00 20 00 80 00 00 00 00");
        appendU16(stream, static_cast<std::uint16_t>(big.size()));
        stream.insert(stream.end(), big.begin(), big.end());
        stream.insert(stream.end(), {0x00, 0x01, 0x00});

        VpcdCodec codec;
        QStringList got;
        for (std::size_t i = 0; i < stream.size(); i += static_cast<std::size_t>(chunk)) {
            const std::size_t n = std::min(stream.size() - i, static_cast<std::size_t>(chunk));
            codec.feed(ByteView(stream).subspan(i, n));
            got << drain(codec);
        }
        QCOMPARE(got, (QStringList{"on", "atr", "apdu 0020008000000000",
                                   "apdu " + QString::fromStdString(toHex(big)), "off"}));
        QCOMPARE(codec.buffered(), std::size_t(0));
    }

    void errorIsSticky()
    {
        VpcdCodec codec;
        codec.feed(hex("0001 03"));
        auto first = codec.next();
        QVERIFY(!first.ok());
        QCOMPARE(first.error().code, ErrorCode::Malformed);
        QVERIFY(first.error().message.find("03") != std::string::npos);
        codec.feed(hex("0001 04"));
        QVERIFY(!codec.next().ok());
        codec.reset();
        QCOMPARE(codec.buffered(), std::size_t(0));
        codec.feed(hex("0001 04"));
        QCOMPARE(drain(codec), QStringList{"atr"});
    }

    void oversize_data()
    {
        QTest::addColumn<int>("limit");
        QTest::addColumn<Bytes>("stream");
        QTest::addColumn<QStringList>("expected");
        QTest::addRow("at-limit") << 4 << hex("0004 00A4000C") << QStringList{"apdu 00A4000C"};
        QTest::addRow("over-limit") << 4 << hex("0005 00A4040000") << QStringList{"error"};
        // The header alone already tells: no need to wait for the body.
        QTest::addRow("over-limit-header-only") << 4 << hex("0100") << QStringList{"error"};
        QTest::addRow("default-limit-ffff")
            << int(VpcdCodec::kMaxMessageSize) << hex("FFFF 00") << QStringList{};
    }
    void oversize()
    {
        QFETCH(int, limit);
        QFETCH(Bytes, stream);
        QFETCH(QStringList, expected);
        VpcdCodec codec(static_cast<std::size_t>(limit));
        codec.feed(stream);
        QCOMPARE(drain(codec), expected);
    }

    void frame_data()
    {
        QTest::addColumn<Bytes>("payload");
        QTest::addColumn<Bytes>("framed");
        QTest::addRow("sw") << hex("9000") << hex("0002 9000");
        QTest::addRow("atr") << hex("3B0A436172644C696E6B5430")
                             << hex("000C 3B0A436172644C696E6B5430");
        Bytes max(0xFFFF, 0x61);
        Bytes maxFramed{0xFF, 0xFF};
        maxFramed.insert(maxFramed.end(), max.begin(), max.end());
        QTest::addRow("largest") << max << maxFramed;
    }
    void frame()
    {
        QFETCH(Bytes, payload);
        QFETCH(Bytes, framed);
        auto out = VpcdCodec::frame(payload);
        QVERIFY(out.ok());
        QCOMPARE(*out, framed);
    }

    void frameErrors()
    {
        QVERIFY(!VpcdCodec::frame({}).ok());
        QCOMPARE(VpcdCodec::frame(Bytes(0x10000, 0)).error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestVpcdCodec)
#include "tst_vpcdcodec.moc"
