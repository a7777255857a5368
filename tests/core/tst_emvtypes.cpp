#include "emv/TransactionData.h"
#include "emv/Tvr.h"
#include "tlv/TlvParser.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::emv;

class TestEmvTypes : public QObject
{
    Q_OBJECT

private slots:
    // EMV 4.4 Book 3, Annex C5: byte and bit positions of a few TVR bits.
    void tvrBitPositions_data()
    {
        QTest::addColumn<int>("bit");
        QTest::addColumn<QByteArray>("expected");
        QTest::addRow("oda-not-performed")
            << int(TvrBit::OdaNotPerformed) << QByteArray::fromHex("8000000000");
        QTest::addRow("expired") << int(TvrBit::ExpiredApplication)
                                 << QByteArray::fromHex("0040000000");
        QTest::addRow("pin-try-limit")
            << int(TvrBit::PinTryLimitExceeded) << QByteArray::fromHex("0000200000");
        QTest::addRow("floor-limit")
            << int(TvrBit::TransactionExceedsFloorLimit) << QByteArray::fromHex("0000008000");
        QTest::addRow("issuer-auth")
            << int(TvrBit::IssuerAuthenticationFailed) << QByteArray::fromHex("0000000040");
    }
    void tvrBitPositions()
    {
        QFETCH(int, bit);
        QFETCH(QByteArray, expected);
        Tvr tvr;
        QVERIFY(!tvr.test(TvrBit(bit)));
        tvr.set(TvrBit(bit));
        QVERIFY(tvr.test(TvrBit(bit)));
        const Bytes bytes = tvr.toBytes();
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(bytes.data()), 5), expected);
        QCOMPARE(tvr.describe().size(), std::size_t(1));
    }

    void tsi()
    {
        Tsi tsi;
        tsi.set(TsiBit::CardholderVerificationPerformed);
        tsi.set(TsiBit::ScriptProcessingPerformed);
        QCOMPARE(tsi.toBytes(), (Bytes{0x44, 0x00}));
        QVERIFY(!tsi.test(TsiBit::OdaPerformed));
    }

    void bcd_data()
    {
        QTest::addColumn<quint64>("value");
        QTest::addColumn<int>("size");
        QTest::addColumn<QByteArray>("expected");
        QTest::addRow("amount") << quint64(1234) << 6 << QByteArray::fromHex("000000001234");
        QTest::addRow("currency") << quint64(978) << 2 << QByteArray::fromHex("0978");
        QTest::addRow("zero") << quint64(0) << 1 << QByteArray::fromHex("00");
    }
    void bcd()
    {
        QFETCH(quint64, value);
        QFETCH(int, size);
        QFETCH(QByteArray, expected);
        const Bytes encoded = TransactionData::bcd(value, std::size_t(size));
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(encoded.data()), size), expected);
        TransactionData data;
        data.set(0x9F02, encoded);
        QCOMPARE(data.getBcd(0x9F02), std::optional<std::uint64_t>(value));
    }

    void badBcdIsNotANumber()
    {
        TransactionData data;
        data.set(0x9F02, Bytes{0x00, 0x1A});
        QVERIFY(!data.getBcd(0x9F02).has_value());
    }

    // EMV 4.4 Book 3, 10.2: a primitive object the card sends twice is an error.
    void duplicateCardObjects()
    {
        auto first = tlv::parse(fromHex("70 08 5A 02 12 34 9F 36 01 05").value());
        QVERIFY(first.ok());
        TransactionData data;
        QVERIFY(data.storeCardObjects(*first, true));
        QCOMPARE(data.getUnsigned(0x9F36), std::optional<std::uint64_t>(5));
        QVERIFY(!data.has(0x70));
        auto again = tlv::parse(fromHex("70 04 5A 02 56 78").value());
        QVERIFY(!data.storeCardObjects(*again, true));
        QVERIFY(data.storeCardObjects(*again, false));
        const auto pan = *data.get(0x5A);
        QCOMPARE(Bytes(pan.begin(), pan.end()), (Bytes{0x56, 0x78}));
    }
};

QTEST_GUILESS_MAIN(TestEmvTypes)
#include "tst_emvtypes.moc"
