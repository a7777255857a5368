#pragma once

#include <QObject>
#include <QPointer>
#include <QTranslator>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;

namespace cardlink::terminal {

// Switches the UI language at run time: loads the compiled translation
// (":/i18n/cardlink_<code>.qm", built from translations/), reinstalls it and
// makes the QML engine re-evaluate every qsTr() binding
// (QQmlEngine::retranslate, Qt 5.10+). Hebrew is right-to-left: QML mirrors
// its layouts with LayoutMirroring bound to `rightToLeft`.
class LanguageSwitcher : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Terminal")
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY languageChanged)
    Q_PROPERTY(bool rightToLeft READ isRightToLeft NOTIFY languageChanged)

public:
    explicit LanguageSwitcher(QObject* parent = nullptr);
    ~LanguageSwitcher() override;

    QString language() const { return m_language; }
    // "en" (the source language), "he", "de"; false for a language without
    // a translation (the current one stays).
    Q_INVOKABLE bool setLanguage(const QString& language);
    bool isRightToLeft() const;
    void setEngine(QQmlEngine* engine);

    // The display name of a language code in that language ("עברית").
    Q_INVOKABLE static QString nativeName(const QString& language);

signals:
    void languageChanged();

private:
    QString m_language = QStringLiteral("en");
    QTranslator m_translator;
    bool m_installed = false;
    QPointer<QQmlEngine> m_engine;
};

} // namespace cardlink::terminal
