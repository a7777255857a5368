// Runs in a namespace with NO pcscd (cardlink_add_pcsc_test NO_PCSCD): every
// entry point says NoService, the CLI says "pcscd is not running" with exit
// code 4, and PcscReaderService reports the outage, keeps retrying, and picks
// up readers and cards once pcscd starts, and reports the loss when it stops.
#include "CardSimProcess.h"
#include "IntegrationEnvironment.h"
#include "PcscCardChannel.h"
#include "PcscContext.h"
#include "PcscReaderService.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace cardlink;
using namespace cardlink::integration;
using namespace std::chrono_literals;

namespace {

constexpr int kBoundMs = 3000;

// A pcscd started and stopped by the test.
class Pcscd
{
public:
    ~Pcscd() { stop(); }
    // `configDir`: a reader.conf directory; by default the fixture's vpcd pair.
    bool start(const QString& configDir = qEnvironmentVariable("CARDLINK_PCSC_CONF_DIR"))
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("pcscd"),
                        {QStringLiteral("-f"), QStringLiteral("-c"), configDir});
        return m_process.waitForStarted(3000);
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate(); // pcscd removes its socket on SIGTERM
        if (!m_process.waitForFinished(3000)) {
            m_process.kill();
            m_process.waitForFinished(1000);
        }
    }

private:
    QProcess m_process;
};

} // namespace

class TestPcscNoService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(vpcdPort() > 0, "run through with-pcscd.sh --no-pcscd");
        QVERIFY(!qEnvironmentVariableIsEmpty("CARDLINK_PCSC_CONF_DIR"));
    }

    void everyEntryPointSaysNoService()
    {
        auto context = pcsc::PcscContext::establish();
        QVERIFY(!context.ok());
        QCOMPARE(context.error().code, ErrorCode::NoService);
        QVERIFY2(context.error().message.find("pcscd") != std::string::npos,
                 context.error().message.c_str());

        auto readers = pcsc::PcscReaderService::listReaders();
        QVERIFY(!readers.ok());
        QCOMPARE(readers.error().code, ErrorCode::NoService);

        auto channel = pcsc::PcscCardChannel::open(vpcdReaderName(0).toStdString());
        QVERIFY(!channel.ok());
        QCOMPARE(channel.error().code, ErrorCode::NoService);
    }

    void cliSaysPcscdIsNotRunning_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addRow("readers") << QStringList{"readers"};
        QTest::addRow("atr") << QStringList{"atr"};
        QTest::addRow("apdu") << QStringList{"apdu", "00A4000C"};
        QTest::addRow("watch") << QStringList{"watch", "--count", "1", "--timeout", "2"};
    }
    void cliSaysPcscdIsNotRunning()
    {
        QFETCH(QStringList, arguments);
        QProcess cli;
        cli.start(cliPath(), arguments);
        QVERIFY(cli.waitForFinished(10000));
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QCOMPARE(cli.exitCode(), 4);
        QCOMPARE(QString::fromLocal8Bit(cli.readAllStandardError()),
                 QStringLiteral("cardlink-cli: pcscd is not running\n"));
        QVERIFY(cli.readAllStandardOutput().isEmpty());
    }

    // pcscd running without any reader: an empty list, not an error, for the
    // service; "no smart card reader found" and exit 5 for the CLI.
    void noReaders()
    {
        QTemporaryDir emptyConfig;
        QVERIFY(emptyConfig.isValid());
        Pcscd pcscd;
        QVERIFY(pcscd.start(emptyConfig.path()));
        QTRY_VERIFY_WITH_TIMEOUT(pcsc::PcscContext::establish().ok(), kBoundMs);

        auto readers = pcsc::PcscReaderService::listReaders();
        QVERIFY2(readers.ok(), readers.ok() ? "" : readers.error().describe().c_str());
        QVERIFY(readers->isEmpty());

        pcsc::PcscReaderService service;
        QSignalSpy changed(&service, &pcsc::PcscReaderService::readersChanged);
        QSignalSpy errors(&service, &pcsc::PcscReaderService::error);
        service.start();
        QVERIFY(changed.wait(kBoundMs));
        QVERIFY(changed.first().first().toStringList().isEmpty());
        QVERIFY(service.isServiceAvailable());
        QVERIFY(!errors.wait(500)); // waiting for readers is not an error
        service.stop();

        for (const QStringList& arguments :
             {QStringList{"readers"}, QStringList{"atr"}, QStringList{"apdu", "00A4000C"}}) {
            QProcess cli;
            cli.start(cliPath(), arguments);
            QVERIFY(cli.waitForFinished(10000));
            QCOMPARE(cli.exitCode(), 5);
            QCOMPARE(QString::fromLocal8Bit(cli.readAllStandardError()),
                     QStringLiteral("cardlink-cli: no smart card reader found\n"));
        }
        pcscd.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!pcsc::PcscContext::establish().ok(), kBoundMs);
    }

    void serviceSurvivesAndRecovers()
    {
        pcsc::PcscReaderService service(100ms);
        QSignalSpy errors(&service, &pcsc::PcscReaderService::error);
        QSignalSpy available(&service, &pcsc::PcscReaderService::serviceAvailableChanged);
        QSignalSpy readers(&service, &pcsc::PcscReaderService::readersChanged);
        QSignalSpy inserted(&service, &pcsc::PcscReaderService::cardInserted);
        QSignalSpy removed(&service, &pcsc::PcscReaderService::cardRemoved);
        service.start();

        QVERIFY(errors.wait(kBoundMs));
        QCOMPARE(errors.first().first().value<Error>().code, ErrorCode::NoService);
        QVERIFY(!service.isServiceAvailable());
        // Said once, not on every retry (it retries every 100 ms).
        QTest::qWait(400);
        QCOMPARE(errors.count(), 1);
        QVERIFY(service.readers().isEmpty());

        Pcscd pcscd;
        QVERIFY(pcscd.start());
        QTRY_VERIFY_WITH_TIMEOUT(service.isServiceAvailable(), kBoundMs);
        QCOMPARE(available.last().first().toBool(), true);
        QTRY_COMPARE_WITH_TIMEOUT(service.readers(),
                                  (QStringList{vpcdReaderName(0), vpcdReaderName(1)}), kBoundMs);

        CardSimProcess card(QStringLiteral("iso-demo-t1.json"));
        QVERIFY2(card.start(), qPrintable(card.output()));
        QTRY_VERIFY_WITH_TIMEOUT(service.hasCard(vpcdReaderName(0)), kBoundMs);

        // pcscd goes away: the card and the readers are reported gone.
        errors.clear();
        pcscd.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!service.isServiceAvailable(), kBoundMs);
        QTRY_VERIFY_WITH_TIMEOUT(service.readers().isEmpty(), kBoundMs);
        QVERIFY(!service.hasCard(vpcdReaderName(0)));
        QCOMPARE(removed.count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(errors.count() >= 1, kBoundMs);
        QCOMPARE(errors.last().first().value<Error>().code, ErrorCode::NoService);

        // And back again, with the card still in the slot.
        Pcscd second;
        QVERIFY(second.start());
        QTRY_VERIFY_WITH_TIMEOUT(service.hasCard(vpcdReaderName(0)), kBoundMs + 2000);
        QVERIFY(service.isServiceAvailable());
    }
};

QTEST_GUILESS_MAIN(TestPcscNoService)
#include "tst_pcsc_noservice.moc"
