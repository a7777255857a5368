// SettingsController: each field validated with a message, saved only when
// all are valid, read back from the file.
#include "SettingsController.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using cardlink::terminal::SettingsController;

class TestSettings : public QObject
{
    Q_OBJECT

private slots:
    void validation_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<bool>("valid");
        QTest::addRow("host-name") << "hostAddress"
                                   << "host.example.com:8583" << true;
        QTest::addRow("host-ip") << "hostAddress"
                                 << "192.168.1.10:443" << true;
        QTest::addRow("host-no-port") << "hostAddress"
                                      << "host.example.com" << false;
        QTest::addRow("host-port-zero") << "hostAddress"
                                        << "host:0" << false;
        QTest::addRow("host-port-too-big") << "hostAddress"
                                           << "host:65536" << false;
        QTest::addRow("host-space") << "hostAddress"
                                    << "my host:80" << false;
        QTest::addRow("link-modem") << "linkType"
                                    << "modem" << true;
        QTest::addRow("link-unknown") << "linkType"
                                      << "pigeon" << false;
        QTest::addRow("tid-8") << "terminalId"
                               << "ABCD1234" << true;
        QTest::addRow("tid-lowercase-upcased") << "terminalId"
                                               << "abc" << true;
        QTest::addRow("tid-9") << "terminalId"
                               << "ABCD12345" << false;
        QTest::addRow("tid-dash") << "terminalId"
                                  << "AB-1" << false;
        QTest::addRow("tid-empty") << "terminalId"
                                   << "" << false;
        QTest::addRow("lang-he") << "language"
                                 << "he" << true;
        QTest::addRow("lang-fr") << "language"
                                 << "fr" << false;
        QTest::addRow("header-40") << "receiptHeader" << QString(40, 'x') << true;
        QTest::addRow("header-41") << "receiptHeader" << QString(41, 'x') << false;
        QTest::addRow("header-newline") << "receiptHeader"
                                        << "a\nb" << false;
    }
    void validation()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(bool, valid);
        QTemporaryDir dir;
        SettingsController settings(dir.filePath(QStringLiteral("s.ini")));
        QVERIFY(settings.validate()); // the defaults are valid
        QVERIFY(settings.setProperty(field.toLatin1(), value));
        QCOMPARE(settings.validate(), valid);
        QCOMPARE(settings.errors().contains(field), !valid);
        QCOMPARE(settings.errors().size(), valid ? 0 : 1);
        if (!valid)
            QVERIFY(!settings.errors().value(field).toString().isEmpty());
        QCOMPARE(settings.save(), valid);
    }

    void savedValuesPersist()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.ini"));
        {
            SettingsController settings(path);
            QSignalSpy saved(&settings, &SettingsController::saved);
            settings.setHostAddress(QStringLiteral("h.example:9000"));
            settings.setLanguage(QStringLiteral("de"));
            settings.setReceiptHeader(QStringLiteral("Bäckerei"));
            QVERIFY(settings.save());
            QCOMPARE(saved.size(), 1);
        }
        SettingsController again(path);
        QCOMPARE(again.hostAddress(), QStringLiteral("h.example:9000"));
        QCOMPARE(again.language(), QStringLiteral("de"));
        QCOMPARE(again.receiptHeader(), QStringLiteral("Bäckerei"));
    }

    void invalidIsNotSaved()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("s.ini"));
        {
            SettingsController settings(path);
            settings.setTerminalId(QStringLiteral("WAY-TOO-LONG"));
            QVERIFY(!settings.save());
            settings.revert();
            QVERIFY(settings.errors().isEmpty());
        }
        SettingsController again(path);
        QCOMPARE(again.terminalId(), QStringLiteral("CARDLNK1"));
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_terminal_settings.moc"
