// Online PIN under AES DUKPT and the host's PIN verification value.
// Enciphered blocks: ANSI X9.24-3-2017 supplement, "Calculation of AES PIN
// Block Format 4" (AES-128 BDK example: PIN 1234, PAN 4111111111111111,
// random fill 2F69ADDE2E9E7ACE), the first eight KSNs, as quoted in the
// openemv/dukpt test suite (test/dukpt_aes128_test.c).
#include "dukpt/DukptPin.h"
#include "dukpt/DukptTerminal.h"
#include "dukpt/KeyDerivation.h"
#include "pin/PinVerificationValue.h"

#include "support/TestBytes.h"

#include <QTest>

#include <cstring>

using namespace cardlink;
using namespace cardlink::dukpt;
using cardlink::test::hex;

Q_DECLARE_METATYPE(cardlink::Bytes)

namespace {
const char* const kBdk = "FEDCBA9876543210F1F1F1F1F1F1F1F1";
const char* const kInitialKeyId = "1234567890123456";
const char* const kIk = "1273671EA26AC29AFA4D1084127652A1";
const char* const kPan = "4111111111111111";

Bytes digits(const char* pin)
{
    return Bytes(pin, pin + std::strlen(pin));
}

pin::RandomSource supplementFill()
{
    return [](std::span<std::uint8_t> out) {
        const Bytes fill = hex("2F69ADDE2E9E7ACE");
        for (std::size_t i = 0; i < out.size(); ++i)
            out[i] = fill[i % fill.size()];
        return true;
    };
}

Bytes pvvKey()
{
    Bytes key(32);
    for (std::size_t i = 0; i < key.size(); ++i)
        key[i] = static_cast<std::uint8_t>(i);
    return key;
}

KeySerialNumber ksnWith(std::uint32_t counter)
{
    return KeySerialNumber::make(hex(kInitialKeyId), counter).value();
}
} // namespace

class TestDukptPin : public QObject
{
    Q_OBJECT

private slots:
    void supplementPinBlocks_data();
    void supplementPinBlocks();
    void pinVerificationValue();
    void pinVerificationValueRefuses_data();
    void pinVerificationValueRefuses();
    void hostVerify_data();
    void hostVerify();
    void verifyWithDerivedKey();
};

void TestDukptPin::supplementPinBlocks_data()
{
    QTest::addColumn<quint32>("counter");
    QTest::addColumn<Bytes>("expected");
    const char* const blocks[] = {
        "A912150391AB65A67E52883D81CE2D15", "52A00503BD34BA1383F6A7EE9FE2547F",
        "A5A27E82B43A9A866A93D7ABE89CEF93", "71B3D0528669498777555A8BE6698E44",
        "881A7F77A2E04E5BEA985E342FD0B628", "BDC1C3871AFB0B340AA5B5CEFD08695E",
        "4A8E6B8C7DBEE6CBA6DC774F0CB83396", "8308BB857C17F390369F761F8EB358FA",
    };
    for (quint32 i = 0; i < 8; ++i)
        QTest::addRow("ksn-%u", i + 1) << i + 1 << hex(blocks[i]);
}

void TestDukptPin::supplementPinBlocks()
{
    QFETCH(quint32, counter);
    QFETCH(Bytes, expected);
    // Terminal side: the transaction key from the register algorithm.
    auto terminal = DukptTerminal::resume(hex(kIk), hex(kInitialKeyId), counter);
    QVERIFY(terminal.ok());
    auto transaction = terminal->nextTransaction();
    QVERIFY(transaction.ok());
    auto enciphered = DukptPin::encipher(digits("1234"), kPan, *transaction, supplementFill());
    QVERIFY(enciphered.ok());
    QCOMPARE(enciphered->pinBlock, expected);
    QCOMPARE(enciphered->ksn, ksnWith(counter));
    QCOMPARE(enciphered->ksn.toBytes().size(), std::size_t{12});
}

void TestDukptPin::pinVerificationValue()
{
    // Independently computed with Python's hmac module:
    // hmac.new(bytes(range(32)), b"\x01\x10" + b"4111111111111111" + b"\x04" +
    //          b"1234", hashlib.sha256).hexdigest()
    auto pvv = pin::PinVerificationValue::compute(pvvKey(), kPan, digits("1234"));
    QVERIFY(pvv.ok());
    QCOMPARE(*pvv, hex("54B38A43ACF708709ADEEC65F12F7FFD3AF799401158E5AD4292FB326C1470EC"));
    // Bound to the PAN and the key.
    auto otherPan =
        pin::PinVerificationValue::compute(pvvKey(), "4111111111111112", digits("1234"));
    QVERIFY(otherPan.ok());
    QVERIFY(*otherPan != *pvv);
    auto otherKey = pin::PinVerificationValue::compute(Bytes(32, 0x42), kPan, digits("1234"));
    QVERIFY(otherKey.ok());
    QVERIFY(*otherKey != *pvv);
    // Length-prefixed: PAN ...1111 + PIN 1234 is not PAN ...111 + PIN 11234.
    auto shifted = pin::PinVerificationValue::compute(pvvKey(), "411111111111111", digits("11234"));
    QVERIFY(shifted.ok());
    QVERIFY(*shifted != *pvv);

    QCOMPARE(pin::PinVerificationValue::matches(pvvKey(), kPan, digits("1234"), *pvv).value(),
             true);
    QCOMPARE(pin::PinVerificationValue::matches(pvvKey(), kPan, digits("1235"), *pvv).value(),
             false);
    QCOMPARE(
        pin::PinVerificationValue::matches(pvvKey(), kPan, digits("1234"), ByteView(*pvv).first(16))
            .value(),
        false);
}

void TestDukptPin::pinVerificationValueRefuses_data()
{
    QTest::addColumn<Bytes>("key");
    QTest::addColumn<QString>("pan");
    QTest::addColumn<Bytes>("pin");
    QTest::addRow("short-key") << Bytes(15, 1) << kPan << digits("1234");
    QTest::addRow("short-pin") << pvvKey() << kPan << digits("123");
    QTest::addRow("long-pin") << pvvKey() << kPan << digits("1234567890123");
    QTest::addRow("pin-not-digits") << pvvKey() << kPan << digits("12a4");
    QTest::addRow("empty-pan") << pvvKey() << "" << digits("1234");
    QTest::addRow("pan-not-digits") << pvvKey() << "41111111X1111111" << digits("1234");
    QTest::addRow("pan-too-long") << pvvKey() << "41111111111111111111" << digits("1234");
}

void TestDukptPin::pinVerificationValueRefuses()
{
    QFETCH(Bytes, key);
    QFETCH(QString, pan);
    QFETCH(Bytes, pin);
    auto pvv = pin::PinVerificationValue::compute(key, pan.toStdString(), pin);
    QVERIFY(!pvv.ok());
    QCOMPARE(pvv.error().code, ErrorCode::InvalidArgument);
    QVERIFY(!QString::fromStdString(pvv.error().message).contains("1234"));
}

void TestDukptPin::hostVerify_data()
{
    QTest::addColumn<QString>("enteredPin");
    QTest::addColumn<quint32>("hostCounter"); // the KSN the host derives with
    QTest::addColumn<QString>("pan");         // the PAN the host uses
    QTest::addColumn<int>("tamperByte");      // -1: block as sent
    QTest::addColumn<bool>("expectOk");
    QTest::addColumn<bool>("expectMatch");
    QTest::addRow("right-pin") << "1234" << 5u << kPan << -1 << true << true;
    QTest::addRow("wrong-pin") << "4321" << 5u << kPan << -1 << true << false;
    QTest::addRow("longer-wrong-pin") << "123456" << 5u << kPan << -1 << true << false;
    QTest::addRow("wrong-ksn") << "1234" << 6u << kPan << -1 << false << false;
    QTest::addRow("tampered-block") << "1234" << 5u << kPan << 3 << false << false;
    QTest::addRow("zero-counter") << "1234" << 0u << kPan << -1 << false << false;
}

void TestDukptPin::hostVerify()
{
    QFETCH(QString, enteredPin);
    QFETCH(quint32, hostCounter);
    QFETCH(QString, pan);
    QFETCH(int, tamperByte);
    QFETCH(bool, expectOk);
    QFETCH(bool, expectMatch);

    // Issuance: the host stores only the PVV of the card's PIN 1234.
    const Bytes storedPvv =
        pin::PinVerificationValue::compute(pvvKey(), kPan, digits("1234")).value();

    auto terminal = DukptTerminal::resume(hex(kIk), hex(kInitialKeyId), 5);
    QVERIFY(terminal.ok());
    auto transaction = terminal->nextTransaction();
    QVERIFY(transaction.ok());
    const QByteArray entered = enteredPin.toLatin1();
    auto enciphered =
        DukptPin::encipher(ByteView(reinterpret_cast<const std::uint8_t*>(entered.constData()),
                                    static_cast<std::size_t>(entered.size())),
                           kPan, *transaction, supplementFill());
    QVERIFY(enciphered.ok());
    Bytes block = enciphered->pinBlock;
    if (tamperByte >= 0)
        block[static_cast<std::size_t>(tamperByte)] ^= 0x01;

    auto result = DukptPin::verify(hex(kBdk), ksnWith(hostCounter), block, pan.toStdString(),
                                   pvvKey(), storedPvv);
    QCOMPARE(result.ok(), expectOk);
    if (result.ok())
        QCOMPARE(*result, expectMatch);
}

void TestDukptPin::verifyWithDerivedKey()
{
    const Bytes storedPvv =
        pin::PinVerificationValue::compute(pvvKey(), kPan, digits("1234")).value();
    auto keys = KeyDerivation::hostWorkingKeys(hex(kBdk), ksnWith(1));
    QVERIFY(keys.ok());
    const Bytes published = hex("A912150391AB65A67E52883D81CE2D15");
    auto ok = DukptPin::verifyWithPinKey(keys->pinEncryption.view(), published, kPan, pvvKey(),
                                         storedPvv);
    QVERIFY(ok.ok());
    QVERIFY(*ok);
    auto shortBlock = DukptPin::verifyWithPinKey(
        keys->pinEncryption.view(), ByteView(published).first(8), kPan, pvvKey(), storedPvv);
    QVERIFY(!shortBlock.ok());
    QCOMPARE(shortBlock.error().code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestDukptPin)
#include "tst_dukpt_pin.moc"
