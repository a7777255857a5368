// cardlink: the terminal GUI. Everything lives in the cardlink_terminal
// library and its QML module; this only reads the command line and starts
// the engine.
#include "FirstFrame.h"
#include "Terminal.h"

#include <QCommandLineParser>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQuickStyle>
#include <QUrl>
#include <QtQml/qqmlextensionplugin.h>

#include <memory>

Q_IMPORT_QML_PLUGIN(CardLink_TerminalPlugin)

int main(int argc, char* argv[])
{
    QGuiApplication app(argc, argv);
    QGuiApplication::setOrganizationName(QStringLiteral("CardLink"));
    QGuiApplication::setApplicationName(QStringLiteral("cardlink"));
    if (qEnvironmentVariableIsEmpty("QT_QUICK_CONTROLS_STYLE"))
        QQuickStyle::setStyle(QStringLiteral("Basic"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("CardLink payment terminal"));
    parser.addHelpOption();
    const QCommandLineOption bundle(
        QStringLiteral("bundle"),
        QStringLiteral("Terminal bundle of cardlink-host add-terminal (file or directory): "
                       "sales go to that host. Overrides the setting."),
        QStringLiteral("DIR"));
    const QCommandLineOption settings(QStringLiteral("settings"),
                                      QStringLiteral("Settings file (INI) instead of the user's."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption journal(QStringLiteral("journal"),
                                     QStringLiteral("Journal database instead of the user's."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save the first frame to FILE (PNG) and quit (for headless checks)."),
        QStringLiteral("FILE"));
    parser.addOptions({bundle, settings, journal, screenshot});
    parser.process(app);

    cardlink::terminal::Terminal::Options options = cardlink::terminal::Terminal::defaultOptions();
    options.bundlePath = parser.value(bundle);
    options.settingsPath = parser.value(settings);
    options.journalPath = parser.value(journal);
    auto terminal = std::make_unique<cardlink::terminal::Terminal>(std::move(options));
    cardlink::terminal::Terminal::provide(terminal.get());

    QQmlApplicationEngine engine;
    // Qt 6.4: the static module's files are under qrc:/CardLink/Terminal/.
    engine.addImportPath(QStringLiteral("qrc:/"));
    engine.load(QUrl(QStringLiteral("qrc:/CardLink/Terminal/Main.qml")));
    if (engine.rootObjects().isEmpty())
        return 1;
    if (parser.isSet(screenshot))
        return cardlink::terminal::saveFirstFrame(engine, parser.value(screenshot)) ? 0 : 1;
    return QGuiApplication::exec();
}
