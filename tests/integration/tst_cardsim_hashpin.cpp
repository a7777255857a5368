// cardlink-cardsim hash-pin (PinHashCommand): the PIN comes from a pipe, the
// JSON line's salt and hash verify it (sim::PinHash::matches), the PIN itself
// is never printed, and input that is not a 4-12 digit PIN exits 2.
#include "PinHashCommand.h"
#include "sim/PinHash.h"
#include "util/Bytes.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <cstdio>
#include <unistd.h>

using namespace cardlink;

namespace {
struct Outcome
{
    int status = -1;
    QByteArray out;
    QByteArray err;
};

QByteArray readAll(std::FILE* file)
{
    std::rewind(file);
    QByteArray bytes;
    char buffer[256];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;)
        bytes.append(buffer, static_cast<qsizetype>(n));
    std::fclose(file);
    return bytes;
}

Outcome hashPin(const QByteArray& input)
{
    int fds[2];
    if (::pipe(fds) != 0)
        return {};
    const bool written =
        ::write(fds[1], input.constData(), static_cast<std::size_t>(input.size())) ==
        static_cast<ssize_t>(input.size());
    ::close(fds[1]);
    Outcome outcome;
    std::FILE* out = std::tmpfile();
    std::FILE* err = std::tmpfile();
    if (written && out && err)
        outcome.status = cardsim::PinHashCommand::run(fds[0], out, err);
    ::close(fds[0]);
    outcome.out = out ? readAll(out) : QByteArray();
    outcome.err = err ? readAll(err) : QByteArray();
    return outcome;
}
} // namespace

class TestCardsimHashPin : public QObject
{
    Q_OBJECT

private slots:
    void hashVerifiesThePin_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("pin");
        QTest::addRow("line") << QByteArray("1234\n") << QByteArray("1234");
        QTest::addRow("crlf") << QByteArray("482913\r\n") << QByteArray("482913");
        QTest::addRow("no-newline") << QByteArray("000011112222") << QByteArray("000011112222");
        QTest::addRow("second-line-ignored") << QByteArray("9876\n5555\n") << QByteArray("9876");
    }
    void hashVerifiesThePin()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, pin);
        const Outcome outcome = hashPin(input);
        QCOMPARE(outcome.status, 0);
        const QJsonObject json = QJsonDocument::fromJson(outcome.out).object();
        const auto salt = fromHex(json.value("salt").toString().toStdString());
        const auto hash = fromHex(json.value("hash").toString().toStdString());
        QVERIFY2(salt && hash, outcome.out.constData());
        QCOMPARE(salt->size(), sim::PinHash::kSaltSize);
        const ByteView digits(reinterpret_cast<const std::uint8_t*>(pin.constData()),
                              static_cast<std::size_t>(pin.size()));
        QVERIFY(sim::PinHash::matches(*salt, *hash, digits));
        const ByteView other(reinterpret_cast<const std::uint8_t*>("1111"), 4);
        QVERIFY(!sim::PinHash::matches(*salt, *hash, other));
        QVERIFY(!outcome.out.contains(pin));
        QVERIFY(!outcome.err.contains(pin));
    }

    void notAPinExits2_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addRow("empty") << QByteArray();
        QTest::addRow("too-short") << QByteArray("123\n");
        QTest::addRow("too-long") << QByteArray("1234567890123\n");
        QTest::addRow("longer-than-the-buffer") << QByteArray(200, '7') + '\n';
        QTest::addRow("letters") << QByteArray("12a4\n");
        QTest::addRow("spaces") << QByteArray(" 1234\n");
    }
    void notAPinExits2()
    {
        QFETCH(QByteArray, input);
        const Outcome outcome = hashPin(input);
        QCOMPARE(outcome.status, 2);
        QVERIFY(outcome.out.isEmpty());
        QVERIFY2(outcome.err.contains("a PIN is 4 to 12 digits"), outcome.err.constData());
    }
};

QTEST_APPLESS_MAIN(TestCardsimHashPin)
#include "tst_cardsim_hashpin.moc"
