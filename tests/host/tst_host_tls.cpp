// cardlink-host serve over loopback TLS: the real process, real QSslSocket
// terminals with client certificates from `add-terminal` bundles.
#include "HostTestEnvironment.h"
#include "SqliteDatabase.h"

#include <QElapsedTimer>
#include <QTest>

#include <memory>

using namespace cardlink;
using namespace cardlink::test;

class TestHostTls : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<HostDirectory> m_dir;
    std::unique_ptr<HostDirectory> m_otherHost; // another CA: its terminals are strangers
    std::unique_ptr<HostProcess> m_host;

private slots:
    void initTestCase()
    {
        m_dir = std::make_unique<HostDirectory>(
            std::vector<std::string>{"TERM0001", "TERM0002", "TERM0003"});
        QVERIFY(m_dir->ok());
        QCOMPARE(m_dir->admin({"revoke-terminal", "--id", "TERM0003"}), 0);
        m_dir->setConfig("idleTimeoutSeconds", 2);
        m_dir->setConfig("readTimeoutSeconds", 1);
        m_otherHost = std::make_unique<HostDirectory>(std::vector<std::string>{"TERM0001"});
        QVERIFY(m_otherHost->ok());
        m_host = std::make_unique<HostProcess>(*m_dir);
        QVERIFY2(m_host->start(), qPrintable(m_host->log()));
    }

    void cleanupTestCase()
    {
        QCOMPARE(m_host->stop(), 0);
        const QString log = m_host->log();
        QVERIFY2(log.contains("shutting down"), qPrintable(log));
    }

    void echoAnswered()
    {
        TlsTerminal terminal(m_dir->bundle("TERM0001"));
        QVERIFY(terminal.connectTo(m_host->tlsPort()));
        QCOMPARE(terminal.socket().sessionProtocol(), QSsl::TlsV1_3);
        for (unsigned stan = 1; stan <= 3; ++stan) {
            auto response = terminal.exchange(echoRequest("TERM0001", stan));
            QVERIFY(response.has_value());
            QCOMPARE(responseCodeOf(*response), std::string("00"));
        }
    }

    void refused_data()
    {
        QTest::addColumn<QString>("bundle");
        QTest::addRow("no-client-certificate") << QString();
        QTest::addRow("certificate-of-another-ca") << m_otherHost->bundle("TERM0001");
        QTest::addRow("revoked-terminal") << m_dir->bundle("TERM0003");
    }
    void refused()
    {
        QFETCH(QString, bundle);
        TlsTerminal terminal(bundle);
        terminal.connectTo(m_host->tlsPort(), 3000);
        // Either the handshake fails or the host closes right after it; no
        // request of this link is ever answered.
        if (terminal.isConnected()) {
            auto response = terminal.exchange(echoRequest("TERM0001", 9), 3000);
            QVERIFY(!response.has_value());
        }
        QVERIFY(terminal.waitClosed(3000));
    }

    void malformedFrameClosesOnlyThatLink_data()
    {
        QTest::addColumn<QByteArray>("garbage");
        QTest::addRow("zero-length-header") << QByteArray::fromHex("0000");
        QTest::addRow("oversized-header") << QByteArray::fromHex("FFFF00");
        QTest::addRow("not-iso8583") << QByteArray::fromHex("0004DEADBEEF");
    }
    void malformedFrameClosesOnlyThatLink()
    {
        QFETCH(QByteArray, garbage);
        TlsTerminal good(m_dir->bundle("TERM0001"));
        TlsTerminal bad(m_dir->bundle("TERM0002"));
        QVERIFY(good.connectTo(m_host->tlsPort()));
        QVERIFY(bad.connectTo(m_host->tlsPort()));
        bad.sendRaw(garbage);
        QVERIFY(bad.waitClosed(3000));
        auto response = good.exchange(echoRequest("TERM0001", 20));
        QVERIFY(response.has_value());
        QCOMPARE(responseCodeOf(*response), std::string("00"));
    }

    void closingMidMessageDoesNotDisturbOthers()
    {
        TlsTerminal good(m_dir->bundle("TERM0001"));
        QVERIFY(good.connectTo(m_host->tlsPort()));
        {
            TlsTerminal leaving(m_dir->bundle("TERM0002"));
            QVERIFY(leaving.connectTo(m_host->tlsPort()));
            leaving.sendRaw(QByteArray::fromHex("0040080000")); // 64 announced, 3 sent
            leaving.socket().waitForBytesWritten(1000);
        } // closed here
        auto response = good.exchange(echoRequest("TERM0001", 30));
        QVERIFY(response.has_value());
        QCOMPARE(responseCodeOf(*response), std::string("00"));
    }

    void readTimeoutClosesHalfMessage()
    {
        TlsTerminal slow(m_dir->bundle("TERM0002"));
        QVERIFY(slow.connectTo(m_host->tlsPort()));
        slow.sendRaw(QByteArray::fromHex("004008")); // and nothing more
        QElapsedTimer timer;
        timer.start();
        QVERIFY(slow.waitClosed(5000));
        QVERIFY2(timer.elapsed() >= 800, "closed before the 1 s read timeout");
    }

    void idleTimeout()
    {
        TlsTerminal quiet(m_dir->bundle("TERM0001"));
        QVERIFY(quiet.connectTo(m_host->tlsPort()));
        auto response = quiet.exchange(echoRequest("TERM0001", 40));
        QVERIFY(response.has_value());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(quiet.waitClosed(6000));
        QVERIFY2(timer.elapsed() >= 1500, "closed before the 2 s idle timeout");
        QVERIFY(m_host->log().contains("idle timeout"));
    }

    // The store fails (a trigger makes every insert of a response fail): the
    // host answers 96 on the same link instead of closing it, and stores
    // nothing; once the store works again the same request is decided afresh.
    void storeFailureAnswers96()
    {
        auto db = host::SqliteDatabase::open(m_dir->dir() + "/host.db");
        QVERIFY(db.ok());
        QVERIFY(db->exec("CREATE TRIGGER fail_responses BEFORE INSERT ON responses BEGIN "
                         "SELECT RAISE(ABORT, 'injected store failure'); END")
                    .ok());
        TlsTerminal terminal(m_dir->bundle("TERM0001"));
        QVERIFY(terminal.connectTo(m_host->tlsPort()));
        auto failed = terminal.exchange(echoRequest("TERM0001", 50), 5000);
        const bool dropped = db->exec("DROP TRIGGER fail_responses").ok();
        QVERIFY2(failed.has_value(), "the host closed the link instead of answering 96");
        QCOMPARE(responseCodeOf(*failed), std::string("96"));
        QVERIFY(dropped);
        auto again = terminal.exchange(echoRequest("TERM0001", 50));
        QVERIFY(again.has_value());
        QCOMPARE(responseCodeOf(*again), std::string("00"));
        QVERIFY2(m_host->log().contains("injected store failure"), qPrintable(m_host->log()));
    }

    void logNamesRefusals()
    {
        const QString log = m_host->log();
        QVERIFY2(log.contains("revoked"), qPrintable(log));
        QVERIFY2(log.contains("refused"), qPrintable(log));
    }
};

QTEST_GUILESS_MAIN(TestHostTls)
#include "tst_host_tls.moc"
