// The Journal contract on MemoryJournal: begin/update/finish, what it refuses
// to store (a clear PAN, a request with PIN block or card data), and which
// records it hands to recovery. StoredRequest's scrubbing is checked here too.
#include "Iso8583Samples.h"
#include "iso8583/CardLinkProfile.h"
#include "iso8583/MessageCodec.h"
#include "journal/MemoryJournal.h"
#include "journal/StoredRequest.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::journal;

Q_DECLARE_METATYPE(cardlink::journal::JournalState)

namespace {
JournalRecord sale()
{
    JournalRecord r;
    r.terminalId = "TERM0001";
    r.stan = 123;
    r.transmissionDateTime = "0612143005";
    r.amount = 1234;
    r.currency = "978";
    r.maskedPan = "476173\xE2\x80\xA6"
                  "0010";
    r.panToken = "ab12";
    r.aid = "A0000000031010";
    auto request = iso8583::samples::authorizationRequest();
    request.setMti("0200");
    r.request = StoredRequest::encode(request).value();
    return r;
}
} // namespace

class TestJournalMemory : public QObject
{
    Q_OBJECT

private slots:
    void scrubbedRequest_data();
    void scrubbedRequest();
    void refuses_data();
    void refuses();
    void lifecycle_data();
    void lifecycle();
    void finishNeedsFinalState_data();
    void finishNeedsFinalState();
    void unknownId();
};

void TestJournalMemory::scrubbedRequest_data()
{
    QTest::addColumn<int>("field");
    QTest::addRow("pan") << 2;
    QTest::addRow("track2") << 35;
    QTest::addRow("pin-block") << 52;
    QTest::addRow("mac") << 64;
}

void TestJournalMemory::scrubbedRequest()
{
    QFETCH(int, field);
    auto original = iso8583::samples::authorizationRequest();
    original.set(35, iso8583::samples::kTrack2);
    QVERIFY(original.has(field));
    const Bytes stored = StoredRequest::encode(original).value();
    const auto back = StoredRequest::decode(stored).value();
    QVERIFY(!back.has(field));
    QVERIFY(!StoredRequest::secretField(back));
    QCOMPARE(*back.text(11), *original.text(11));
    // The sample's field 55 carries 5A and 57 (PAN, track 2): they go, 9F26 stays.
    const std::string bytes(stored.begin(), stored.end());
    QCOMPARE(toHex(stored).find("4761739001010010"), std::string::npos);
    QCOMPARE(bytes.find(iso8583::samples::kPan), std::string::npos);
    QVERIFY(toHex(*back.bytes(55)).find("9F2608A1B2C3D4E5F60708") != std::string::npos);
}

void TestJournalMemory::refuses_data()
{
    QTest::addColumn<int>("breakage");
    QTest::addRow("clear-pan") << 0;
    QTest::addRow("pin-block-in-request") << 1;
    QTest::addRow("pan-in-request") << 2;
    QTest::addRow("pan-in-icc-data") << 3;
    QTest::addRow("request-not-iso8583") << 4;
}

void TestJournalMemory::refuses()
{
    QFETCH(int, breakage);
    JournalRecord r = sale();
    iso8583::Message raw = StoredRequest::decode(r.request).value();
    switch (breakage) {
    case 0:
        r.maskedPan = iso8583::samples::kPan;
        break;
    case 1:
        raw.set(52, iso8583::samples::bytesOf(iso8583::samples::kPinBlockHex));
        break;
    case 2:
        raw.set(2, iso8583::samples::kPan);
        break;
    case 3:
        raw.set(55, iso8583::samples::bytesOf(iso8583::samples::kIccDataHex));
        break;
    case 4:
        r.request = {0x01, 0x02, 0x03};
        break;
    }
    if (breakage >= 1 && breakage <= 3)
        r.request = iso8583::MessageCodec(iso8583::cardLinkProfile()).encode(raw).value();

    MemoryJournal journal;
    auto id = journal.begin(r);
    QVERIFY(!id.ok());
    QCOMPARE(journal.all().value().size(), std::size_t(0));

    // Nor through update() of a good record.
    JournalRecord good = sale();
    good.id = journal.begin(good).value();
    r.id = good.id;
    QVERIFY(!journal.update(r).ok());
    QCOMPARE(journal.find(good.id).value(), good);
}

void TestJournalMemory::lifecycle_data()
{
    QTest::addColumn<QList<JournalState>>("steps");
    QTest::addColumn<bool>("unresolved");
    using S = JournalState;
    QTest::addRow("pending") << QList<S>{} << true;
    QTest::addRow("sent") << QList<S>{S::Sent} << true;
    QTest::addRow("authorized") << QList<S>{S::Sent, S::Authorized} << true;
    QTest::addRow("declined") << QList<S>{S::Sent, S::Declined} << false;
    QTest::addRow("completed") << QList<S>{S::Sent, S::Authorized, S::Completed} << false;
    QTest::addRow("reversed") << QList<S>{S::Sent, S::Reversed} << false;
}

void TestJournalMemory::lifecycle()
{
    QFETCH(QList<JournalState>, steps);
    QFETCH(bool, unresolved);
    MemoryJournal journal;
    JournalRecord r = sale();
    r.id = journal.begin(r).value();
    QVERIFY(r.id > 0);
    QCOMPARE(journal.find(r.id).value().state, JournalState::Pending);
    for (JournalState step : steps) {
        r.state = step;
        if (step == JournalState::Completed)
            r.cryptogram = CryptogramKind::Tc;
        auto written = isFinalState(step) ? journal.finish(r) : journal.update(r);
        QVERIFY(written.ok());
        QCOMPARE(journal.find(r.id).value(), r);
    }
    QCOMPARE(journal.unresolved().value().size(), std::size_t(unresolved ? 1 : 0));
    QCOMPARE(journal.all().value().size(), std::size_t(1));
}

void TestJournalMemory::finishNeedsFinalState_data()
{
    QTest::addColumn<JournalState>("state");
    QTest::addColumn<bool>("accepted");
    QTest::addRow("pending") << JournalState::Pending << false;
    QTest::addRow("sent") << JournalState::Sent << false;
    QTest::addRow("authorized") << JournalState::Authorized << false;
    QTest::addRow("declined") << JournalState::Declined << true;
    QTest::addRow("completed") << JournalState::Completed << true;
    QTest::addRow("reversed") << JournalState::Reversed << true;
    QTest::addRow("advice-sent") << JournalState::AdviceSent << true;
}

void TestJournalMemory::finishNeedsFinalState()
{
    QFETCH(JournalState, state);
    QFETCH(bool, accepted);
    MemoryJournal journal;
    JournalRecord r = sale();
    r.id = journal.begin(r).value();
    r.state = state;
    QCOMPARE(journal.finish(r).ok(), accepted);
    QCOMPARE(journal.find(r.id).value().state, accepted ? state : JournalState::Pending);
}

void TestJournalMemory::unknownId()
{
    MemoryJournal journal;
    JournalRecord r = sale();
    r.id = 42;
    auto updated = journal.update(r);
    QVERIFY(!updated.ok());
    QCOMPARE(updated.error().code, ErrorCode::NotFound);
    QCOMPARE(journal.find(42).error().code, ErrorCode::NotFound);
}

QTEST_GUILESS_MAIN(TestJournalMemory)
#include "tst_journal_memory.moc"
