// redactCardSecrets: the last filter over a diagnostics bundle. PANs (plain,
// grouped, BCD, ASCII as hex) keep first six / last four digits; clear PIN
// blocks are masked whole; look-alikes that are no PAN stay (a longer digit
// run is looked at window by window, so it often loses some digits: the
// filter errs on the side of hiding).
#include "util/SecretRedaction.h"

#include <QTest>

using namespace cardlink;

class TestSecretRedaction : public QObject
{
    Q_OBJECT

private slots:
    void luhn_data()
    {
        QTest::addColumn<QString>("digits");
        QTest::addColumn<bool>("valid");
        QTest::addRow("visa-test") << "4761739001010010" << true;
        QTest::addRow("iso7812-example") << "79927398713" << true;
        QTest::addRow("check-digit-off") << "4761739001010011" << false;
        QTest::addRow("empty") << "" << false;
        QTest::addRow("not-digits") << "47617390010100A0" << false;
    }
    void luhn()
    {
        QFETCH(QString, digits);
        QFETCH(bool, valid);
        QCOMPARE(passesLuhn(digits.toStdString()), valid);
    }

    void redact_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("redacted");
        QTest::addRow("plain-pan") << "PAN 4761739001010010 ok"
                                   << "PAN 476173******0010 ok";
        QTest::addRow("grouped-pan") << "card 4761 7390 0101 0010."
                                     << "card 4761 73** **** 0010.";
        QTest::addRow("hyphens") << "4761-7390-0101-0010"
                                 << "4761-73**-****-0010";
        QTest::addRow("13-digit") << "x 4222222222222 y"
                                  << "x 422222***2222 y";
        QTest::addRow("track1-ascii") << "B4761739001010010^CARD/TEST^2512"
                                      << "B476173******0010^CARD/TEST^2512";
        QTest::addRow("track2-equivalent") << "4761739001010010D25122010000000F"
                                           << "476173******0010D25122010000000F";
        QTest::addRow("pin-block-format2") << "> 00 20 00 80 08 24 12 34 FF FF FF FF FF"
                                           << "> 00 20 00 80 08 ** ** ** ** ** ** ** **";
        QTest::addRow("pin-block-format0") << "block 0412 34FF FFFF FFFF end"
                                           << "block **** **** **** **** end";
        QTest::addRow("no-luhn") << "id 4222222222223 x"
                                 << "id 4222222222223 x";
        QTest::addRow("too-short") << "476173900101"
                                   << "476173900101";
        QTest::addRow("leading-zero") << "id 0422222222222 x"
                                      << "id 0422222222222 x";
        QTest::addRow("times-and-dates")
            << "2026-12-02T04:11:47Z 13:02:11.123 > 00 A4 04 00 07 A0 00 00 00 04 10 10 00"
            << "2026-12-02T04:11:47Z 13:02:11.123 > 00 A4 04 00 07 A0 00 00 00 04 10 10 00";
        QTest::addRow("masked-stays") << "476173******0010 476173\u20260010"
                                      << "476173******0010 476173\u20260010";
        QTest::addRow("empty") << ""
                               << "";
    }
    void redact()
    {
        QFETCH(QString, text);
        QFETCH(QString, redacted);
        const std::string out = redactCardSecrets(text.toStdString());
        QCOMPARE(QString::fromStdString(out), redacted);
        QCOMPARE(redactCardSecrets(out), out);
    }

    // Where the PAN hides in hex the masking may take a digit more than
    // first six / last four; what counts is that no PAN is left.
    void hexForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addRow("bcd-tag-5a") << "< 70 0A 5A 08 47 61 73 90 01 01 00 10 5F 24 03 25 12 31";
        QTest::addRow("bcd-unspaced") << "700A5A0847617390010100105F2403251231";
        QTest::addRow("bcd-padded") << "5A 0A 47 61 73 90 01 01 00 10 FF FF";
        QTest::addRow("bcd-odd-offset") << "57 13 F4 76 17 39 00 10 10 01 0D 25 12";
        QTest::addRow("ascii-hex") << "56 10 34 37 36 31 37 33 39 30 30 31 30 31 30 30 31 30";
        QTest::addRow("ascii-hex-odd") << "5634373631373339303031303130303130";
        QTest::addRow("colons") << "47:61:73:90:01:01:00:10";
    }
    void hexForms()
    {
        QFETCH(QString, text);
        const QString out = QString::fromStdString(redactCardSecrets(text.toStdString()));
        QCOMPARE(out.size(), text.size());
        QVERIFY(out.contains('*'));
        QString digits;
        for (const QChar c : out)
            if (c.isLetterOrNumber() || c == '*')
                digits += c;
        for (const char* secret : {"4761739001010010", "47617390010100", "3930303130313030",
                                   "0101001", "9001010", "7390010"})
            QVERIFY2(!digits.contains(secret), qPrintable(out));
        QCOMPARE(QString::fromStdString(redactCardSecrets(out.toStdString())), out);
    }
};

QTEST_GUILESS_MAIN(TestSecretRedaction)
#include "tst_secretredaction.moc"
