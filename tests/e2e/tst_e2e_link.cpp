// The terminal's host link against a real cardlink-host serve over TLS 1.3
// on loopback, without the CLI: a genuine 0200 (the EMV kernel with the
// simulated card of an issued profile, online PIN enciphered under the
// bundle's DUKPT key) sent twice with the same STAN and field 7 is answered
// byte for byte the same and posted once; its 0400 sent twice restores the
// balance exactly once. Also: HostLink's errors (host unreachable, handshake
// time-out) and TerminalState never handing out a STAN or KSN twice.
#include "E2eHost.h"
#include "HostAuthorizer.h"
#include "HostLink.h"
#include "LosingProxy.h"
#include "TerminalBundle.h"
#include "TerminalState.h"
#include "emv/EmvKernel.h"
#include "iso8583/CardLinkProfile.h"
#include "iso8583/MessageCodec.h"
#include "online/RequestBuilder.h"
#include "online/ResponseParser.h"
#include "online/ReversalBuilder.h"
#include "sim/CardProfile.h"
#include "sim/SimulatedCard.h"
#include "support/FixedRandom.h"
#include "support/PinCardholder.h"
#include "util/Clock.h"

#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <set>
#include <thread>

using namespace cardlink;
using namespace cardlink::e2e;

namespace {
const QByteArray kPin = "73918246";

const iso8583::MessageCodec& codec()
{
    static const iso8583::MessageCodec instance(iso8583::cardLinkProfile());
    return instance;
}

QByteArray qbytes(const Bytes& bytes)
{
    return QByteArray(reinterpret_cast<const char*>(bytes.data()), qsizetype(bytes.size()));
}
} // namespace

class TestE2eLink : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_temp;
    std::unique_ptr<E2eHost> m_host;
    std::unique_ptr<link::TerminalBundle> m_bundle;
    iso8583::Message m_purchase;
    Bytes m_purchaseWire;

    qint64 balance() { return m_host->ledgerSum(QStringLiteral("card:pin-online-1")); }
    qint64 entries()
    {
        return m_host->queryNumber(QStringLiteral("SELECT COUNT(*) FROM ledger_entries"));
    }

    // Sends `wire` on a new link; the answer's bytes (empty on failure).
    Bytes send(const Bytes& wire)
    {
        link::HostLink link(*m_bundle, {});
        auto answer = link.exchange(wire);
        if (!answer) {
            qWarning("%s", answer.error().describe().c_str());
            return {};
        }
        return *answer;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_temp.isValid());
        m_host = std::make_unique<E2eHost>(m_temp.filePath(QStringLiteral("host")));
        QCOMPARE(m_host->setUp(), QString());
        const Run issued = m_host->admin({"issue-card", "--kind", "pin-online", "--count", "2",
                                          "--currency", "826", "--pin-stdin", "--test-keys"},
                                         kPin + "\n");
        QVERIFY2(issued.exitCode == 0, qPrintable(issued.summary()));
        const QString log =
            outputDir(QStringLiteral("tst_e2e_link"), m_temp.path()) + QStringLiteral("/host.log");
        // A second terminal whose messages are MACed (DUKPT MAC key) on TLS too.
        QVERIFY(QDir().mkpath(m_temp.filePath(QStringLiteral("mac"))));
        const Run macTerminal = m_host->admin(
            {"add-terminal", "--id", "TERM0002", "--merchant", "MERCHANT0000001", "--mac-required",
             "--out", m_temp.filePath(QStringLiteral("mac/TERM0002.json"))});
        QVERIFY2(macTerminal.exitCode == 0, qPrintable(macTerminal.summary()));
        QCOMPARE(m_host->start(log), QString());
        auto bundle = link::TerminalBundle::load(m_host->bundleDir());
        QVERIFY2(bundle.ok(), bundle.ok() ? "" : bundle.error().describe().c_str());
        m_bundle = std::make_unique<link::TerminalBundle>(std::move(*bundle));

        // A genuine 0200: the kernel with the issued card, captured when it
        // goes online (the kernel then hears "unable to go online").
        QFile profileFile(m_host->cardsDir() + QStringLiteral("/pin-online-1.json"));
        QFile caFile(m_host->cardsDir() + QStringLiteral("/ca-keys.json"));
        QVERIFY(profileFile.open(QIODevice::ReadOnly) && caFile.open(QIODevice::ReadOnly));
        auto profile = sim::CardProfile::parse(profileFile.readAll().toStdString());
        auto keys = emv::CaPublicKeyStore::fromJson(caFile.readAll().toStdString());
        QVERIFY(profile.ok() && keys.ok());
        sim::SimulatedCard card(std::move(*profile));
        card.powerOn();
        const emv::TerminalConfig config = onlineTerminalConfig();
        link::TerminalState state(m_bundle->stateFile());
        std::string built = "not online";
        auto online = [&](const emv::OnlineRequest& request) {
            auto stan = state.nextStan();
            auto key = state.nextTransactionKey(*m_bundle);
            if (!stan || !key) {
                built = "no STAN or key";
                return emv::OnlineResponse{};
            }
            online::TerminalIdentity identity{m_bundle->terminalId.toStdString(),
                                              m_bundle->merchantId.toStdString()};
            auto message = online::RequestBuilder::onlineRequest(
                request, identity, online::MessageStamp::at(SystemClock::instance(), *stan), {},
                {&*key, m_bundle->macRequired});
            if (!message) {
                built = message.error().describe();
                return emv::OnlineResponse{};
            }
            m_purchase = *message;
            built.clear();
            return emv::OnlineResponse{};
        };
        test::PinCardholder cardholder(kPin.toStdString());
        test::FixedRandom random(Bytes{0x3C});
        emv::EmvKernel kernel(card, cardholder, config, *keys, online, SystemClock::instance(),
                              random);
        emv::TransactionRequest request;
        request.amount = 1234;
        QVERIFY(kernel.run(request).ok());
        QVERIFY2(built.empty(), built.c_str());
        QVERIFY(m_purchase.has(52) && m_purchase.has(53)); // the PIN, enciphered
        auto wire = codec().encode(m_purchase);
        QVERIFY(wire.ok());
        m_purchaseWire = *wire;
        QVERIFY(!qbytes(m_purchaseWire).contains(kPin));
    }

    void cleanup() { QCOMPARE(m_host->ledgerSum(), qint64{0}); }

    void cleanupTestCase()
    {
        if (m_host)
            m_host->stop();
    }

    // The same 0200 (same 11 and 7) twice: one posting, the stored answer.
    void duplicateRequest()
    {
        const qint64 before = balance();
        const qint64 entriesBefore = entries();
        const Bytes first = send(m_purchaseWire);
        QVERIFY(!first.empty());
        auto response = online::ResponseParser::decodeAuthorization(first, m_purchase);
        QVERIFY2(response.ok(), response.ok() ? "" : response.error().describe().c_str());
        QCOMPARE(qbytes(response->authorisationResponseCode), QByteArray("00"));
        QCOMPARE(balance() - before, qint64{-1234});

        const Bytes second = send(m_purchaseWire);
        QCOMPARE(qbytes(second).toHex(), qbytes(first).toHex());
        QCOMPARE(balance() - before, qint64{-1234});
        QCOMPARE(entries() - entriesBefore, qint64{2});
    }

    // Its 0400 twice (byte for byte), then as 0401: reversed exactly once.
    void reversalOnce()
    {
        const qint64 before = balance();
        const qint64 entriesBefore = entries();
        link::TerminalState state(m_bundle->stateFile());
        auto stan = state.nextStan();
        QVERIFY(stan.ok());
        const auto stamp = online::MessageStamp::at(SystemClock::instance(), *stan);
        auto reversal = online::ReversalBuilder::reversal(m_purchase, stamp, "68", false, {});
        QVERIFY(reversal.ok());
        auto wire = codec().encode(*reversal);
        QVERIFY(wire.ok());
        for (int i = 0; i < 2; ++i) {
            const Bytes answer = send(*wire);
            auto decoded = codec().decode(answer);
            QVERIFY(decoded.ok());
            auto code = online::ResponseParser::responseCode(*decoded, *reversal);
            QVERIFY2(code.ok(), code.ok() ? "" : code.error().describe().c_str());
            QCOMPARE(QString::fromStdString(*code), QStringLiteral("00"));
            QCOMPARE(balance() - before, qint64{1234});
        }
        auto repeat = online::ReversalBuilder::reversal(m_purchase, stamp, "68", true, {});
        QVERIFY(repeat.ok());
        auto repeatWire = codec().encode(*repeat);
        QVERIFY(repeatWire.ok());
        QVERIFY(!send(*repeatWire).empty());
        QCOMPARE(balance() - before, qint64{1234});
        QCOMPARE(entries() - entriesBefore, qint64{2});
    }

    // HostAuthorizer behind a link that loses the host's answer to the 0200
    // (the host has posted it): the terminal reverses it, the kernel hears
    // "unable to go online", and the card's account ends where it started.
    void lostAnswerIsReversed()
    {
        auto bundle = link::TerminalBundle::load(m_host->bundleDir());
        QVERIFY(bundle.ok());
        LosingProxy proxy(*m_bundle, m_host->dir(), QStringLiteral("0200"), 1);
        QCOMPARE(proxy.listen(), QString());
        bundle->tlsPort = proxy.port();

        const QString account = QStringLiteral("card:pin-online-2");
        const QString sql = QStringLiteral("SELECT COALESCE(SUM(amount), 0) FROM ledger_entries "
                                           "WHERE account_id = '%1'")
                                .arg(account);
        const qint64 before = m_host->queryNumber(sql);
        const qint64 entriesBefore = entries();
        std::vector<std::string> log;
        link::HostAuthorizer authorizer(std::move(*bundle), {},
                                        [&log](const std::string& line) { log.push_back(line); });

        QFile profileFile(m_host->cardsDir() + QStringLiteral("/pin-online-2.json"));
        QFile caFile(m_host->cardsDir() + QStringLiteral("/ca-keys.json"));
        QVERIFY(profileFile.open(QIODevice::ReadOnly) && caFile.open(QIODevice::ReadOnly));
        auto profile = sim::CardProfile::parse(profileFile.readAll().toStdString());
        auto keys = emv::CaPublicKeyStore::fromJson(caFile.readAll().toStdString());
        QVERIFY(profile.ok() && keys.ok());
        sim::SimulatedCard card(std::move(*profile));
        card.powerOn();
        emv::OnlineDecision decision = emv::OnlineDecision::Approved;
        auto online = [&](const emv::OnlineRequest& request) {
            auto response = authorizer.authorize(request);
            decision = response.decision;
            return response;
        };
        test::PinCardholder cardholder(kPin.toStdString());
        test::FixedRandom random(Bytes{0x3C});
        emv::EmvKernel kernel(card, cardholder, onlineTerminalConfig(), *keys, online,
                              SystemClock::instance(), random);
        // The kernel and the blocking link on a worker thread; the proxy
        // runs on this thread's event loop.
        std::atomic<bool> done{false};
        std::thread worker([&] {
            emv::TransactionRequest request;
            request.amount = 1234;
            (void)kernel.run(request);
            done = true;
        });
        const bool finished = QTest::qWaitFor([&] { return done.load(); }, 30000);
        worker.join();
        QVERIFY(finished);

        std::string all;
        for (const auto& line : log)
            all += line + "\n";
        QCOMPARE(int(decision), int(emv::OnlineDecision::UnableToGoOnline));
        QCOMPARE(proxy.dropped(), 1);
        QVERIFY2(all.find("0400 reversal") != std::string::npos, all.c_str());
        QVERIFY2(all.find("reversal answered 00") != std::string::npos, all.c_str());
        QVERIFY(all.find(kPin.toStdString()) == std::string::npos);
        // Posted by the 0200, taken back by the 0400: 2 + 2 entries, net 0.
        QCOMPARE(m_host->queryNumber(sql), before);
        QCOMPARE(entries() - entriesBefore, qint64{4});
    }

    // 0800 echo for a plain and a MACed terminal: the host answers 00, and
    // the MACed answer's MAC verifies under the request's DUKPT key.
    void echo_data()
    {
        QTest::addColumn<QString>("bundle");
        QTest::addColumn<bool>("mac");
        QTest::addRow("tls") << QStringLiteral("host/bundle") << false;
        QTest::addRow("tls-with-mac") << QStringLiteral("mac/TERM0002.json") << true;
    }
    void echo()
    {
        QFETCH(QString, bundle);
        QFETCH(bool, mac);
        auto loaded = link::TerminalBundle::load(m_temp.filePath(bundle));
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->macRequired, mac);
        const QString state = loaded->stateFile();
        auto before = link::TerminalState(state).read();
        QVERIFY(before.ok());
        link::HostAuthorizer authorizer(std::move(*loaded), {}, {});
        auto echo = authorizer.echo();
        QVERIFY2(echo.ok(), echo.ok() ? "" : echo.error().describe().c_str());
        QCOMPARE(QString::fromStdString(echo->responseCode), QStringLiteral("00"));
        QVERIFY(echo->roundTrip.count() > 0);
        auto counters = link::TerminalState(state).read();
        QVERIFY(counters.ok());
        // A MACed message uses a DUKPT key (one KSN); a plain echo none.
        QCOMPARE(counters->ksnCounter != before->ksnCounter, mac);
        QCOMPARE(counters->stan, online::MessageStamp::nextStan(before->stan));
    }

    void linkErrors_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::addRow("host-unreachable") << "closed-port"
                                          << "host unreachable";
        QTest::addRow("handshake-timeout") << "silent-server"
                                           << "TLS handshake timed out";
    }
    void linkErrors()
    {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        auto bundle = link::TerminalBundle::load(m_host->bundleDir());
        QVERIFY(bundle.ok());
        QTcpServer silent;
        if (kind == QLatin1String("silent-server")) {
            QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
            bundle->tlsPort = silent.serverPort();
        } else {
            bundle->tlsPort = freeLoopbackPort();
        }
        link::HostLink link(*bundle, {300, 300});
        auto answer = link.exchange(m_purchaseWire);
        QVERIFY(!answer.ok());
        QVERIFY2(QString::fromStdString(answer.error().message).contains(message),
                 answer.error().message.c_str());
        QCOMPARE(int(link.lastFailure().stage), int(link::HostLink::Stage::Connect));
    }

    // A STAN or a KSN is never handed out twice, across instances (runs).
    void countersNeverRepeat()
    {
        QTemporaryDir dir;
        std::set<std::uint32_t> stans;
        std::set<std::string> ksns;
        for (int run = 0; run < 3; ++run) {
            link::TerminalState state(dir.filePath(QStringLiteral("t.json.state")));
            for (int i = 0; i < 4; ++i) {
                auto stan = state.nextStan();
                auto key = state.nextTransactionKey(*m_bundle);
                QVERIFY(stan.ok() && key.ok());
                QVERIFY(stans.insert(*stan).second);
                QVERIFY(ksns.insert(key->ksn.hex()).second);
            }
        }
        auto counters = link::TerminalState(dir.filePath(QStringLiteral("t.json.state"))).read();
        QVERIFY(counters.ok());
        QCOMPARE(counters->stan, 12u);
        QCOMPARE(counters->ksnCounter, 12u);
    }
};

QTEST_GUILESS_MAIN(TestE2eLink)
#include "tst_e2e_link.moc"
