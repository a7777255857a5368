#include "EmvFixtures.h"
#include "emv/TerminalActionAnalysis.h"

#include <QTest>

using namespace cardlink;
using namespace cardlink::emv;
using namespace cardlink::test;

class TestEmvActionAnalysis : public QObject
{
    Q_OBJECT

private slots:
    // EMV 4.4 Book 3, 10.7. IACs: "" = absent (denial 00.., online/default FF..).
    void analysis_data()
    {
        QTest::addColumn<QString>("tvr");
        QTest::addColumn<QString>("iacDenial");
        QTest::addColumn<QString>("iacOnline");
        QTest::addColumn<QString>("iacDefault");
        QTest::addColumn<QString>("tacDenial");
        QTest::addColumn<QString>("tacOnline");
        QTest::addColumn<QString>("tacDefault");
        QTest::addColumn<bool>("canGoOnline");
        QTest::addColumn<QString>("expected");

        const QString zero = "0000000000";
        QTest::addRow("clean-tvr-tc")
            << zero << zero << zero << zero << zero << zero << zero << true << "TC";
        QTest::addRow("clean-tvr-absent-iacs-tc") << zero << ""
                                                  << ""
                                                  << "" << zero << zero << zero << true << "TC";
        QTest::addRow("iac-denial-aac")
            << "8000000000"
            << "8000000000" << zero << zero << zero << zero << zero << true << "AAC";
        QTest::addRow("tac-denial-aac") << "0040000000" << zero << zero << zero << "0040000000"
                                        << zero << zero << true << "AAC";
        QTest::addRow("iac-online-arqc") << "0000008000" << zero << "0000008000" << zero << zero
                                         << zero << zero << true << "ARQC";
        QTest::addRow("tac-online-arqc") << "0000008000" << zero << zero << zero << zero
                                         << "0000008000" << zero << true << "ARQC";
        QTest::addRow("absent-iac-online-means-all-ones")
            << "0000000100" << zero << "" << zero << zero << zero << zero << true << "ARQC";
        QTest::addRow("no-match-tc") << "0000008000" << zero << "8000000000" << zero << zero
                                     << "0800000000" << zero << true << "TC";
        QTest::addRow("denial-wins-over-online") << "8000008000" << zero << "0000008000" << zero
                                                 << "8000000000" << zero << zero << true << "AAC";
        QTest::addRow("offline-only-default-aac")
            << "0000008000" << zero << "0000008000"
            << "0000008000" << zero << zero << zero << false << "AAC";
        QTest::addRow("offline-only-default-tc") << "0000008000" << zero << "0000008000" << zero
                                                 << zero << zero << zero << false << "TC";
        QTest::addRow("offline-only-absent-iac-default-aac")
            << "0000008000" << zero << zero << "" << zero << zero << zero << false << "AAC";
    }
    void analysis()
    {
        QFETCH(QString, tvr);
        QFETCH(QString, iacDenial);
        QFETCH(QString, iacOnline);
        QFETCH(QString, iacDefault);
        QFETCH(QString, tacDenial);
        QFETCH(QString, tacOnline);
        QFETCH(QString, tacDefault);
        QFETCH(bool, canGoOnline);
        QFETCH(QString, expected);

        TransactionData data;
        if (!iacDenial.isEmpty())
            data.set(0x9F0E, unhex(iacDenial.toStdString()));
        if (!iacOnline.isEmpty())
            data.set(0x9F0F, unhex(iacOnline.toStdString()));
        if (!iacDefault.isEmpty())
            data.set(0x9F0D, unhex(iacDefault.toStdString()));
        TerminalConfig config = terminalConfig();
        config.tac.denial = unhex(tacDenial.toStdString());
        config.tac.online = unhex(tacOnline.toStdString());
        config.tac.defaultCodes = unhex(tacDefault.toStdString());
        std::array<std::uint8_t, 5> bytes{};
        const Bytes tvrBytes = unhex(tvr.toStdString());
        std::copy(tvrBytes.begin(), tvrBytes.end(), bytes.begin());
        const Cryptogram result = terminalActionAnalysis(data, Tvr(bytes), config, canGoOnline);
        QCOMPARE(QString(cryptogramName(result)), expected);
    }

    // Book 3, 10.7: after an ARQC, "unable to go online" uses the defaults.
    void defaults_data()
    {
        QTest::addColumn<QString>("tvr");
        QTest::addColumn<QString>("iacDefault");
        QTest::addColumn<QString>("tacDefault");
        QTest::addColumn<QString>("expected");
        QTest::addRow("no-match-tc") << "0000008000"
                                     << "0000000000"
                                     << "0000000000"
                                     << "TC";
        QTest::addRow("iac-match-aac") << "0000008000"
                                       << "0000008000"
                                       << "0000000000"
                                       << "AAC";
        QTest::addRow("tac-match-aac") << "0000008000"
                                       << "0000000000"
                                       << "0000008000"
                                       << "AAC";
        QTest::addRow("absent-iac-aac") << "0000000100"
                                        << ""
                                        << "0000000000"
                                        << "AAC";
        QTest::addRow("absent-iac-clean-tvr-tc") << "0000000000"
                                                 << ""
                                                 << "0000000000"
                                                 << "TC";
    }
    void defaults()
    {
        QFETCH(QString, tvr);
        QFETCH(QString, iacDefault);
        QFETCH(QString, tacDefault);
        QFETCH(QString, expected);
        TransactionData data;
        if (!iacDefault.isEmpty())
            data.set(0x9F0D, unhex(iacDefault.toStdString()));
        TerminalConfig config = terminalConfig();
        config.tac.defaultCodes = unhex(tacDefault.toStdString());
        std::array<std::uint8_t, 5> bytes{};
        const Bytes tvrBytes = unhex(tvr.toStdString());
        std::copy(tvrBytes.begin(), tvrBytes.end(), bytes.begin());
        QCOMPARE(QString(cryptogramName(defaultActionAnalysis(data, Tvr(bytes), config))),
                 expected);
    }
};

QTEST_GUILESS_MAIN(TestEmvActionAnalysis)
#include "tst_emv_actionanalysis.moc"
