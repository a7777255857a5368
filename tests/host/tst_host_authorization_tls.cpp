// Authorizations through the real cardlink-host over loopback TLS: genuine
// EMV requests (kernel + simulated card) from a terminal with its client
// certificate, the engine's answer, the SQLite ledger after the fact.
#include "CardRequests.h"
#include "HostContext.h"
#include "HostTestEnvironment.h"

#include <QTest>

#include <map>

using namespace cardlink;
using namespace cardlink::test;

class TestHostAuthorizationTls : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HostDirectory> m_dir;
    std::unique_ptr<CardRequests> m_cards;
    std::unique_ptr<HostProcess> m_host;
    std::map<std::string, std::string> m_pans; // row name -> PAN

    std::string report()
    {
        std::string text;
        m_dir->admin({"report"}, &text);
        return text;
    }

private slots:
    void initTestCase()
    {
        m_dir = std::make_unique<HostDirectory>();
        QVERIFY(m_dir->ok());
        m_cards = std::make_unique<CardRequests>();
        {
            auto host = host::HostContext::open(std::filesystem::path(m_dir->dir()) / "host.json");
            QVERIFY(host.ok());
            m_pans["approved"] = m_cards->addCard(1, *host->store, 100000);
            m_pans["not-enough-funds"] = m_cards->addCard(2, *host->store, 1000);
            m_pans["blocked-card"] = m_cards->addCard(3, *host->store, 100000);
            m_pans["unknown-card"] = m_cards->addCard(4, *host->store, 0, false);
            m_pans["repeat"] = m_cards->addCard(5, *host->store, 100000);
        }
        QCOMPARE(m_dir->admin({"block-card", "--pan", m_pans["blocked-card"]}), 0);
        m_host = std::make_unique<HostProcess>(*m_dir);
        QVERIFY2(m_host->start(), qPrintable(m_host->log()));
    }

    void cleanupTestCase() { QCOMPARE(m_host->stop(), 0); }

    void purchase_data()
    {
        QTest::addColumn<QString>("card");
        QTest::addColumn<int>("amount");
        QTest::addColumn<QString>("code");
        QTest::addRow("approved") << "approved" << 2500 << "00";
        QTest::addRow("not-enough-funds") << "not-enough-funds" << 5000 << "51";
        QTest::addRow("blocked-card") << "blocked-card" << 100 << "62";
        QTest::addRow("unknown-card") << "unknown-card" << 100 << "14";
    }
    void purchase()
    {
        QFETCH(QString, card);
        QFETCH(int, amount);
        QFETCH(QString, code);
        const std::string pan = m_pans.at(card.toStdString());
        TlsTerminal terminal(m_dir->bundle("TERM0001"));
        QVERIFY(terminal.connectTo(m_host->tlsPort()));
        auto response = terminal.exchange(m_cards->purchase(pan, static_cast<std::uint64_t>(amount),
                                                            "TERM0001", HostDirectory::kMerchant));
        QVERIFY2(response.has_value(), qPrintable(m_host->log()));
        QCOMPARE(QString::fromStdString(responseCodeOf(*response)), code);
        std::string balance;
        if (card == "unknown-card")
            return;
        QCOMPARE(m_dir->admin({"balance", "--pan", pan}, &balance), 0);
        const std::string expected = code == "00" ? "balance -25.00" : "balance 0.00";
        QVERIFY2(balance.find(expected) != std::string::npos, balance.c_str());
        QVERIFY(report().find("ledger sum 0.00 (balanced)") != std::string::npos);
    }

    void repeatGetsTheSameAnswerAndOnePosting()
    {
        const std::string pan = m_pans.at("repeat");
        const Bytes request = m_cards->purchase(pan, 700, "TERM0001", HostDirectory::kMerchant);
        TlsTerminal terminal(m_dir->bundle("TERM0001"));
        QVERIFY(terminal.connectTo(m_host->tlsPort()));
        auto first = terminal.exchange(request);
        auto second = terminal.exchange(request);
        QVERIFY(first && second);
        QCOMPARE(responseCodeOf(*first), std::string("00"));
        QCOMPARE(*second, *first);
        std::string balance;
        QCOMPARE(m_dir->admin({"balance", "--pan", pan}, &balance), 0);
        QVERIFY2(balance.find("balance -7.00\nentries 1") != std::string::npos, balance.c_str());
        QVERIFY(report().find("ledger sum 0.00 (balanced)") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestHostAuthorizationTls)
#include "tst_host_authorization_tls.moc"
