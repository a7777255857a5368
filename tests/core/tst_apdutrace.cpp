#include "iso7816/ApduTrace.h"
#include "iso7816/TracingChannel.h"
#include "iso7816/TransportChannel.h"
#include "support/FailingChannel.h"
#include "support/ManualClock.h"
#include "support/ScriptedCard.h"

#include <QTest>

#include <atomic>
#include <ctime>
#include <thread>

using namespace cardlink;
using namespace cardlink::iso7816;
using namespace cardlink::test;
using namespace std::chrono;

namespace {
CommandApdu cmd(const std::string& hex)
{
    return CommandApdu::parse(fromHex(hex).value()).value();
}

Bytes hex(const std::string& text)
{
    return fromHex(text).value();
}

// 2024-03-05 10:20:30.456 UTC; no digit pair in it looks like PIN data.
system_clock::time_point fixedTime()
{
    return sys_days{year{2024} / 3 / 5} + hours{10} + minutes{20} + seconds{30} + milliseconds{456};
}

// A card that takes a given time to answer, on the test's clock.
class SlowCard final : public CardChannel
{
public:
    SlowCard(CardChannel& inner, ManualClock& clock, microseconds delay)
        : m_inner(inner), m_clock(clock), m_delay(delay)
    {}
    Result<ResponseApdu> transmit(const CommandApdu& command) override
    {
        m_clock.advance(m_delay);
        return m_inner.transmit(command);
    }

private:
    CardChannel& m_inner;
    ManualClock& m_clock;
    microseconds m_delay;
};

bool containsSequence(const Bytes& haystack, const Bytes& needle)
{
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) !=
           haystack.end();
}
} // namespace

class TestApduTrace : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // format() prints local time; pin the zone so the expected text holds.
        qputenv("TZ", "UTC");
        tzset();
    }

    void format_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("response");
        QTest::addColumn<int>("micros");
        QTest::addColumn<QString>("text");
        QTest::addRow("select")
            << "00A4040007A000000004101000"
            << "6F00 9000" << 210
            << "10:20:30.456 > 00 A4 04 00 07 A0 00 00 00 04 10 10 00 (SELECT)\n"
               "             < 6F 00 90 00 (0.21 ms) normal processing";
        QTest::addRow("verify-masked")
            << "0020008008 2412345FFFFFFFFF"
            << "63C2" << 1500
            << "10:20:30.456 > 00 20 00 80 08 ** (VERIFY)\n"
               "             < 63 C2 (1.50 ms) verification failed, 2 tries left";
        QTest::addRow("verify-query-not-masked")
            << "00200080"
            << "63C3" << 90
            << "10:20:30.456 > 00 20 00 80 (VERIFY)\n"
               "             < 63 C3 (0.09 ms) verification failed, 3 tries left";
        QTest::addRow("gpo-error-sw")
            << "80A8000002830000"
            << "6985" << 3000
            << "10:20:30.456 > 80 A8 00 00 02 83 00 00 (GET PROCESSING OPTIONS)\n"
               "             < 69 85 (3.00 ms) command not allowed: conditions of use not "
               "satisfied";
    }
    void format()
    {
        QFETCH(QString, command);
        QFETCH(QString, response);
        QFETCH(int, micros);
        QFETCH(QString, text);

        ManualClock clock(fixedTime());
        ScriptedCard card{{command.toStdString(), response.toStdString(), "step"}};
        SlowCard slow(card, clock, microseconds{micros});
        ApduTrace trace;
        TracingChannel tracing(slow, trace, clock);
        auto result = tracing.transmit(cmd(command.toStdString()));
        QVERIFY(result.ok());
        QCOMPARE(toHex(result->encode()), toHex(hex(response.toStdString())));

        const auto entries = trace.entries();
        QCOMPARE(entries.size(), std::size_t(1));
        QVERIFY(entries[0].time == fixedTime());
        QCOMPARE(entries[0].duration, microseconds{micros});
        QCOMPARE(QString::fromStdString(entries[0].format()), text);
    }

    void formatError()
    {
        ManualClock clock(fixedTime());
        FailingChannel failing(Error{ErrorCode::CardRemoved, "reader says absent"});
        ApduTrace trace;
        TracingChannel tracing(failing, trace, clock);
        auto result = tracing.transmit(cmd("00B2010C00"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::CardRemoved);
        const auto entries = trace.entries();
        QCOMPARE(entries.size(), std::size_t(1));
        QVERIFY(entries[0].error.has_value());
        QVERIFY(entries[0].response.empty());
        QCOMPARE(QString::fromStdString(entries[0].format()),
                 QString("10:20:30.456 > 00 B2 01 0C 00 (READ RECORD)\n"
                         "             ! (0.00 ms) card removed: reader says absent"));
    }

    // SECURITY: no PIN digit reaches the trace's memory or any text from it.
    void masking_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("storedCommand");
        QTest::addColumn<QString>("name");
        QTest::addRow("verify-plaintext-pin") << "0020008008 2412 34FF FFFF FFFF"
                                              << "0020008008"
                                              << "VERIFY";
        QTest::addRow("verify-with-le") << "0020008008 2412 34FF FFFF FFFF 00"
                                        << "0020008008"
                                        << "VERIFY";
        QTest::addRow("verify-odd-ins") << "002100000A 7F2E 0724 1234 FFFF FFFF"
                                        << "002100000A"
                                        << "VERIFY";
        QTest::addRow("emv-pin-change") << "8C24000210 2412 34FF FFFF FFFF 2412 34FF FFFF FFFF"
                                        << "8C24000210"
                                        << "PIN CHANGE/UNBLOCK";
        QTest::addRow("change-reference-data")
            << "0024000110 2412 34FF FFFF FFFF 2412 34FF FFFF FFFF"
            << "0024000110"
            << "CHANGE REFERENCE DATA";
        QTest::addRow("reset-retry-counter") << "002C000010 2412 34FF FFFF FFFF 2412 34FF FFFF FFFF"
                                             << "002C000010"
                                             << "RESET RETRY COUNTER";
        QTest::addRow("verify-extended")
            << "0020008000 0108 " + QString::fromStdString(std::string(2 * 256, 'F')) +
                   "2412 34FF FFFF FFFF"
            << "00200080000108"
            << "VERIFY";
    }
    void masking()
    {
        QFETCH(QString, command);
        QFETCH(QString, storedCommand);
        QFETCH(QString, name);

        ManualClock clock(fixedTime());
        ScriptedCard card{{command.toStdString(), "63C2", "pin"}};
        ApduTrace trace;
        std::string listened;
        trace.setListener([&](const ApduTraceEntry& entry) { listened += entry.format(); });
        TracingChannel tracing(card, trace, clock);
        QVERIFY(tracing.transmit(cmd(command.toStdString())).ok());
        QVERIFY2(card.finished(), card.failure().c_str()); // the card did get the PIN

        const auto entries = trace.entries();
        QCOMPARE(entries.size(), std::size_t(1));
        const auto& entry = entries[0];
        QVERIFY(entry.commandMasked);
        QCOMPARE(QString::fromStdString(toHex(entry.command)), storedCommand);
        QCOMPARE(QString::fromStdString(entry.commandName), name);
        QVERIFY(!containsSequence(entry.command, {0x12, 0x34}));
        QVERIFY(!containsSequence(entry.command, {0x24, 0x12}));

        const std::string texts[] = {entry.format(), trace.exportText(), listened, entry.statusText,
                                     entry.commandName};
        for (const auto& text : texts) {
            const QString t = QString::fromStdString(text);
            for (const char* secret : {"12 34", "1234", "24 12", "2412", "34 FF", "34FF"})
                QVERIFY2(!t.contains(secret), qPrintable(t));
        }
        QVERIFY(QString::fromStdString(entry.format()).contains(" ** (" + name + ")"));
    }

    // Entries built by hand are masked by record() too.
    void recordMasksRawEntries_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("stored");
        QTest::addColumn<bool>("masked");
        QTest::addRow("verify-short") << "00200080082412345FFFFFFFFF"
                                      << "0020008008" << true;
        QTest::addRow("verify-extended") << "0020008000000224 12"
                                         << "00200080000002" << true;
        QTest::addRow("verify-case2") << "0020008000"
                                      << "0020008000" << false;
        QTest::addRow("select") << "00A4040002 3F00"
                                << "00A40400023F00" << false;
    }
    void recordMasksRawEntries()
    {
        QFETCH(QString, raw);
        QFETCH(QString, stored);
        QFETCH(bool, masked);
        ApduTrace trace;
        ApduTraceEntry entry;
        entry.command = hex(raw.toStdString());
        entry.response = hex("9000");
        trace.record(entry);
        const auto entries = trace.entries();
        QCOMPARE(QString::fromStdString(toHex(entries.at(0).command)), stored);
        QCOMPARE(entries.at(0).commandMasked, masked);
    }

    // SECURITY: PAN and track data in a card's answer (EMV 4.4 Book 3, Annex
    // A1: 5A, 57, 56, 9F1F, 9F20; 9F6B) are wiped before the trace keeps them.
    void responseMasking_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("response");
        QTest::addColumn<QString>("shown"); // responseHex()
        QTest::addRow("read-record-pan") << "00B2010C00"
                                         << "700A 5A08 4761739001010010 9000"
                                         << "70 0A 5A 08 ** 90 00";
        QTest::addRow("read-record-track2")
            << "00B2010C00"
            << "7016 5710 4761739001010010D25122010000000F 5F3401 01 9000"
            << "70 16 57 10 ** 5F 34 01 01 90 00";
        QTest::addRow("track1-kept-name")
            << "00B2020C00"
            << "701A 5F2003 414243 9F1F04 31323334 560B 4234373631373339303031 9000"
            << "70 1A 5F 20 03 41 42 43 9F 1F 04 ** 56 0B ** 90 00";
        QTest::addRow("gpo-format2-nested")
            << "80A8000002830000"
            << "7715 8202 1800 9F6B08 4761739001010010 A204 9F2001 47 9000"
            << "77 15 82 02 18 00 9F 6B 08 ** A2 04 9F 20 01 ** 90 00";
        QTest::addRow("padding-between") << "00B2010C00"
                                         << "700D 00 5A08 4761739001010010 FF00 9000"
                                         << "70 0D 00 5A 08 ** FF 00 90 00";
        // A chunk of a 61xx chain is not whole TLV: tag and length still mark it.
        QTest::addRow("chunk-not-tlv") << "00B2010C00"
                                       << "7020 5A08 4761739001010010 6110"
                                       << "70 20 5A 08 ** 61 10";
        QTest::addRow("chunk-cut-in-value") << "00C0000005"
                                            << "5711 4761739001 6110"
                                            << "57 11 ** 61 10";
        QTest::addRow("no-card-data") << "00A4040007A000000004101000"
                                      << "6F09 8407 A0000000041010 9000"
                                      << "6F 09 84 07 A0 00 00 00 04 10 10 90 00";
        QTest::addRow("status-only") << "00B2010C00"
                                     << "6A83"
                                     << "6A 83";
    }
    void responseMasking()
    {
        QFETCH(QString, command);
        QFETCH(QString, response);
        QFETCH(QString, shown);

        ManualClock clock(fixedTime());
        ScriptedCard card{{command.toStdString(), response.toStdString(), "card data"}};
        ApduTrace trace;
        std::string listened;
        trace.setListener([&](const ApduTraceEntry& entry) { listened += entry.format(); });
        TracingChannel tracing(card, trace, clock);
        auto result = tracing.transmit(cmd(command.toStdString()));
        QVERIFY(result.ok());
        // The kernel still gets the card's answer unchanged.
        QCOMPARE(toHex(result->encode()), toHex(hex(response.toStdString())));

        const auto entries = trace.entries();
        QCOMPARE(entries.size(), std::size_t(1));
        const auto& entry = entries[0];
        QCOMPARE(QString::fromStdString(entry.responseHex()), shown);
        QVERIFY(QString::fromStdString(entry.format()).contains("< " + shown + " "));
        QCOMPARE(entry.response.size(), hex(response.toStdString()).size());
        for (const Bytes& secret : {hex("4761739001"), hex("31323334"), hex("3437363137")})
            QVERIFY(!containsSequence(entry.response, secret));
        for (const auto& text : {entry.format(), trace.exportText(), listened}) {
            const QString t = QString::fromStdString(text);
            for (const char* secret : {"47 61 73 90 01", "4761739001", "31 32 33 34"})
                QVERIFY2(!t.contains(secret), qPrintable(t));
        }
        // Masking twice (the GUI's model masks again) changes nothing.
        ApduTraceEntry again = entry;
        again.maskSecrets();
        QCOMPARE(QString::fromStdString(again.responseHex()), shown);
    }

    void ringBound_data()
    {
        QTest::addColumn<int>("capacity");
        QTest::addColumn<int>("records");
        QTest::addRow("under") << 5 << 3;
        QTest::addRow("exact") << 5 << 5;
        QTest::addRow("over") << 5 << 12;
        QTest::addRow("capacity-one") << 1 << 4;
        QTest::addRow("capacity-zero-is-one") << 0 << 4;
    }
    void ringBound()
    {
        QFETCH(int, capacity);
        QFETCH(int, records);
        ApduTrace trace(static_cast<std::size_t>(capacity));
        const int kept = std::min(records, std::max(capacity, 1));
        for (int i = 0; i < records; ++i) {
            ApduTraceEntry entry;
            entry.command = {0x00, 0xB2, static_cast<std::uint8_t>(i), 0x0C, 0x00};
            trace.record(entry);
        }
        QCOMPARE(trace.size(), std::size_t(kept));
        QCOMPARE(trace.dropped(), std::size_t(records - kept));
        const auto entries = trace.entries();
        QCOMPARE(entries.size(), std::size_t(kept));
        // The newest are kept, oldest first.
        for (int i = 0; i < kept; ++i)
            QCOMPARE(int(entries[std::size_t(i)].command[2]), records - kept + i);
        if (records > kept)
            QVERIFY(QString::fromStdString(trace.exportText()).contains("older dropped"));
    }

    void defaultCapacity()
    {
        ApduTrace trace;
        QCOMPARE(trace.capacity(), std::size_t(10000));
    }

    void clearAndListener()
    {
        ApduTrace trace;
        int calls = 0;
        trace.setListener([&](const ApduTraceEntry& entry) {
            ++calls;
            // The listener may read the trace: it runs outside the lock.
            QCOMPARE(trace.entries().back().command, entry.command);
        });
        ApduTraceEntry entry;
        entry.command = hex("00B2010C00");
        trace.record(entry);
        trace.record(entry);
        QCOMPARE(calls, 2);
        trace.setListener({});
        trace.record(entry);
        QCOMPARE(calls, 2);
        QCOMPARE(trace.size(), std::size_t(3));
        trace.clear();
        QCOMPARE(trace.size(), std::size_t(0));
        QCOMPARE(trace.dropped(), std::size_t(0));
        QVERIFY(trace.entries().empty());
        QCOMPARE(QString::fromStdString(trace.exportText()),
                 QString("# CardLink APDU trace, 0 exchanges; times are local, PIN data shown "
                         "as **\n"));
    }

    void exportText()
    {
        ManualClock clock(fixedTime());
        ScriptedCard card{{"00B2010C00", "7000 9000", "r1"}, {"00B2020C00", "6A83", "r2"}};
        ApduTrace trace;
        TracingChannel tracing(card, trace, clock);
        QVERIFY(tracing.transmit(cmd("00B2010C00")).ok());
        QVERIFY(tracing.transmit(cmd("00B2020C00")).ok());
        QCOMPARE(QString::fromStdString(trace.exportText()),
                 QString("# CardLink APDU trace, 2 exchanges; times are local, PIN data shown "
                         "as **\n"
                         "10:20:30.456 > 00 B2 01 0C 00 (READ RECORD)\n"
                         "             < 70 00 90 00 (0.00 ms) normal processing\n"
                         "10:20:30.456 > 00 B2 02 0C 00 (READ RECORD)\n"
                         "             < 6A 83 (0.00 ms) wrong parameters P1-P2: record not "
                         "found\n"));
    }

    // Under the transport layer the trace shows every exchange on the wire.
    void tracesEveryWireExchange()
    {
        ScriptedCard card{{"00B2010C00", "6102", "read"},
                          {"00C0000002", "7000 9000", "get response"}};
        ApduTrace trace;
        TracingChannel tracing(card, trace);
        TransportChannel transport(tracing);
        auto response = transport.transmit(cmd("00B2010C00"));
        QVERIFY(response.ok());
        QCOMPARE(response->data, hex("7000"));
        const auto entries = trace.entries();
        QCOMPARE(entries.size(), std::size_t(2));
        QCOMPARE(entries[0].commandName, std::string("READ RECORD"));
        QCOMPARE(entries[0].response, hex("6102"));
        QCOMPARE(entries[1].commandName, std::string("GET RESPONSE"));
        QCOMPARE(entries[1].statusText, std::string("normal processing"));
    }

    // Smoke test: one thread records through a TracingChannel while another
    // reads, exports and counts; run under the asan preset (and TSan by hand).
    void twoThreads()
    {
        constexpr int kRecords = 4000;
        ApduTrace trace(1000);
        std::atomic<int> heard{0};
        trace.setListener([&](const ApduTraceEntry&) { ++heard; });
        FailingChannel card(Error{ErrorCode::CardRemoved, "x"}, kRecords);
        TracingChannel tracing(card, trace);

        std::atomic<bool> done{false};
        std::thread reader([&] {
            std::size_t reads = 0;
            while (!done.load()) {
                const auto entries = trace.entries();
                if (entries.size() > 1000)
                    std::abort();
                if (trace.exportText().empty())
                    std::abort();
                ++reads;
            }
            (void)reads;
        });
        std::thread writer([&] {
            for (int i = 0; i < kRecords; ++i)
                (void)tracing.transmit(cmd("0020008008 2412345FFFFFFFFF"));
            done = true;
        });
        writer.join();
        reader.join();

        QCOMPARE(heard.load(), kRecords);
        QCOMPARE(trace.size(), std::size_t(1000));
        QCOMPARE(trace.dropped(), std::size_t(kRecords - 1000));
        for (const auto& entry : trace.entries()) {
            QVERIFY(entry.commandMasked);
            QCOMPARE(entry.command, hex("0020008008"));
        }
    }
};

QTEST_GUILESS_MAIN(TestApduTrace)
#include "tst_apdutrace.moc"
