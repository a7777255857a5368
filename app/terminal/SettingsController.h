#pragma once

#include <QObject>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QSettings;

namespace cardlink::terminal {

// The terminal's settings: edited as a draft, checked by validate() with a
// message per bad field (`errors`, keyed by property name), stored by save()
// only when all are valid.
class SettingsController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Terminal")
    Q_PROPERTY(QString hostAddress READ hostAddress WRITE setHostAddress NOTIFY changed)
    Q_PROPERTY(QString linkType READ linkType WRITE setLinkType NOTIFY changed)
    Q_PROPERTY(QString terminalId READ terminalId WRITE setTerminalId NOTIFY changed)
    Q_PROPERTY(QString language READ language WRITE setLanguage NOTIFY changed)
    Q_PROPERTY(QString receiptHeader READ receiptHeader WRITE setReceiptHeader NOTIFY changed)
    // The `cardlink-host add-terminal` bundle (file or its directory); empty:
    // no host link (the stub host).
    Q_PROPERTY(QString terminalBundle READ terminalBundle WRITE setTerminalBundle NOTIFY changed)
    Q_PROPERTY(QVariantMap errors READ errors NOTIFY errorsChanged)
    Q_PROPERTY(QStringList linkTypes READ linkTypes CONSTANT)
    Q_PROPERTY(QStringList languages READ languages CONSTANT)

public:
    static constexpr int kMaxHeaderLength = 40;

    // `iniPath` empty: the user's CardLink settings.
    explicit SettingsController(const QString& iniPath = {}, QObject* parent = nullptr);
    ~SettingsController() override;

    QString hostAddress() const { return m_hostAddress; }
    void setHostAddress(const QString& value);
    QString linkType() const { return m_linkType; }
    void setLinkType(const QString& value);
    QString terminalId() const { return m_terminalId; }
    void setTerminalId(const QString& value);
    QString language() const { return m_language; }
    void setLanguage(const QString& value);
    QString receiptHeader() const { return m_receiptHeader; }
    void setReceiptHeader(const QString& value);
    QString terminalBundle() const { return m_terminalBundle; }
    void setTerminalBundle(const QString& value);
    QVariantMap errors() const { return m_errors; }
    QStringList linkTypes() const;
    QStringList languages() const;

    Q_INVOKABLE bool validate();
    Q_INVOKABLE bool save();
    // Back to the stored values.
    Q_INVOKABLE void revert();
    void retranslate();

signals:
    void changed();
    void errorsChanged();
    void saved();

private:
    void set(QString& field, const QString& value);

    std::unique_ptr<QSettings> m_settings;
    QString m_hostAddress;
    QString m_linkType;
    QString m_terminalId;
    QString m_language;
    QString m_receiptHeader;
    QString m_terminalBundle;
    QVariantMap m_errors;
};

} // namespace cardlink::terminal
