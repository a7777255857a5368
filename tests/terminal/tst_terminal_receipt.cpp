// Receipt: the lines of a transaction (masked PAN, AID, TVR/TSI, cryptogram
// type, auth code, STAN), plain text with both copies, PDF.
#include "Receipt.h"
#include "terminal/ScriptedRunner.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace cardlink;
using namespace cardlink::terminal;

namespace {
ReceiptData sample(std::uint8_t cid)
{
    auto outcome = test::ScriptedRunner::approvedOutcome();
    outcome.data.set(0x9F27, {cid});
    emv::TerminalConfig config;
    return receiptDataFrom(outcome, config, 1234, 42, QStringLiteral("Corner Shop"),
                           QStringLiteral("Approved"));
}

QString valueOf(const Receipt& receipt, Receipt::Field field)
{
    for (int row = 0; row < receipt.rowCount(); ++row) {
        const QModelIndex i = receipt.index(row);
        if (i.data(Receipt::LabelRole).toString() == Receipt::fieldLabel(field))
            return i.data(Receipt::ValueRole).toString();
    }
    return QStringLiteral("<missing>");
}
} // namespace

class TestReceipt : public QObject
{
    Q_OBJECT

private slots:
    void lines_data()
    {
        QTest::addColumn<int>("cid");
        QTest::addColumn<QString>("cryptogram");
        // EMV 4.4 Book 3, 6.5.5.4, Table 15.
        QTest::addRow("aac") << 0x00 << "AAC";
        QTest::addRow("tc") << 0x40 << "TC";
        QTest::addRow("arqc") << 0x80 << "ARQC";
        QTest::addRow("rfu") << 0xC0 << "RFU";
    }
    void lines()
    {
        QFETCH(int, cid);
        QFETCH(QString, cryptogram);
        Receipt receipt;
        QAbstractItemModelTester tester(&receipt,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!receipt.isAvailable());
        receipt.setData(sample(static_cast<std::uint8_t>(cid)));
        QVERIFY(receipt.isAvailable());
        QCOMPARE(valueOf(receipt, Receipt::Field::Cryptogram), cryptogram);
        QCOMPARE(valueOf(receipt, Receipt::Field::Pan), QStringLiteral("476173\u20260010"));
        QCOMPARE(valueOf(receipt, Receipt::Field::Aid), QStringLiteral("A0000009991010"));
        QCOMPARE(valueOf(receipt, Receipt::Field::Label), QStringLiteral("CARDLINK DEBIT"));
        QCOMPARE(valueOf(receipt, Receipt::Field::Tvr), QStringLiteral("0000008000"));
        QCOMPARE(valueOf(receipt, Receipt::Field::Tsi), QStringLiteral("0000"));
        QCOMPARE(valueOf(receipt, Receipt::Field::AuthCode), QStringLiteral("AB1234"));
        QCOMPARE(valueOf(receipt, Receipt::Field::Stan), QStringLiteral("000042"));
        QCOMPARE(valueOf(receipt, Receipt::Field::Rrn), QStringLiteral("-"));
        QCOMPARE(valueOf(receipt, Receipt::Field::Amount), QStringLiteral("12.34 GBP"));
        receipt.clear();
        QCOMPARE(receipt.rowCount(), 0);
    }

    void textHasBothCopies()
    {
        Receipt receipt;
        receipt.setData(sample(0x40));
        QTemporaryDir dir;
        receipt.setExportDirectory(dir.path());
        const QString message = receipt.exportText();
        QFile file(dir.filePath(QStringLiteral("receipt-000042.txt")));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(message));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QStringLiteral("MERCHANT COPY")));
        QVERIFY(text.contains(QStringLiteral("CUSTOMER COPY")));
        QCOMPARE(text.count(QStringLiteral("Corner Shop")), 2);
        QCOMPARE(text.count(QStringLiteral("476173\u20260010")), 2);
    }

    void pdf()
    {
        Receipt receipt;
        receipt.setData(sample(0x40));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("r.pdf"));
        QCOMPARE(receipt.savePdf(path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.size() > 1000);
    }

    void nothingToSave()
    {
        Receipt receipt;
        QVERIFY(!receipt.saveText(QStringLiteral("/nonexistent/x.txt")).isEmpty());
        QVERIFY(!receipt.savePdf(QStringLiteral("/nonexistent/x.pdf")).isEmpty());
    }

    void unwritable()
    {
        Receipt receipt;
        receipt.setData(sample(0x40));
        QVERIFY(!receipt.saveText(QStringLiteral("/nonexistent-dir/x.txt")).isEmpty());
    }
};

QTEST_MAIN(TestReceipt)
#include "tst_terminal_receipt.moc"
