#include "LanguageSwitcher.h"

#include <QCoreApplication>
#include <QLocale>
#include <QQmlEngine>

namespace cardlink::terminal {

LanguageSwitcher::LanguageSwitcher(QObject* parent) : QObject(parent) {}

LanguageSwitcher::~LanguageSwitcher()
{
    if (m_installed)
        QCoreApplication::removeTranslator(&m_translator);
}

bool LanguageSwitcher::setLanguage(const QString& language)
{
    if (language == m_language)
        return true;
    if (language != QLatin1String("en")) {
        QTranslator probe;
        if (!probe.load(QStringLiteral(":/i18n/cardlink_%1.qm").arg(language)))
            return false;
    }
    if (m_installed) {
        QCoreApplication::removeTranslator(&m_translator);
        m_installed = false;
    }
    if (language != QLatin1String("en")) {
        if (!m_translator.load(QStringLiteral(":/i18n/cardlink_%1.qm").arg(language)))
            return false;
        m_installed = QCoreApplication::installTranslator(&m_translator);
    }
    m_language = language;
    QLocale::setDefault(QLocale(language));
    if (m_engine)
        m_engine->retranslate();
    emit languageChanged();
    return true;
}

bool LanguageSwitcher::isRightToLeft() const
{
    return QLocale(m_language).textDirection() == Qt::RightToLeft;
}

void LanguageSwitcher::setEngine(QQmlEngine* engine)
{
    m_engine = engine;
}

QString LanguageSwitcher::nativeName(const QString& language)
{
    if (language == QLatin1String("en"))
        return QStringLiteral("English");
    const QString name = QLocale(language).nativeLanguageName();
    return name.isEmpty() ? language : name.left(1).toUpper() + name.mid(1);
}

} // namespace cardlink::terminal
