// Load test (issue 4 acceptance): 200 concurrent TLS terminals, 20,000
// authorizations with genuine ARQCs against the real cardlink-host process:
// every one answered 00, the ledger balanced, the merchant credited with
// exactly the sum. Bounded: ctest gives it 600 s.
#include "LoadSetup.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::test;

class TestHostLoad : public QObject
{
    Q_OBJECT

private slots:
    void twoHundredTerminalsTwentyThousandAuthorizations()
    {
        constexpr unsigned kTerminals = 200;
        constexpr unsigned kPerTerminal = 100;
        auto setup = LoadSetup::make(kTerminals, kPerTerminal, 100);
        QVERIFY(setup);
        HostProcess host(*setup->directory);
        QVERIFY2(host.start(), qPrintable(host.log()));
        const auto result = LoadDriver::run(host.tlsPort(), setup->terminals, 400000);
        qInfo("prepared in %.1f s; %llu answers in %.2f s: %.0f auth/s, p50 %.2f ms, p99 %.2f ms",
              setup->preparationSeconds, static_cast<unsigned long long>(result.answered),
              result.seconds, result.perSecond(), result.percentile(50), result.percentile(99));
        QCOMPARE(host.stop(), 0);
        QCOMPARE(result.failures, std::uint64_t{0});
        QCOMPARE(result.answered, std::uint64_t{kTerminals * kPerTerminal});
        QCOMPARE(result.approved, std::uint64_t{kTerminals * kPerTerminal});
        std::string report;
        QCOMPARE(setup->directory->admin({"report"}, &report), 0);
        QVERIFY2(report.find("ledger sum 0.00 (balanced)") != std::string::npos, report.c_str());
        std::string merchant;
        QCOMPARE(
            setup->directory->admin({"balance", "--merchant", HostDirectory::kMerchant}, &merchant),
            0);
        QVERIFY2(merchant.find("balance 20000.00\nentries 20000") != std::string::npos,
                 merchant.c_str());
    }
};

QTEST_GUILESS_MAIN(TestHostLoad)
#include "tst_host_load.moc"
