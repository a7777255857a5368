// LinkLogModel: every event masked on the way in (PAN: first 6, last 4
// digits), rows with time and event, bounded; HostSelector: the stub without
// a bundle, the selected host with one.
#include "HostSelector.h"
#include "LinkLogModel.h"
#include "StubHostAuthorizer.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace cardlink;
using namespace cardlink::terminal;

namespace {
class FixedHost final : public OnlineHost
{
public:
    emv::OnlineResponse authorize(const emv::OnlineRequest&) override
    {
        ++calls;
        emv::OnlineResponse response;
        response.decision = emv::OnlineDecision::Declined;
        return response;
    }
    int calls = 0;
};
} // namespace

class TestLinkLog : public QObject
{
    Q_OBJECT

private slots:
    void masksPans_data()
    {
        QTest::addColumn<QString>("event");
        QTest::addColumn<QString>("shown");
        QTest::addRow("16-digit PAN") << "Host: 0200 card 4761739001010010 sent"
                                      << "Host: 0200 card 476173******0010 sent";
        QTest::addRow("19-digit PAN") << "pan=6011000990139424123;"
                                      << "pan=601100*********4123;";
        QTest::addRow("13-digit PAN") << "4222222222222"
                                      << "422222***2222";
        QTest::addRow("already masked") << "card 476173******0010"
                                        << "card 476173******0010";
        QTest::addRow("STAN and amount kept") << "STAN 000123 amount 000000001234"
                                              << "STAN 000123 amount 000000001234";
        QTest::addRow("20 digits is no PAN") << "12345678901234567890"
                                             << "12345678901234567890";
        QTest::addRow("two PANs") << "5413330089010012 and 4761739001010010"
                                  << "541333******0012 and 476173******0010";
    }
    void masksPans()
    {
        QFETCH(QString, event);
        QFETCH(QString, shown);
        LinkLogModel model;
        QAbstractItemModelTester tester(&model);
        model.append(event);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.eventAt(0), shown);
        QCOMPARE(model.data(model.index(0), LinkLogModel::EventRole).toString(), shown);
        QVERIFY(!model.data(model.index(0), LinkLogModel::TimeRole).toString().isEmpty());
        QVERIFY(model.text().contains(shown));
    }

    void keepsTheNewestRows()
    {
        LinkLogModel model;
        QAbstractItemModelTester tester(&model);
        for (int i = 0; i < LinkLogModel::kMaxRows + 5; ++i)
            model.append(QStringLiteral("event %1").arg(i));
        QCOMPARE(model.rowCount(), LinkLogModel::kMaxRows);
        QCOMPARE(model.eventAt(0), QStringLiteral("event 5"));
    }

    void selectorRoutes_data()
    {
        QTest::addColumn<bool>("linked");
        QTest::addRow("no bundle: stub") << false;
        QTest::addRow("bundle: host link") << true;
    }
    void selectorRoutes()
    {
        QFETCH(bool, linked);
        StubHostAuthorizer stub(StubHostAuthorizer::Mode::Approve);
        auto host = std::make_shared<FixedHost>();
        HostSelector selector(stub);
        if (linked)
            selector.select(host);
        QCOMPARE(selector.linked(), linked);
        const emv::OnlineResponse response = selector.authorize(emv::OnlineRequest{});
        QCOMPARE(response.decision,
                 linked ? emv::OnlineDecision::Declined : emv::OnlineDecision::Approved);
        QCOMPARE(host->calls, linked ? 1 : 0);
        QCOMPARE(stub.calls(), linked ? 0 : 1);
    }
};

QTEST_GUILESS_MAIN(TestLinkLog)
#include "tst_terminal_linklog.moc"
