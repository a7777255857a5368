// ApduTraceModel: rows from core's ApduTrace (recorded on another thread),
// VERIFY data masked, filter, export, clear.
#include "ApduTraceModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <thread>

using namespace cardlink;
using namespace cardlink::iso7816;
using cardlink::terminal::ApduTraceModel;

namespace {
ApduTraceEntry entry(CommandApdu command, ResponseApdu response)
{
    ApduTraceEntry e;
    e.time = std::chrono::system_clock::now();
    e.duration = std::chrono::microseconds(1500);
    e.setCommand(command);
    e.setResult(response);
    return e;
}

const CommandApdu kSelect{0x00, 0xA4, 0x04, 0x00, {0xA0, 0x00, 0x00, 0x00, 0x03}, 256};
const CommandApdu kVerify{0x00, 0x20, 0x00, 0x80, {0x24, 0x12, 0x34, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF},
                          {}};
} // namespace

class TestApduTraceModel : public QObject
{
    Q_OBJECT

private slots:
    void rowsFromAnotherThread()
    {
        ApduTrace trace;
        ApduTraceModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.attach(trace);
        QSignalSpy added(&model, &ApduTraceModel::entryAdded);
        std::thread recorder([&trace] {
            trace.record(entry(kSelect, {{0x6F, 0x00}, 0x9000}));
            trace.record(entry(kVerify, {{}, 0x63C2}));
        });
        recorder.join();
        QTRY_COMPARE(model.rowCount(), 2);
        QCOMPARE(added.size(), 2);
        QCOMPARE(added.at(1).at(0).toString(), QStringLiteral("VERIFY"));

        const QModelIndex select = model.index(0);
        QCOMPARE(select.data(ApduTraceModel::NameRole).toString(), QStringLiteral("SELECT"));
        QCOMPARE(select.data(ApduTraceModel::CommandRole).toString(),
                 QStringLiteral("00 A4 04 00 05 A0 00 00 00 03 00"));
        QVERIFY(select.data(ApduTraceModel::StatusRole).toString().startsWith("9000"));
        QCOMPARE(select.data(ApduTraceModel::DurationRole).toDouble(), 1.5);
        QCOMPARE(select.data(ApduTraceModel::FailedRole).toBool(), false);
        QVERIFY(!select.data(ApduTraceModel::TimeRole).toString().isEmpty());

        const QString verify = model.index(1).data(ApduTraceModel::CommandRole).toString();
        QCOMPARE(verify, QStringLiteral("00 20 00 80 08 **"));
        QVERIFY(!model.exportText().contains(QStringLiteral("12 34")));
        QVERIFY(model.exportText().contains(QStringLiteral("**")));
    }

    void filter_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("rows");
        QTest::addRow("none") << QString() << 3;
        QTest::addRow("by-name") << QStringLiteral("verify") << 1;
        QTest::addRow("by-status") << QStringLiteral("normal processing") << 2;
        QTest::addRow("no-match") << QStringLiteral("GENERATE") << 0;
    }
    void filter()
    {
        QFETCH(QString, filter);
        QFETCH(int, rows);
        ApduTraceModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(entry(kSelect, {{}, 0x9000}));
        model.setFilter(filter);
        model.append(entry(kVerify, {{}, 0x63C1}));
        model.append(entry(kSelect, {{}, 0x9000}));
        QCOMPARE(model.rowCount(), rows);
        model.setFilter(QString());
        QCOMPARE(model.rowCount(), 3);
    }

    void clearEmptiesTraceToo()
    {
        ApduTrace trace;
        ApduTraceModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        trace.record(entry(kSelect, {{}, 0x9000}));
        model.attach(trace);
        QCOMPARE(model.rowCount(), 1);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(trace.size(), std::size_t(0));
    }

    void boundedRows()
    {
        ApduTraceModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (std::size_t i = 0; i < ApduTraceModel::kMaxRows + 5; ++i)
            model.append(entry(kSelect, {{}, 0x9000}));
        QCOMPARE(model.rowCount(), int(ApduTraceModel::kMaxRows));
    }
};

QTEST_GUILESS_MAIN(TestApduTraceModel)
#include "tst_terminal_apdutracemodel.moc"
