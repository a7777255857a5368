// AuthorizationEngine on network management (0800), advices (0220),
// reversals (0400/0401), reconciliation (0500), bad input and message MACs,
// with the in-memory store and real cards through the EMV kernel.
#include "HostTestBench.h"
#include "host/BatchTotalsText.h"
#include "online/MessageMac.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::test;
using host::Money;
namespace f = cardlink::iso8583::field;
using Kind = cardlink::sim::emv::CardKind;

namespace {

iso8583::Message networkRequest(const std::string& code, const std::string& stan)
{
    iso8583::Message m("0800");
    m.set(f::kTransmissionDateTime, "1125120000");
    m.set(f::kStan, stan);
    m.set(f::kTerminalId, hostbench::kTerminalId);
    m.set(f::kNetworkManagementCode, code);
    return m;
}

// 0400 for `original` (field 90: MTI, STAN, field 7, two zero institution ids).
iso8583::Message reversalOf(const iso8583::Message& original, const std::string& stan,
                            const char* mti = "0400")
{
    iso8583::Message m(mti);
    for (int field : {f::kPan, f::kProcessingCode, f::kAmount, f::kPosEntryMode,
                      f::kPosConditionCode, f::kTerminalId, f::kMerchantId, f::kCurrencyCode})
        if (const auto* text = original.text(field))
            m.set(field, *text);
    m.set(f::kTransmissionDateTime, "1125120500");
    m.set(f::kStan, stan);
    m.set(f::kOriginalDataElements, original.mti() + *original.text(f::kStan) +
                                        *original.text(f::kTransmissionDateTime) +
                                        std::string(22, '0'));
    return m;
}

iso8583::Message reconciliationRequest(const host::BatchTotals& totals, const std::string& stan)
{
    iso8583::Message m("0500");
    m.set(f::kProcessingCode, "920000");
    m.set(f::kTransmissionDateTime, "1125180000");
    m.set(f::kStan, stan);
    m.set(f::kTerminalId, hostbench::kTerminalId);
    m.set(f::kMerchantId, hostbench::kMerchantId);
    m.set(f::kAdditionalData, host::BatchTotalsText::format(totals));
    return m;
}

// MessageSecurity with one fixed AES key (the DUKPT one lives in app/host).
class FixedKeySecurity final : public host::MessageSecurity
{
public:
    Bytes key = Bytes(16, 0x42);
    Result<host::MacVerdict> verifyRequest(const host::Terminal&,
                                           const iso8583::Message& request) override
    {
        auto check = online::MessageMac::verify(request, key);
        if (!check)
            return check.error();
        switch (*check) {
        case online::MacCheck::Valid:
            return host::MacVerdict::Valid;
        case online::MacCheck::Invalid:
            return host::MacVerdict::Invalid;
        case online::MacCheck::Missing:
            return host::MacVerdict::Missing;
        }
        return host::MacVerdict::Invalid;
    }
    Result<void> signResponse(const host::Terminal&, const iso8583::Message&,
                              iso8583::Message& response) override
    {
        return online::MessageMac::apply(response, key);
    }
};

} // namespace

// The bench's store with injectable faults (STYLE.md: fakes that inject
// faults): the named call fails with an I/O error while the rest works.
class FailingStore final : public host::HostStore
{
public:
    enum class Fault { None, ReadTerminal, ReadResponse, ReadCard, Commit };

    FailingStore(host::MemoryHostStore& store, Fault fault) : m_store(store), m_fault(fault) {}
    void heal() { m_fault = Fault::None; }

    Result<std::optional<host::Terminal>> findTerminal(std::string_view id) override
    {
        if (m_fault == Fault::ReadTerminal)
            return failure();
        return m_store.findTerminal(id);
    }
    Result<std::optional<host::Merchant>> findMerchant(std::string_view id) override
    {
        return m_store.findMerchant(id);
    }
    Result<std::optional<host::Card>> findCard(std::string_view pan,
                                               std::optional<std::uint8_t> psn) override
    {
        if (m_fault == Fault::ReadCard)
            return failure();
        return m_store.findCard(pan, psn);
    }
    Result<std::optional<host::Account>> findAccount(std::string_view id) override
    {
        return m_store.findAccount(id);
    }
    Result<std::optional<host::IssuerKeys>> findIssuerKeys(std::string_view id) override
    {
        return m_store.findIssuerKeys(id);
    }
    Result<std::optional<Bytes>> findBaseDerivationKey(std::string_view id) override
    {
        return m_store.findBaseDerivationKey(id);
    }
    Result<std::optional<host::StoredResponse>> findResponse(const host::RequestKey& key) override
    {
        if (m_fault == Fault::ReadResponse)
            return failure();
        return m_store.findResponse(key);
    }
    Result<host::BatchTotals> batchTotals(std::string_view id, std::uint32_t batch) override
    {
        return m_store.batchTotals(id, batch);
    }
    Result<Money> ledgerSum() override { return m_store.ledgerSum(); }
    Result<std::vector<host::CommitStatus>> commit(std::span<const host::CommitUnit> units) override
    {
        if (m_fault == Fault::Commit)
            return failure();
        return m_store.commit(units);
    }

private:
    static Error failure() { return makeError(ErrorCode::Io, "injected store failure"); }

    host::MemoryHostStore& m_store;
    Fault m_fault;
};

class TestHostMessages : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { hostbench::Pki::instance(); }
    void init() { m_bench = std::make_unique<HostBench>(); }
    void cleanup()
    {
        QCOMPARE(m_bench->ledgerSum(), Money{0});
        m_bench.reset();
    }

    void network_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("response");
        QTest::addRow("sign-on") << "001"
                                 << "00";
        QTest::addRow("sign-off") << "002"
                                  << "00";
        QTest::addRow("echo") << "301"
                              << "00";
        QTest::addRow("key-change-unsupported") << "161"
                                                << "12";
        QTest::addRow("order-poll-unsupported") << "801"
                                                << "12";
    }
    void network()
    {
        QFETCH(QString, code);
        QFETCH(QString, response);
        auto answer = m_bench->send(networkRequest(code.toStdString(), "000001"));
        QCOMPARE(answer.response.mti(), std::string("0810"));
        QCOMPARE(QString::fromStdString(answer.responseCode()), response);
        QCOMPARE(QString::fromStdString(*answer.response.text(f::kNetworkManagementCode)), code);
        QCOMPARE(*answer.response.text(f::kStan), std::string("000001"));
        QVERIFY(m_bench->store.ledger().empty());
    }

    // A reversal posts the exact opposite once; repeats post nothing.
    void reversal()
    {
        auto& bench = *m_bench;
        const std::string pan = bench.addCard(Kind::NoCvm, 11, 10000);
        const std::string account = HostBench::accountOf(pan);
        auto purchase = bench.pay(pan, 700);
        QCOMPARE(purchase.responseCode(), std::string("00"));
        QCOMPARE(bench.balance(account), Money{9300});

        const iso8583::Message reverse = reversalOf(purchase.request, "000500");
        auto first = bench.send(reverse);
        QCOMPARE(first.response.mti(), std::string("0410"));
        QCOMPARE(first.responseCode(), std::string("00"));
        QCOMPARE(bench.balance(account), Money{10000});
        QCOMPARE(bench.balance(hostbench::kMerchantAccount), Money{0});
        QCOMPARE(bench.store.ledger().size(), std::size_t(4));

        // 0401 under the same STAN and field 7: the stored 0410, byte for byte.
        iso8583::Message repeat = reverse;
        repeat.setMti("0401");
        auto second = bench.send(repeat);
        QVERIFY(second.decision.repeat);
        QCOMPARE(toHex(second.decision.response), toHex(first.decision.response));
        // A new STAN for the same original: answered, nothing posted.
        auto third = bench.send(reversalOf(purchase.request, "000501", "0401"));
        QCOMPARE(third.responseCode(), std::string("00"));
        QVERIFY(!third.decision.repeat);
        QCOMPARE(bench.balance(account), Money{10000});
        QCOMPARE(bench.store.ledger().size(), std::size_t(4));
    }

    void reversalRefused_data()
    {
        QTest::addColumn<QString>("edit");
        QTest::addColumn<QString>("code");
        QTest::addRow("unknown-original-25") << "stan"
                                             << "25";
        QTest::addRow("other-mti-25") << "mti"
                                      << "25";
        QTest::addRow("other-amount-77") << "amount"
                                         << "77";
        QTest::addRow("declined-original-00-nothing-posted") << "declined"
                                                             << "00";
        QTest::addRow("no-field-90-30") << "no90"
                                        << "30";
    }
    void reversalRefused()
    {
        QFETCH(QString, edit);
        QFETCH(QString, code);
        auto& bench = *m_bench;
        const std::string pan = bench.addCard(Kind::NoCvm, 12, edit == "declined" ? 100 : 10000);
        auto purchase = bench.pay(pan, 700);
        QCOMPARE(purchase.responseCode(), std::string(edit == "declined" ? "51" : "00"));
        const auto ledger = bench.store.ledger().size();
        const Money before = bench.balance(HostBench::accountOf(pan));
        iso8583::Message reverse = reversalOf(purchase.request, "000600");
        std::string original = *reverse.text(f::kOriginalDataElements);
        if (edit == "stan")
            original.replace(4, 6, "123456");
        if (edit == "mti")
            original.replace(0, 4, "0100");
        reverse.set(f::kOriginalDataElements, original);
        if (edit == "amount")
            reverse.set(f::kAmount, "000000000600");
        if (edit == "no90")
            reverse.remove(f::kOriginalDataElements);
        auto answer = bench.send(reverse);
        QCOMPARE(QString::fromStdString(answer.responseCode()), code);
        QCOMPARE(bench.store.ledger().size(), ledger);
        QCOMPARE(bench.balance(HostBench::accountOf(pan)), before);
    }

    // The terminal reverses a request whose answer it never got, and the
    // reversal reaches the host first: 25 and a tombstone under the
    // original's key. The original, arriving late, is refused with 79 and
    // never posts; the reversal's repeats get the same 25.
    void reversalBeforeOriginal()
    {
        auto& bench = *m_bench;
        const std::string pan = bench.addCard(Kind::NoCvm, 15, 10000);
        const std::string account = HostBench::accountOf(pan);
        const iso8583::Message original = bench.capture(pan, 700);
        const iso8583::Message reverse = reversalOf(original, "000900");

        auto first = bench.send(reverse);
        QCOMPARE(first.response.mti(), std::string("0410"));
        QCOMPARE(first.responseCode(), std::string("25"));
        iso8583::Message repeat = reverse;
        repeat.setMti("0401");
        for (const auto& again : {reverse, repeat}) {
            auto answer = bench.send(again);
            QVERIFY(answer.decision.repeat);
            QCOMPARE(toHex(answer.decision.response), toHex(first.decision.response));
        }

        for (int time = 0; time < 2; ++time) { // the late original, and its repeat
            auto late = bench.send(original);
            QCOMPARE(late.response.mti(), std::string("0210"));
            QCOMPARE(late.responseCode(), std::string("79"));
            QVERIFY(!late.response.has(f::kAuthorizationCode));
            QVERIFY(!late.decision.unit);
        }
        // Another reversal of the same original: still unknown, 25.
        QCOMPARE(bench.send(reversalOf(original, "000901", "0401")).responseCode(),
                 std::string("25"));
        QVERIFY(bench.store.ledger().empty());
        QCOMPARE(bench.balance(account), Money{10000});
        QCOMPARE(bench.balance(hostbench::kMerchantAccount), Money{0});
    }

    // The original decided while its reversal commits: the original's unit
    // conflicts with the tombstone and, decided again, is refused (79).
    // Reversal decided while the original commits: the tombstone's key is
    // taken, the reversal is decided again and reverses the original.
    void reversalRacesOriginal_data()
    {
        QTest::addColumn<bool>("reversalFirst");
        QTest::addRow("reversal-commits-first") << true;
        QTest::addRow("original-commits-first") << false;
    }
    void reversalRacesOriginal()
    {
        QFETCH(bool, reversalFirst);
        auto& bench = *m_bench;
        const std::string pan = bench.addCard(Kind::NoCvm, 16, 10000);
        const std::string account = HostBench::accountOf(pan);
        const iso8583::Message original = bench.capture(pan, 700);
        const iso8583::Message reverse = reversalOf(original, "000910");
        auto originalDecision = bench.engine.decide(bench.encode(original), bench.identity);
        auto reversalDecision = bench.engine.decide(bench.encode(reverse), bench.identity);
        QCOMPARE(originalDecision.responseCode, std::string("00"));
        QCOMPARE(reversalDecision.responseCode, std::string("25"));
        QVERIFY(reversalDecision.unit && reversalDecision.unit->tombstone);
        const std::vector<host::CommitUnit> units =
            reversalFirst ? std::vector{*reversalDecision.unit, *originalDecision.unit}
                          : std::vector{*originalDecision.unit, *reversalDecision.unit};
        auto statuses = bench.store.commit(units);
        QVERIFY(statuses.ok());
        QCOMPARE(statuses->at(0), host::CommitStatus::Committed);
        QCOMPARE(statuses->at(1), host::CommitStatus::Conflict);
        if (reversalFirst) {
            QCOMPARE(bench.send(original).responseCode(), std::string("79"));
            QVERIFY(bench.store.ledger().empty());
        } else {
            QCOMPARE(bench.send(reverse).responseCode(), std::string("00"));
            QCOMPARE(bench.store.ledger().size(), std::size_t(4));
        }
        QCOMPARE(bench.balance(account), Money{10000});
    }

    // An advice of an offline approval (TC) is posted once.
    void advice()
    {
        auto& bench = *m_bench;
        const std::string pan = bench.addCard(Kind::NoCvm, 13, 10000);
        auto offline = bench.pay(pan, 1500, {}, false);
        QCOMPARE(offline.outcome->kind, emv::OutcomeKind::ApprovedOffline);
        QVERIFY(offline.request.mti().empty()); // no online call
        const iso8583::Message advice = bench.request(offline.outcome->data, 1500, "0220");
        auto first = bench.send(advice);
        QCOMPARE(first.response.mti(), std::string("0230"));
        QCOMPARE(first.responseCode(), std::string("00"));
        QCOMPARE(bench.balance(HostBench::accountOf(pan)), Money{8500});
        auto again = bench.send(advice);
        QVERIFY(again.decision.repeat);
        QCOMPARE(bench.balance(HostBench::accountOf(pan)), Money{8500});
        // The same TC under a new STAN: the ATC was seen, nothing posted.
        iso8583::Message replay = advice;
        replay.set(f::kStan, "777777");
        QCOMPARE(bench.send(replay).responseCode(), std::string("05"));
        QCOMPARE(bench.store.ledger().size(), std::size_t(2));
        const auto& entries = bench.store.ledger();
        QCOMPARE(entries.front().kind, host::PostingKind::Advice);
    }

    // 0500: the terminal's totals against the ledger of its open batch.
    void reconciliation()
    {
        auto& bench = *m_bench;
        const std::string pan = bench.addCard(Kind::NoCvm, 14, 10000);
        auto one = bench.pay(pan, 1000);
        auto two = bench.pay(pan, 500);
        QCOMPARE(one.responseCode(), std::string("00"));
        QCOMPARE(two.responseCode(), std::string("00"));
        QCOMPARE(bench.send(reversalOf(two.request, "000700")).responseCode(), std::string("00"));

        const host::BatchTotals right{2, 1500, 1, 500};
        host::BatchTotals wrong = right;
        wrong.debitAmount = 1499;
        auto off = bench.send(reconciliationRequest(wrong, "000800"));
        QCOMPARE(off.response.mti(), std::string("0510"));
        QCOMPARE(off.responseCode(), std::string("95"));
        QCOMPARE(*off.response.text(f::kAdditionalData), host::BatchTotalsText::format(right));
        QCOMPARE((*bench.store.findTerminal(hostbench::kTerminalId))->batchNumber, 1u);

        auto ok = bench.send(reconciliationRequest(right, "000801"));
        QCOMPARE(ok.responseCode(), std::string("00"));
        QCOMPARE((*bench.store.findTerminal(hostbench::kTerminalId))->batchNumber, 2u);
        // The new batch is empty; a purchase lands in it.
        QCOMPARE(bench.send(reconciliationRequest({}, "000802")).responseCode(), std::string("00"));
        QCOMPARE((*bench.store.findTerminal(hostbench::kTerminalId))->batchNumber, 3u);
        QCOMPARE(bench.pay(pan, 100).responseCode(), std::string("00"));
        auto totals = bench.store.batchTotals(hostbench::kTerminalId, 3);
        QVERIFY(totals.ok());
        QCOMPARE(totals->debitCount, 1u);
        QCOMPARE(totals->debitAmount, Money{100});
    }

    // Input the engine cannot answer: the server closes the link.
    void closes_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("terminal");
        const auto echo = [&] {
            auto bytes = m_bench->encode(networkRequest("301", "000001"));
            return QByteArray(reinterpret_cast<const char*>(bytes.data()),
                              static_cast<qsizetype>(bytes.size()));
        };
        m_bench = std::make_unique<HostBench>();
        QTest::addRow("garbage") << QByteArray("\x01\x02\x03") << hostbench::kTerminalId;
        QTest::addRow("empty") << QByteArray() << hostbench::kTerminalId;
        QTest::addRow("truncated") << echo().left(10) << hostbench::kTerminalId;
        QByteArray response = echo();
        response[1] = 0x10; // MTI 0810: a response is no request
        QTest::addRow("response-mti") << response << hostbench::kTerminalId;
        QTest::addRow("unknown-terminal") << echo() << "TERM9999";
    }
    void closes()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, terminal);
        host::TerminalIdentity who{terminal.toStdString(), host::TerminalChannel::Tls};
        auto decision = m_bench->engine.handle(
            ByteView(reinterpret_cast<const std::uint8_t*>(bytes.constData()),
                     static_cast<std::size_t>(bytes.size())),
            who);
        QCOMPARE(decision.disposition, host::Disposition::Close);
        QVERIFY(!decision.log.empty());
        QVERIFY(!decision.unit);
    }

    void revokedTerminalCloses()
    {
        auto terminal = **m_bench->store.findTerminal(hostbench::kTerminalId);
        terminal.revoked = true;
        m_bench->store.addTerminal(terminal);
        auto answer = m_bench->send(networkRequest("301", "000001"));
        QCOMPARE(answer.decision.disposition, host::Disposition::Close);
    }

    // The store fails while a well-formed purchase is handled: 96 (system
    // malfunction) on the link instead of closing it, nothing stored or
    // posted; once the store works the same request is decided afresh.
    void storeFailureAnswers96_data()
    {
        using Fault = FailingStore::Fault;
        QTest::addColumn<int>("fault");
        QTest::addRow("terminal-read-fails") << int(Fault::ReadTerminal);
        QTest::addRow("response-read-fails") << int(Fault::ReadResponse);
        QTest::addRow("card-read-fails") << int(Fault::ReadCard);
        QTest::addRow("commit-fails") << int(Fault::Commit);
    }
    void storeFailureAnswers96()
    {
        QFETCH(int, fault);
        auto& bench = *m_bench;
        const std::string pan = bench.addCard(Kind::NoCvm, 17, 10000);
        const iso8583::Message purchase = bench.capture(pan, 700);
        FailingStore failing(bench.store, static_cast<FailingStore::Fault>(fault));
        host::AuthorizationEngine engine(failing, bench.clock, &bench.pins);

        auto failed = engine.handle(bench.encode(purchase), bench.identity);
        QCOMPARE(failed.disposition, host::Disposition::Respond);
        QCOMPARE(failed.responseCode, std::string("96"));
        QVERIFY(!failed.unit);
        auto response = iso8583::MessageCodec(iso8583::cardLinkProfile()).decode(failed.response);
        QVERIFY(response.ok());
        QCOMPARE(response->mti(), std::string("0210"));
        QCOMPARE(*response->text(f::kStan), *purchase.text(f::kStan));
        QVERIFY(!response->has(f::kAuthorizationCode));
        QCOMPARE(bench.store.committedUnits(), std::size_t(0));
        QVERIFY(bench.store.ledger().empty());

        failing.heal();
        auto healed = engine.handle(bench.encode(purchase), bench.identity);
        QCOMPARE(healed.responseCode, std::string("00"));
        QVERIFY(!healed.repeat);
        QCOMPARE(bench.balance(HostBench::accountOf(pan)), Money{9300});
    }

    // Valid ISO 8583 that breaks CardLink's rules for its MTI: 30, not stored.
    void formatError()
    {
        iso8583::Message request = networkRequest("301", "000002");
        request.set(f::kAmount, "000000000100"); // not allowed in an 0800
        auto answer = m_bench->send(request);
        QCOMPARE(answer.responseCode(), std::string("30"));
        QVERIFY(!answer.decision.unit);
        QCOMPARE(m_bench->store.committedUnits(), std::size_t(0));
    }

    // Dial-in: the MAC is mandatory both ways.
    void dialInMac_data()
    {
        QTest::addColumn<QString>("mac");
        QTest::addColumn<bool>("answered");
        QTest::addRow("valid") << "valid" << true;
        QTest::addRow("wrong") << "wrong" << false;
        QTest::addRow("missing") << "missing" << false;
        QTest::addRow("no-host-keys") << "nokeys" << false;
    }
    void dialInMac()
    {
        QFETCH(QString, mac);
        QFETCH(bool, answered);
        FixedKeySecurity security;
        host::AuthorizationEngine engine(m_bench->store, m_bench->clock, nullptr,
                                         mac == "nokeys" ? nullptr : &security);
        iso8583::Message request = networkRequest("301", "000003");
        if (mac != "missing")
            QVERIFY(online::MessageMac::apply(request, security.key).ok());
        if (mac == "wrong") {
            Bytes tampered = *request.bytes(online::MessageMac::macField(request));
            tampered[0] ^= 0x01;
            request.set(online::MessageMac::macField(request), tampered);
        }
        host::TerminalIdentity who{hostbench::kTerminalId, host::TerminalChannel::DialIn};
        auto decision = engine.handle(m_bench->encode(request), who);
        QCOMPARE(decision.disposition == host::Disposition::Respond, answered);
        if (!answered)
            return;
        auto response = iso8583::MessageCodec(iso8583::cardLinkProfile()).decode(decision.response);
        QVERIFY(response.ok());
        auto check = online::MessageMac::verify(*response, security.key);
        QVERIFY(check.ok());
        QCOMPARE(*check, online::MacCheck::Valid);
    }

private:
    std::unique_ptr<HostBench> m_bench;
};

QTEST_GUILESS_MAIN(TestHostMessages)
#include "tst_host_messages.moc"
