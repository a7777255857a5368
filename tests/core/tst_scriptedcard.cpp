#include "support/FailingChannel.h"
#include "support/ManualClock.h"
#include "support/ScriptedCard.h"

#include "support/TestBytes.h"

#include <QTest>

using namespace cardlink;
using cardlink::test::hex;
using namespace cardlink::iso7816;
using namespace cardlink::test;

namespace {
CommandApdu cmd(const char* hex)
{
    return CommandApdu::parse(fromHex(hex).value()).value();
}
} // namespace

class TestScriptedCard : public QObject
{
    Q_OBJECT

private slots:
    void playsScriptInOrder()
    {
        ScriptedCard card{
            {"00 A4 04 00 07 A0000000041010 00", "6F 03 84 01 AA 90 00", "select"},
            {"00 B2 01 0C 00", "70 00 90 00", "read record 1"},
        };
        QCOMPARE(card.stepCount(), std::size_t(2));
        QVERIFY(!card.finished());

        auto first = card.transmit(cmd("00A4040007A000000004101000"));
        QVERIFY(first.ok());
        QCOMPARE(first->data, hex("6F038401AA"));
        QCOMPARE(first->sw, std::uint16_t(0x9000));
        auto second = card.transmit(cmd("00B2010C00"));
        QVERIFY(second.ok());
        QCOMPARE(second->data, hex("7000"));

        QVERIFY2(card.finished(), card.failure().c_str());
        QVERIFY(card.failure().empty());
        QCOMPARE(card.stepsUsed(), std::size_t(2));
        QCOMPARE(card.received().size(), std::size_t(2));
        QCOMPARE(card.received()[1], hex("00B2010C00"));
    }

    void unexpectedCommandFailsAtOnce()
    {
        ScriptedCard card;
        card.expect("00B2010C00", "9000", "read record 1").expect("00B2020C00", "9000", "rec 2");

        auto wrong = card.transmit(cmd("00B2030C00"));
        QVERIFY(!wrong.ok());
        QCOMPARE(wrong.error().code, ErrorCode::Internal);
        QVERIFY(card.failed());
        const QString failure = QString::fromStdString(card.failure());
        QVERIFY2(failure.contains("step 1 (read record 1)"), qPrintable(failure));
        QVERIFY2(failure.contains("expected 00 B2 01 0C 00"), qPrintable(failure));
        QVERIFY2(failure.contains("got 00 B2 03 0C 00"), qPrintable(failure));

        // Sticky: even the expected command fails now.
        QVERIFY(!card.transmit(cmd("00B2010C00")).ok());
        QVERIFY(!card.finished());
        QCOMPARE(card.stepsUsed(), std::size_t(0));
    }

    void exhaustedScriptFails()
    {
        ScriptedCard card{{"00B2010C00", "9000", "only step"}};
        QVERIFY(card.transmit(cmd("00B2010C00")).ok());
        QVERIFY(card.finished());
        auto extra = card.transmit(cmd("00B2010C00"));
        QVERIFY(!extra.ok());
        QVERIFY(!card.finished());
        QVERIFY(QString::fromStdString(card.failure()).contains("after the end of the script"));
    }

    void unfinishedScriptNamesNextStep()
    {
        ScriptedCard card{{"00B2010C00", "9000", "first"}, {"00B2020C00", "9000", "second"}};
        QVERIFY(card.transmit(cmd("00B2010C00")).ok());
        QVERIFY(!card.finished());
        QVERIFY(!card.failed());
        const QString failure = QString::fromStdString(card.failure());
        QVERIFY2(failure.contains("step 2 (second)"), qPrintable(failure));
        QVERIFY2(failure.contains("00 B2 02 0C 00"), qPrintable(failure));
    }

    void badScriptHex_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("response");
        QTest::addRow("odd-command") << "00B2010C0"
                                     << "9000";
        QTest::addRow("short-command") << "00B201"
                                       << "9000";
        QTest::addRow("not-hex-command") << "00B2010CZZ"
                                         << "9000";
        QTest::addRow("short-response") << "00B2010C00"
                                        << "90";
        QTest::addRow("not-hex-response") << "00B2010C00"
                                          << "9G00";
    }
    void badScriptHex()
    {
        QFETCH(QString, command);
        QFETCH(QString, response);
        ScriptedCard card;
        card.expect(command.toStdString(), response.toStdString(), "broken");
        QVERIFY(card.failed());
        QVERIFY(QString::fromStdString(card.failure()).contains("step 1"));
        QVERIFY(!card.transmit(cmd("00B2010C00")).ok());
        QVERIFY(!card.finished());
    }

    void scriptedError()
    {
        ScriptedCard card;
        card.expect("00B2010C00", "9000", "ok")
            .expectError("00B2020C00", Error{ErrorCode::CardRemoved, "pulled"}, "card pulled");
        QVERIFY(card.transmit(cmd("00B2010C00")).ok());
        auto pulled = card.transmit(cmd("00B2020C00"));
        QVERIFY(!pulled.ok());
        QCOMPARE(pulled.error().code, ErrorCode::CardRemoved);
        QCOMPARE(pulled.error().message, std::string("pulled"));
        QVERIFY(card.finished()); // the error was the script, not a failure
    }

    void failingChannelStandalone_data()
    {
        QTest::addColumn<int>("failAfter");
        QTest::addRow("at-once") << 0;
        QTest::addRow("after-one") << 1;
        QTest::addRow("after-three") << 3;
    }
    void failingChannelStandalone()
    {
        QFETCH(int, failAfter);
        FailingChannel channel(Error{ErrorCode::CardRemoved, "gone"},
                               static_cast<std::size_t>(failAfter));
        for (int i = 0; i < failAfter; ++i) {
            auto ok = channel.transmit(cmd("00B2010C00"));
            QVERIFY(ok.ok());
            QCOMPARE(ok->sw, std::uint16_t(0x9000));
        }
        for (int i = 0; i < 2; ++i) {
            auto failed = channel.transmit(cmd("00B2010C00"));
            QVERIFY(!failed.ok());
            QCOMPARE(failed.error().code, ErrorCode::CardRemoved);
            QCOMPARE(failed.error().message, std::string("gone"));
        }
        QCOMPARE(channel.exchanges(), std::size_t(failAfter + 2));
    }

    void failingChannelWrapsInner()
    {
        ScriptedCard card{{"00B2010C00", "7000 9000", "rec 1"}};
        FailingChannel channel(card, 1, Error{ErrorCode::Io, "reader unplugged"});
        auto first = channel.transmit(cmd("00B2010C00"));
        QVERIFY(first.ok());
        QCOMPARE(first->data, hex("7000"));
        auto second = channel.transmit(cmd("00B2020C00"));
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code, ErrorCode::Io);
        QVERIFY(card.finished()); // the failing exchange never reached the card
    }

    void manualClock()
    {
        using namespace std::chrono;
        const auto start = sys_days{year{2024} / 3 / 5} + hours{10};
        ManualClock clock(start);
        const auto mono = clock.monotonic();
        QVERIFY(clock.now() == start);
        clock.advance(milliseconds{1500});
        QVERIFY(clock.now() == start + milliseconds{1500});
        QVERIFY(clock.monotonic() - mono == milliseconds{1500});
        clock.set(start);
        QVERIFY(clock.now() == start);
        QVERIFY(clock.monotonic() - mono == milliseconds{1500}); // monotonic never goes back
    }
};

QTEST_GUILESS_MAIN(TestScriptedCard)
#include "tst_scriptedcard.moc"
