// Qt Quick Test runner for the terminal's screens (tst_*.qml here). The QML
// module is linked in statically; the Terminal singleton is a test instance:
// no PC/SC service, settings in a temporary file, a receipt to show.
#include "Terminal.h"
#include "terminal/ScriptedRunner.h"

#include <QQmlEngine>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

#include <memory>

Q_IMPORT_QML_PLUGIN(CardLink_TerminalPlugin)

using namespace cardlink;
using namespace cardlink::terminal;

class Setup : public QObject
{
    Q_OBJECT

public slots:
    void qmlEngineAvailable(QQmlEngine* engine)
    {
        // Qt 6.4: the static module's qmldir is under qrc:/CardLink/Terminal/.
        engine->addImportPath(QStringLiteral("qrc:/"));
        if (m_terminal)
            return; // one terminal for every test file's engine
        auto options = Terminal::defaultOptions();
        options.settingsPath = m_dir.filePath(QStringLiteral("settings.ini"));
        options.startReaderService = false;
        options.journalPath = m_dir.filePath(QStringLiteral("journal.db"));
        options.runner = std::make_unique<test::ScriptedRunner>();
        m_terminal = std::make_unique<Terminal>(std::move(options));
        Receipt* receipt = m_terminal->checkout()->receipt();
        receipt->setExportDirectory(m_dir.path());
        receipt->setData(receiptDataFrom(test::ScriptedRunner::approvedOutcome(),
                                         emv::TerminalConfig{}, 1234, 7,
                                         QStringLiteral("Test Shop"), QStringLiteral("Approved")));
        Terminal::provide(m_terminal.get());
    }

    void cleanupTestCase() { m_terminal.reset(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Terminal> m_terminal;
};

QUICK_TEST_MAIN_WITH_SETUP(cardlink_qml, Setup)
#include "tst_qml.moc"
