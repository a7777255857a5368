// JournalModel: the journal browser over Journal::all(), newest first, states
// in words, QAbstractItemModelTester on it, reprint of a record.
#include "JournalModel.h"
#include "Receipt.h"
#include "journal/MemoryJournal.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace cardlink;
using namespace cardlink::terminal;
using journal::AuthorizationMode;
using journal::CryptogramKind;
using journal::JournalState;

namespace {
journal::JournalRecord record(JournalState state, AuthorizationMode mode, CryptogramKind kind,
                              std::uint32_t stan)
{
    journal::JournalRecord r;
    r.terminalId = "TERM0001";
    r.stan = stan;
    r.transmissionDateTime = "0102030405";
    r.amount = 1234;
    r.currency = "826";
    r.maskedPan = "476173…0010";
    r.aid = "A0000009991010";
    r.mode = mode;
    r.state = state;
    r.cryptogram = kind;
    r.authCode = "A1B2C3";
    return r;
}
} // namespace

Q_DECLARE_METATYPE(cardlink::journal::JournalState)
Q_DECLARE_METATYPE(cardlink::journal::AuthorizationMode)
Q_DECLARE_METATYPE(cardlink::journal::CryptogramKind)

class TestJournalModel : public QObject
{
    Q_OBJECT

private slots:
    void stateInWords_data()
    {
        QTest::addColumn<JournalState>("state");
        QTest::addColumn<AuthorizationMode>("mode");
        QTest::addColumn<CryptogramKind>("kind");
        QTest::addColumn<QString>("words");
        const auto on = AuthorizationMode::Online;
        const auto off = AuthorizationMode::Offline;
        QTest::addRow("pending") << JournalState::Pending << on << CryptogramKind::Arqc
                                 << "pending";
        QTest::addRow("sent") << JournalState::Sent << on << CryptogramKind::Arqc << "pending";
        QTest::addRow("authorized")
            << JournalState::Authorized << on << CryptogramKind::Arqc << "pending";
        QTest::addRow("approved") << JournalState::Completed << on << CryptogramKind::Tc
                                  << "approved";
        QTest::addRow("card-refused")
            << JournalState::Completed << on << CryptogramKind::Aac << "declined by the card";
        QTest::addRow("offline-not-advised")
            << JournalState::Completed << off << CryptogramKind::Tc << "approved, not yet advised";
        QTest::addRow("declined") << JournalState::Declined << on << CryptogramKind::Aac
                                  << "declined";
        QTest::addRow("reversed") << JournalState::Reversed << on << CryptogramKind::Arqc
                                  << "reversed";
        QTest::addRow("advised") << JournalState::AdviceSent << off << CryptogramKind::Tc
                                 << "advised";
    }
    void stateInWords()
    {
        QFETCH(JournalState, state);
        QFETCH(AuthorizationMode, mode);
        QFETCH(CryptogramKind, kind);
        QFETCH(QString, words);
        journal::MemoryJournal journal;
        QVERIFY(journal.begin(record(state, mode, kind, 7)).ok());
        JournalModel model(&journal, 2, QStringLiteral("GBP"));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.reload().isEmpty());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.data(model.index(0), JournalModel::StateRole).toString(), words);
        QCOMPARE(model.data(model.index(0), JournalModel::StanRole).toString(),
                 QStringLiteral("000007"));
    }

    void newestFirstAndReloads()
    {
        journal::MemoryJournal journal;
        JournalModel model(&journal, 2, QStringLiteral("GBP"));
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.reload().isEmpty());
        QCOMPARE(model.rowCount(), 0);
        auto first =
            record(JournalState::Pending, AuthorizationMode::Online, CryptogramKind::Arqc, 1);
        first.id = journal.begin(first).value();
        QVERIFY(journal
                    .begin(record(JournalState::Completed, AuthorizationMode::Online,
                                  CryptogramKind::Tc, 2))
                    .ok());
        QVERIFY(model.reload().isEmpty());
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.data(model.index(0), JournalModel::StanRole).toString(),
                 QStringLiteral("000002"));
        QCOMPARE(model.data(model.index(1), JournalModel::StateNameRole).toString(),
                 QStringLiteral("pending"));
        // Recovery resolved the first: the browser shows it after a reload.
        first.state = JournalState::Reversed;
        QVERIFY(journal.finish(first).ok());
        QVERIFY(model.reload().isEmpty());
        QCOMPARE(model.data(model.index(1), JournalModel::StateRole).toString(),
                 QStringLiteral("reversed"));
        QCOMPARE(model.data(model.index(1), JournalModel::AmountRole).toString(),
                 QStringLiteral("12.34 826"));
        QVERIFY(!model.data(model.index(2), JournalModel::StateRole).isValid());
    }

    void reprintFromTheJournal()
    {
        journal::MemoryJournal journal;
        QVERIFY(journal
                    .begin(record(JournalState::Completed, AuthorizationMode::Online,
                                  CryptogramKind::Tc, 42))
                    .ok());
        JournalModel model(&journal, 2, QStringLiteral("GBP"));
        QVERIFY(model.reload().isEmpty());
        Receipt receipt;
        ReceiptData base;
        base.header = QStringLiteral("Corner Shop");
        base.merchantId = QStringLiteral("MERCHANT0000001");
        QVERIFY(!model.reprint(5, receipt, base));
        QVERIFY(model.reprint(0, receipt, base));
        QVERIFY(receipt.isAvailable());
        const QString text = receipt.plainText(Receipt::Copy::Customer);
        for (const char* expected : {"Corner Shop", "12.34 GBP", "476173…0010", "A0000009991010",
                                     "A1B2C3", "000042", "TC", "TERM0001", "copy"})
            QVERIFY2(text.contains(QString::fromUtf8(expected)), qPrintable(text));
    }

    void noJournal()
    {
        JournalModel model(nullptr, 2, QStringLiteral("GBP"));
        QVERIFY(!model.reload().isEmpty());
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestJournalModel)
#include "tst_terminal_journalmodel.moc"
