// AuthorizationEngine decisions on card requests (0200), with genuine ARQCs
// from the simulated card through the real EMV kernel, and the card's own
// check of the ARPC and the issuer scripts the host sends back.
#include "HostTestBench.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::test;
using host::Money;
using simemv_kind = cardlink::sim::emv::CardKind;
namespace f = cardlink::iso8583::field;

Q_DECLARE_METATYPE(cardlink::sim::emv::CardKind)
Q_DECLARE_METATYPE(cardlink::emv::OutcomeKind)
Q_DECLARE_METATYPE(cardlink::host::CardStatus)
Q_DECLARE_METATYPE(cardlink::host::PendingScript)

namespace {

enum class Setup {
    None,
    NotAtHost,
    Blocked,
    Lost,
    TransactionLimit,
    ArpcMethod2,
    TamperedCryptogram,
    WrongPin,
    OtherCurrency,
    NoChipData,
    OtherMerchant,
    OtherTerminalId,
    AtcWindow,
    Inactive,
};

// Flips a bit of the cryptogram 9F26 in field 55.
void tamperCryptogram(iso8583::Message& message)
{
    auto objects = tlv::parse(*message.bytes(f::kIccData));
    for (auto& object : *objects)
        if (object.tag == 0x9F26)
            object.value[0] ^= 0x01;
    message.set(f::kIccData, *tlv::encode(*objects));
}

Bytes field55(const HostBench::Payment& payment)
{
    const auto* value = payment.response.bytes(f::kIccData);
    return value ? *value : Bytes{};
}

} // namespace

Q_DECLARE_METATYPE(Setup)

class TestHostAuthorization : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { hostbench::Pki::instance(); }
    void init() { m_bench = std::make_unique<HostBench>(); }
    void cleanup()
    {
        // The ledger is balanced after every test, whatever it did.
        QCOMPARE(m_bench->ledgerSum(), Money{0});
        m_bench.reset();
    }

    void decision_data()
    {
        QTest::addColumn<simemv_kind>("kind");
        QTest::addColumn<Setup>("setup");
        QTest::addColumn<qint64>("balance");
        QTest::addColumn<qint64>("amount");
        QTest::addColumn<QString>("code");
        QTest::addColumn<bool>("arpc"); // field 55 with tag 91 in the response
        QTest::addColumn<emv::OutcomeKind>("outcome");

        using K = simemv_kind;
        const auto approved = emv::OutcomeKind::ApprovedOnline;
        const auto declined = emv::OutcomeKind::Declined;
        QTest::addRow("approved-3des-no-cvm")
            << K::NoCvm << Setup::None << 10000ll << 1234ll << "00" << true << approved;
        QTest::addRow("approved-3des-dda")
            << K::Dda << Setup::None << 10000ll << 9999ll << "00" << true << approved;
        QTest::addRow("approved-aes-cda")
            << K::Cda << Setup::None << 10000ll << 1234ll << "00" << true << approved;
        QTest::addRow("approved-sda-format1")
            << K::Sda << Setup::None << 10000ll << 1234ll << "00" << true << approved;
        QTest::addRow("approved-arpc-method-2")
            << K::Dda << Setup::ArpcMethod2 << 10000ll << 1234ll << "00" << true << approved;
        QTest::addRow("approved-online-pin")
            << K::PinOnline << Setup::None << 10000ll << 1234ll << "00" << true << approved;
        QTest::addRow("approved-whole-balance")
            << K::NoCvm << Setup::None << 1234ll << 1234ll << "00" << true << approved;
        QTest::addRow("unknown-card-14")
            << K::NoCvm << Setup::NotAtHost << 10000ll << 1234ll << "14" << false << declined;
        QTest::addRow("expired-54")
            << K::Expired << Setup::None << 10000ll << 1234ll << "54" << true << declined;
        QTest::addRow("insufficient-funds-51")
            << K::NoCvm << Setup::None << 1233ll << 1234ll << "51" << true << declined;
        QTest::addRow("over-transaction-limit-61")
            << K::NoCvm << Setup::TransactionLimit << 10000ll << 1234ll << "61" << true << declined;
        QTest::addRow("wrong-online-pin-55")
            << K::PinOnline << Setup::WrongPin << 10000ll << 1234ll << "55" << true << declined;
        QTest::addRow("blocked-62")
            << K::NoCvm << Setup::Blocked << 10000ll << 1234ll << "62" << true << declined;
        QTest::addRow("lost-41") << K::NoCvm << Setup::Lost << 10000ll << 1234ll << "41" << true
                                 << declined;
        QTest::addRow("not-activated-78")
            << K::NoCvm << Setup::Inactive << 10000ll << 1234ll << "78" << true << declined;
        QTest::addRow("tampered-arqc-05") << K::NoCvm << Setup::TamperedCryptogram << 10000ll
                                          << 1234ll << "05" << false << declined;
        QTest::addRow("atc-out-of-window-05")
            << K::NoCvm << Setup::AtcWindow << 10000ll << 1234ll << "05" << false << declined;
        QTest::addRow("other-currency-12")
            << K::NoCvm << Setup::OtherCurrency << 10000ll << 1234ll << "12" << true << declined;
        QTest::addRow("no-chip-data-12")
            << K::NoCvm << Setup::NoChipData << 10000ll << 1234ll << "12" << false << declined;
        QTest::addRow("other-merchant-03")
            << K::NoCvm << Setup::OtherMerchant << 10000ll << 1234ll << "03" << false << declined;
        QTest::addRow("other-terminal-id-58")
            << K::NoCvm << Setup::OtherTerminalId << 10000ll << 1234ll << "58" << false << declined;
    }
    void decision()
    {
        QFETCH(simemv_kind, kind);
        QFETCH(Setup, setup);
        QFETCH(qint64, balance);
        QFETCH(qint64, amount);
        QFETCH(QString, code);
        QFETCH(bool, arpc);
        QFETCH(emv::OutcomeKind, outcome);

        auto& bench = *m_bench;
        const std::string pan = bench.addCard(
            kind, 1, balance,
            [&](std::string& json, host::Card& card) {
                switch (setup) {
                case Setup::Blocked:
                    card.status = host::CardStatus::Blocked;
                    break;
                case Setup::Lost:
                    card.status = host::CardStatus::Lost;
                    break;
                case Setup::Inactive:
                    card.status = host::CardStatus::Inactive;
                    break;
                case Setup::AtcWindow:
                    card.lastAtc = 0;
                    card.atcWindow = 0;
                    break;
                case Setup::ArpcMethod2: {
                    const std::string from = "\"arpcMethod\": 1";
                    const auto at = json.find(from);
                    QVERIFY(at != std::string::npos);
                    json.replace(at, from.size(), "\"arpcMethod\": 2");
                    card.arpcMethod = host::ArpcMethod::Method2;
                    break;
                }
                default:
                    break;
                }
            },
            setup != Setup::NotAtHost);
        if (setup == Setup::TransactionLimit) {
            auto account = *bench.store.findAccount(HostBench::accountOf(pan));
            account->perTransactionLimit = 1000;
            bench.store.addAccount(*account);
        }
        if (setup == Setup::WrongPin)
            bench.cardholder.pin = "9999";

        auto payment = bench.pay(pan, static_cast<std::uint64_t>(amount), [&](iso8583::Message& m) {
            switch (setup) {
            case Setup::TamperedCryptogram:
                tamperCryptogram(m);
                break;
            case Setup::OtherCurrency:
                m.set(f::kCurrencyCode, "978");
                break;
            case Setup::NoChipData:
                m.remove(f::kIccData);
                break;
            case Setup::OtherMerchant:
                m.set(f::kMerchantId, "MERCHANT0000002");
                break;
            case Setup::OtherTerminalId:
                m.set(f::kTerminalId, "TERM0002");
                break;
            default:
                break;
            }
        });
        const std::string summary = payment.responseCode() + " / " +
                                    emv::outcomeKindName(payment.outcome->kind) + ": " +
                                    payment.outcome->reason;
        QVERIFY2(payment.decision.disposition == host::Disposition::Respond, summary.c_str());
        QCOMPARE(QString::fromStdString(payment.responseCode()), code);
        QVERIFY2(payment.outcome->kind == outcome, summary.c_str());
        QCOMPARE(payment.response.mti(), std::string("0210"));

        // 91 is there exactly when the cryptogram was verified; the card
        // accepted it when it approved (ApprovedOnline needs EXTERNAL
        // AUTHENTICATE to pass).
        auto objects = tlv::parse(field55(payment));
        QVERIFY(objects.ok());
        QCOMPARE(tlv::findTag(*objects, 0x91) != nullptr, arpc);
        if (code == "00")
            QVERIFY(payment.response.has(f::kAuthorizationCode));
        else
            QVERIFY(!payment.response.has(f::kAuthorizationCode));

        const Money posted = code == "00" ? amount : 0;
        if (setup != Setup::NotAtHost)
            QCOMPARE(bench.balance(HostBench::accountOf(pan)), Money{balance} - posted);
        QCOMPARE(bench.balance(hostbench::kMerchantAccount), posted);
        QCOMPARE(bench.store.ledger().size(), std::size_t(posted ? 2 : 0));
        // Security declines are logged.
        if (setup == Setup::OtherMerchant || setup == Setup::OtherTerminalId ||
            setup == Setup::TamperedCryptogram)
            QVERIFY(!payment.decision.log.empty());
    }

    // The host remembers the ATC of every verified ARQC: the same field 55
    // under a new STAN is a replay.
    void atcReplay()
    {
        auto& bench = *m_bench;
        const std::string pan = bench.addCard(simemv_kind::NoCvm, 2, 10000);
        auto first = bench.pay(pan, 100);
        QCOMPARE(first.responseCode(), std::string("00"));
        iso8583::Message replay = first.request;
        replay.set(f::kStan, "999999");
        auto second = bench.send(replay);
        QCOMPARE(second.responseCode(), std::string("05"));
        auto card = *bench.store.findCard(pan, 1);
        QCOMPARE(card->lastAtc.value_or(0), std::uint16_t{1});
        // The card's next genuine ARQC still goes through.
        auto third = bench.pay(pan, 100);
        QCOMPARE(third.responseCode(), std::string("00"));
        QCOMPARE(bench.balance(HostBench::accountOf(pan)), Money{9800});
    }

    // Online PIN tries: 55 until the limit, then 75, even for the right PIN.
    void pinTries()
    {
        auto& bench = *m_bench;
        const std::string pan = bench.addCard(simemv_kind::PinOnline, 3, 10000);
        bench.cardholder.pin = "9999";
        QCOMPARE(bench.pay(pan, 100).responseCode(), std::string("55"));
        bench.cardholder.pin = "1234";
        QCOMPARE(bench.pay(pan, 100).responseCode(), std::string("00"));
        QCOMPARE((*bench.store.findCard(pan, 1))->pinTryCount, 0u);
        bench.cardholder.pin = "9999";
        QCOMPARE(bench.pay(pan, 100).responseCode(), std::string("55"));
        QCOMPARE(bench.pay(pan, 100).responseCode(), std::string("55"));
        QCOMPARE(bench.pay(pan, 100).responseCode(), std::string("75"));
        QCOMPARE((*bench.store.findCard(pan, 1))->pinTryCount, 3u);
        const int calls = bench.pins.calls;
        bench.cardholder.pin = "1234";
        QCOMPARE(bench.pay(pan, 100).responseCode(), std::string("75"));
        QCOMPARE(bench.pins.calls, calls); // not even looked at
        QCOMPARE(bench.balance(HostBench::accountOf(pan)), Money{9900});
    }

    // Issuer scripts: the card takes the host's secure-messaging MAC and acts.
    void issuerScripts_data()
    {
        QTest::addColumn<simemv_kind>("kind");
        QTest::addColumn<host::CardStatus>("status");
        QTest::addColumn<host::PendingScript>("script");
        QTest::addColumn<QString>("code");
        QTest::addColumn<emv::OutcomeKind>("next"); // the card's next transaction
        QTest::addRow("application-block")
            << simemv_kind::NoCvm << host::CardStatus::Blocked
            << host::PendingScript::ApplicationBlock << "62" << emv::OutcomeKind::NotAccepted;
        QTest::addRow("application-block-aes")
            << simemv_kind::Cda << host::CardStatus::Blocked
            << host::PendingScript::ApplicationBlock << "62" << emv::OutcomeKind::NotAccepted;
        QTest::addRow("block-pending-active")
            << simemv_kind::NoCvm << host::CardStatus::Active
            << host::PendingScript::ApplicationBlock << "62" << emv::OutcomeKind::NotAccepted;
        QTest::addRow("card-block")
            << simemv_kind::Dda << host::CardStatus::Blocked << host::PendingScript::CardBlock
            << "62" << emv::OutcomeKind::CardBlocked;
        QTest::addRow("pin-unblock")
            << simemv_kind::PinBlocked << host::CardStatus::Active
            << host::PendingScript::PinUnblock << "00" << emv::OutcomeKind::ApprovedOnline;
    }
    void issuerScripts()
    {
        QFETCH(simemv_kind, kind);
        QFETCH(host::CardStatus, status);
        QFETCH(host::PendingScript, script);
        QFETCH(QString, code);
        QFETCH(emv::OutcomeKind, next);
        auto& bench = *m_bench;
        const std::string pan = bench.addCard(kind, 4, 10000, [&](std::string&, host::Card& card) {
            card.status = status;
            card.pendingScript = script;
        });
        auto payment = bench.pay(pan, 100);
        QCOMPARE(QString::fromStdString(payment.responseCode()), code);
        auto objects = tlv::parse(field55(payment));
        QVERIFY(objects.ok());
        const auto* templ = tlv::findTag(*objects, 0x72);
        QVERIFY(templ);
        QVERIFY(templ->find(0x86));
        // Delivered once.
        QCOMPARE((*bench.store.findCard(pan, 1))->pendingScript, host::PendingScript::None);
        if (kind == simemv_kind::PinBlocked)
            QVERIFY(payment.outcome->tvr.test(emv::TvrBit::PinTryLimitExceeded));

        if (script == host::PendingScript::PinUnblock) {
            // PIN tries reset by the script: offline PIN works again.
            auto after = bench.pay(pan, 100);
            QCOMPARE(after.outcome->kind, next);
            QVERIFY(!after.outcome->tvr.test(emv::TvrBit::PinTryLimitExceeded));
            QVERIFY(!field55(after).empty());
            QVERIFY(!tlv::findTag(*tlv::parse(field55(after)), 0x72));
        } else {
            // The card itself refuses now, before any host is asked.
            auto after = bench.pay(pan, 100);
            QVERIFY2(after.outcome->kind == next, after.outcome->reason.c_str());
            QVERIFY(after.request.mti().empty());
        }
    }

    // The same request again: the stored bytes, one posting. Same key with
    // other content: 94, nothing posted.
    void duplicates()
    {
        auto& bench = *m_bench;
        const std::string pan = bench.addCard(simemv_kind::NoCvm, 5, 10000);
        auto first = bench.pay(pan, 700);
        QCOMPARE(first.responseCode(), std::string("00"));
        const std::size_t units = bench.store.committedUnits();
        auto again = bench.send(first.request);
        QVERIFY(again.decision.repeat);
        QCOMPARE(toHex(again.decision.response), toHex(first.decision.response));
        QCOMPARE(bench.store.committedUnits(), units);
        iso8583::Message other = first.request;
        other.set(f::kAmount, "000000000701");
        auto changed = bench.send(other);
        QCOMPARE(changed.responseCode(), std::string("94"));
        QVERIFY(!changed.decision.unit);
        QCOMPARE(bench.store.committedUnits(), units);
        QCOMPARE(bench.balance(HostBench::accountOf(pan)), Money{9300});
        QCOMPARE(bench.store.ledger().size(), std::size_t(2));
    }

    // Two requests of one card decided against the same state: the second
    // unit conflicts (card and account versions moved) and changes nothing;
    // handle() decides it again and now sees the lower balance.
    void conflictDecidesAgain()
    {
        auto& bench = *m_bench;
        const std::string pan = bench.addCard(simemv_kind::NoCvm, 6, 1000);
        const iso8583::Message first = bench.capture(pan, 600);
        const iso8583::Message second = bench.capture(pan, 600);
        auto one = bench.engine.decide(bench.encode(first), bench.identity);
        auto two = bench.engine.decide(bench.encode(second), bench.identity);
        QCOMPARE(one.responseCode, std::string("00"));
        QCOMPARE(two.responseCode, std::string("00"));
        const std::vector<host::CommitUnit> units{*one.unit, *two.unit};
        auto statuses = bench.store.commit(units);
        QVERIFY(statuses.ok());
        QCOMPARE(statuses->at(0), host::CommitStatus::Committed);
        QCOMPARE(statuses->at(1), host::CommitStatus::Conflict);
        QCOMPARE(bench.balance(HostBench::accountOf(pan)), Money{400});
        auto retried = bench.send(second);
        QCOMPARE(retried.responseCode(), std::string("51"));
        QCOMPARE(bench.balance(HostBench::accountOf(pan)), Money{400});
        QCOMPARE((*bench.store.findCard(pan, 1))->lastAtc.value_or(0), std::uint16_t{2});
    }

private:
    std::unique_ptr<HostBench> m_bench;
};

QTEST_GUILESS_MAIN(TestHostAuthorization)
#include "tst_host_authorization.moc"
