// Batch close (issue 5) against a real cardlink-host serve over TLS 1.3 on
// loopback: link::BatchCloser sends the terminal journal's totals of the
// open batch in a 0500 (docs/host.md, "Reconciliation: 0500").
// - a sale in the terminal's journal that the host never saw: 95, both
//   totals reported, the batch stays open on both sides;
// - once the host has that sale too (a genuine 0200 from the EMV kernel and
//   the simulated card through HostAuthorizer): 00, batch 2 opens on both;
// - a sale the host knows but the terminal's journal lacks: 95 again;
// - a terminal whose messages are MACed (DUKPT) closes its empty batch: 00;
// - the GUI's BatchController over HostLinkAuthorizer: the open batch's
//   totals, the 0500 on its thread, the mismatch in words with both totals.
#include "BatchCloser.h"
#include "BatchController.h"
#include "E2eHost.h"
#include "HostAuthorizer.h"
#include "HostLinkAuthorizer.h"
#include "TerminalBundle.h"
#include "TerminalState.h"
#include "emv/EmvKernel.h"
#include "journal/MemoryJournal.h"
#include "sim/CardProfile.h"
#include "sim/SimulatedCard.h"
#include "support/FixedRandom.h"
#include "support/PinCardholder.h"
#include "util/Clock.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cardlink;
using namespace cardlink::e2e;
using Kind = link::BatchCloser::Outcome::Kind;

namespace {
const QByteArray kPin = "73918246";

// A sale as the terminal journal keeps it once the card's TC is in.
journal::JournalRecord approvedSale(std::int64_t amount, std::uint32_t stan, int batch)
{
    journal::JournalRecord r;
    r.terminalId = "TERM0001";
    r.stan = stan;
    r.transmissionDateTime = "1202041500";
    r.amount = amount;
    r.currency = "826";
    r.maskedPan = "476173\xE2\x80\xA6"
                  "0010";
    r.state = journal::JournalState::Completed;
    r.cryptogram = journal::CryptogramKind::Tc;
    r.arc = "00";
    r.authCode = "123456";
    r.batch = batch;
    return r;
}

std::string describe(const Result<link::BatchCloser::Outcome>& outcome)
{
    return outcome ? std::string(link::batchOutcomeKindName(outcome->kind)) + " " +
                         outcome->responseCode
                   : outcome.error().describe();
}
} // namespace

class TestE2eBatch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_temp;
    std::unique_ptr<E2eHost> m_host;
    std::vector<std::string> m_log;

    qint64 hostBatch(const QString& terminal)
    {
        return m_host->queryNumber(
            QStringLiteral("SELECT batch_number FROM terminals WHERE id = '%1'").arg(terminal));
    }

    std::unique_ptr<link::HostAuthorizer> authorizer(const QString& bundleDir)
    {
        auto bundle = link::TerminalBundle::load(bundleDir);
        if (!bundle)
            return nullptr;
        return std::make_unique<link::HostAuthorizer>(
            std::move(*bundle), link::HostAuthorizer::Options{},
            [this](const std::string& line) { m_log.push_back(line); });
    }

    // A genuine online sale of `amount` on issued card `card` (1, 2; each
    // once: a profile loaded again starts its ATC again) through `host`;
    // the host's response code.
    std::string sell(link::HostAuthorizer& host, std::uint64_t amount, int cardNumber)
    {
        QFile profileFile(m_host->cardsDir() +
                          QStringLiteral("/pin-online-%1.json").arg(cardNumber));
        QFile caFile(m_host->cardsDir() + QStringLiteral("/ca-keys.json"));
        if (!profileFile.open(QIODevice::ReadOnly) || !caFile.open(QIODevice::ReadOnly))
            return "no card files";
        auto profile = sim::CardProfile::parse(profileFile.readAll().toStdString());
        auto keys = emv::CaPublicKeyStore::fromJson(caFile.readAll().toStdString());
        if (!profile || !keys)
            return "card files do not parse";
        sim::SimulatedCard card(std::move(*profile));
        card.powerOn();
        std::string code = "not online";
        test::PinCardholder cardholder(kPin.toStdString());
        test::FixedRandom random(Bytes{0x5A});
        emv::EmvKernel kernel(
            card, cardholder, onlineTerminalConfig(), *keys,
            [&](const emv::OnlineRequest& request) {
                emv::OnlineResponse response = host.authorize(request);
                code.assign(response.authorisationResponseCode.begin(),
                            response.authorisationResponseCode.end());
                return response;
            },
            SystemClock::instance(), random);
        emv::TransactionRequest request;
        request.amount = amount;
        auto outcome = kernel.run(request);
        return outcome ? code : outcome.error().describe();
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
        QVERIFY(QDir().mkpath(m_temp.filePath(QStringLiteral("mac"))));
        const Run macTerminal = m_host->admin(
            {"add-terminal", "--id", "TERM0002", "--merchant", "MERCHANT0000001", "--mac-required",
             "--out", m_temp.filePath(QStringLiteral("mac/TERM0002.json"))});
        QVERIFY2(macTerminal.exitCode == 0, qPrintable(macTerminal.summary()));
        const QString out = outputDir(QStringLiteral("tst_e2e_batch"), m_temp.path());
        QCOMPARE(m_host->start(out + QStringLiteral("/host.log")), QString());
    }

    void cleanupTestCase()
    {
        if (m_host)
            m_host->stop();
        const QString out = outputDir(QStringLiteral("tst_e2e_batch"), m_temp.path());
        QFile log(out + QStringLiteral("/link.log"));
        if (log.open(QIODevice::WriteOnly | QIODevice::Text))
            for (const std::string& line : m_log)
                log.write(QByteArray::fromStdString(line + "\n"));
    }

    void reconcile()
    {
        auto host = authorizer(m_host->bundleDir());
        QVERIFY(host);
        link::TerminalState state(host->bundle().stateFile());
        journal::MemoryJournal journal;
        link::BatchCloser closer(*host, journal, "826");

        // 1. The terminal journal has a 12.34 sale the host never saw.
        QVERIFY(journal.begin(approvedSale(1234, 900001, 1)).ok());
        auto first = closer.close();
        QVERIFY2(first.ok(), describe(first).c_str());
        QCOMPARE(int(first->kind), int(Kind::Mismatch));
        QCOMPARE(QString::fromStdString(first->responseCode), QStringLiteral("95"));
        QCOMPARE(first->terminal.totals.debitCount, 1u);
        QCOMPARE(first->terminal.totals.debitAmount, qint64{1234});
        QVERIFY(first->host.has_value());
        QCOMPARE(*first->host, host::BatchTotals{});
        QCOMPARE(first->openBatch, 1u);
        QCOMPARE(state.currentBatch().value(), 1u);
        QCOMPARE(hostBatch(QStringLiteral("TERM0001")), qint64{1});

        // 2. The host takes the same 12.34 (a genuine 0200): both agree.
        QCOMPARE(QString::fromStdString(sell(*host, 1234, 1)), QStringLiteral("00"));
        auto second = closer.close();
        QVERIFY2(second.ok(), describe(second).c_str());
        QCOMPARE(int(second->kind), int(Kind::Closed));
        QCOMPARE(QString::fromStdString(second->responseCode), QStringLiteral("00"));
        QVERIFY(second->host.has_value());
        QCOMPARE(*second->host, second->terminal.totals);
        QCOMPARE(second->openBatch, 2u);
        QCOMPARE(state.currentBatch().value(), 2u);
        QCOMPARE(hostBatch(QStringLiteral("TERM0001")), qint64{2});

        // 3. A 5.00 sale the host knows, missing from the terminal journal.
        QCOMPARE(QString::fromStdString(sell(*host, 500, 2)), QStringLiteral("00"));
        auto third = closer.close();
        QVERIFY2(third.ok(), describe(third).c_str());
        QCOMPARE(int(third->kind), int(Kind::Mismatch));
        QCOMPARE(third->terminal.batch, 2u);
        QCOMPARE(third->terminal.totals, host::BatchTotals{});
        QVERIFY(third->host.has_value());
        QCOMPARE(third->host->debitCount, 1u);
        QCOMPARE(third->host->debitAmount, qint64{500});
        QCOMPARE(state.currentBatch().value(), 2u);
        QCOMPARE(hostBatch(QStringLiteral("TERM0001")), qint64{2});

        // 4. A record still waiting for its reversal keeps the batch from
        // being sent at all.
        journal::JournalRecord pending = approvedSale(700, 900002, 2);
        pending.state = journal::JournalState::Sent;
        QVERIFY(journal.begin(pending).ok());
        auto fourth = closer.close();
        QVERIFY(!fourth.ok());
        QVERIFY2(fourth.error().message.find("wait for a reversal") != std::string::npos,
                 fourth.error().message.c_str());
    }

    void macedTerminal()
    {
        auto host = authorizer(m_temp.filePath(QStringLiteral("mac")));
        QVERIFY(host);
        QVERIFY(host->bundle().macRequired);
        journal::MemoryJournal journal;
        link::BatchCloser closer(*host, journal, "826");
        auto outcome = closer.close();
        QVERIFY2(outcome.ok(), describe(outcome).c_str());
        QCOMPARE(int(outcome->kind), int(Kind::Closed));
        QCOMPARE(outcome->openBatch, 2u);
        QCOMPARE(hostBatch(QStringLiteral("TERM0002")), qint64{2});
    }

    // After reconcile(): TERM0001's batch 2 holds the host's 5.00 sale, and
    // the terminal's journal has none of it.
    void controller()
    {
        auto bundle = link::TerminalBundle::load(m_host->bundleDir());
        QVERIFY(bundle.ok());
        terminal::HostLinkAuthorizer host(std::move(*bundle));
        journal::MemoryJournal journal;
        terminal::BatchController batch(2, QStringLiteral("GBP"), "826");
        using State = terminal::BatchController::State;
        QCOMPARE(batch.state(), State::Unavailable);
        QVERIFY(!batch.canClose());
        batch.setJournal(&journal);
        batch.setHost(&host);
        QCOMPARE(batch.state(), State::Ready);
        QCOMPARE(batch.batchText(), QStringLiteral("Batch 2"));
        QCOMPARE(batch.terminalTotals(), QStringLiteral("0 sales 0.00 GBP, 0 reversals 0.00 GBP"));
        QVERIFY(batch.canClose());

        QSignalSpy finished(&batch, &terminal::BatchController::finished);
        QVERIFY(batch.closeBatch());
        QCOMPARE(batch.state(), State::Running);
        QVERIFY(!batch.closeBatch()); // one at a time
        QVERIFY(finished.wait(20000));
        QCOMPARE(batch.state(), State::Mismatch);
        QCOMPARE(batch.title(), QStringLiteral("Batch 2 does not balance"));
        QCOMPARE(batch.hostTotals(), QStringLiteral("1 sale 5.00 GBP, 0 reversals 0.00 GBP"));
        QVERIFY(batch.detail().contains(QStringLiteral("stays open")));

        // The host's sale, now in the terminal's journal too: closed.
        journal::JournalRecord sale = approvedSale(500, 900003, 2);
        QVERIFY(journal.begin(sale).ok());
        batch.journalChanged(); // the mismatch stays on screen
        QCOMPARE(batch.state(), State::Mismatch);
        batch.refresh();
        QCOMPARE(batch.state(), State::Ready);
        QCOMPARE(batch.terminalTotals(), QStringLiteral("1 sale 5.00 GBP, 0 reversals 0.00 GBP"));
        journal::JournalRecord declined = approvedSale(900, 900004, 2);
        declined.state = journal::JournalState::Declined;
        declined.authCode.clear();
        QVERIFY(journal.begin(declined).ok());
        batch.journalChanged(); // Ready: read again, the decline counts nothing
        QCOMPARE(batch.terminalTotals(), QStringLiteral("1 sale 5.00 GBP, 0 reversals 0.00 GBP"));
        QVERIFY(batch.closeBatch());
        QVERIFY(finished.wait(20000));
        QCOMPARE(batch.state(), State::Closed);
        QCOMPARE(batch.title(), QStringLiteral("Batch 2 closed"));
        QVERIFY(batch.detail().contains(QStringLiteral("batch 3")));
        QCOMPARE(hostBatch(QStringLiteral("TERM0001")), qint64{3});
    }
};

QTEST_GUILESS_MAIN(TestE2eBatch)
#include "tst_e2e_batch.moc"
