#include "SettingsController.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QSettings>

namespace cardlink::terminal {

namespace {
const QString kHost = QStringLiteral("link/host");
const QString kLinkType = QStringLiteral("link/type");
const QString kTerminalId = QStringLiteral("terminal/id");
const QString kLanguage = QStringLiteral("ui/language");
const QString kHeader = QStringLiteral("receipt/header");
const QString kBundle = QStringLiteral("link/bundle");
} // namespace

SettingsController::SettingsController(const QString& iniPath, QObject* parent)
    : QObject(parent),
      m_settings(iniPath.isEmpty() ? std::make_unique<QSettings>(QStringLiteral("CardLink"),
                                                                 QStringLiteral("cardlink"))
                                   : std::make_unique<QSettings>(iniPath, QSettings::IniFormat))
{
    revert();
}

SettingsController::~SettingsController() = default;

void SettingsController::set(QString& field, const QString& value)
{
    if (field == value)
        return;
    field = value;
    emit changed();
}

void SettingsController::setHostAddress(const QString& value)
{
    set(m_hostAddress, value.trimmed());
}

void SettingsController::setLinkType(const QString& value)
{
    set(m_linkType, value);
}

void SettingsController::setTerminalId(const QString& value)
{
    set(m_terminalId, value.trimmed().toUpper());
}

void SettingsController::setLanguage(const QString& value)
{
    set(m_language, value);
}

void SettingsController::setReceiptHeader(const QString& value)
{
    set(m_receiptHeader, value);
}

void SettingsController::setTerminalBundle(const QString& value)
{
    set(m_terminalBundle, value.trimmed());
}

QStringList SettingsController::linkTypes() const
{
    return {QStringLiteral("tls"), QStringLiteral("modem"), QStringLiteral("tones")};
}

QStringList SettingsController::languages() const
{
    return {QStringLiteral("en"), QStringLiteral("he"), QStringLiteral("de")};
}

bool SettingsController::validate()
{
    QVariantMap errors;
    // host:port, the host a DNS name or an IPv4 address.
    static const QRegularExpression hostPort(
        QStringLiteral("^([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]*"
                       "[A-Za-z0-9])?)*:(?<port>[0-9]{1,5})$"));
    const auto match = hostPort.match(m_hostAddress);
    if (!match.hasMatch())
        errors[QStringLiteral("hostAddress")] =
            tr("Enter the host as name:port, for example host.example.com:8583.");
    else if (const int port = match.captured(QStringLiteral("port")).toInt();
             port < 1 || port > 65535)
        errors[QStringLiteral("hostAddress")] = tr("The port must be a number from 1 to 65535.");
    if (!linkTypes().contains(m_linkType))
        errors[QStringLiteral("linkType")] = tr("Choose TLS, modem or tones.");
    // ISO 8583 field 41 / EMV 9F1C: an8.
    static const QRegularExpression terminalId(QStringLiteral("^[A-Z0-9]{1,8}$"));
    if (!terminalId.match(m_terminalId).hasMatch())
        errors[QStringLiteral("terminalId")] = tr("The terminal ID has 1 to 8 letters or digits.");
    if (!languages().contains(m_language))
        errors[QStringLiteral("language")] = tr("Choose English, Hebrew or German.");
    if (m_receiptHeader.size() > kMaxHeaderLength)
        errors[QStringLiteral("receiptHeader")] =
            tr("The receipt header can have at most %1 characters.").arg(kMaxHeaderLength);
    else if (m_receiptHeader.contains(QLatin1Char('\n')))
        errors[QStringLiteral("receiptHeader")] = tr("The receipt header is a single line.");
    if (!m_terminalBundle.isEmpty() && !QFileInfo::exists(m_terminalBundle))
        errors[QStringLiteral("terminalBundle")] = tr("No terminal bundle at this path.");

    if (errors != m_errors) {
        m_errors = errors;
        emit errorsChanged();
    }
    return m_errors.isEmpty();
}

bool SettingsController::save()
{
    if (!validate())
        return false;
    m_settings->setValue(kHost, m_hostAddress);
    m_settings->setValue(kLinkType, m_linkType);
    m_settings->setValue(kTerminalId, m_terminalId);
    m_settings->setValue(kLanguage, m_language);
    m_settings->setValue(kHeader, m_receiptHeader);
    m_settings->setValue(kBundle, m_terminalBundle);
    m_settings->sync();
    emit saved();
    return m_settings->status() == QSettings::NoError;
}

void SettingsController::revert()
{
    m_hostAddress = m_settings->value(kHost, QStringLiteral("localhost:8583")).toString();
    m_linkType = m_settings->value(kLinkType, QStringLiteral("tls")).toString();
    m_terminalId = m_settings->value(kTerminalId, QStringLiteral("CARDLNK1")).toString();
    m_language = m_settings->value(kLanguage, QStringLiteral("en")).toString();
    m_receiptHeader = m_settings->value(kHeader, QStringLiteral("CardLink Demo Shop")).toString();
    m_terminalBundle = m_settings->value(kBundle).toString();
    m_errors.clear();
    emit changed();
    emit errorsChanged();
}

void SettingsController::retranslate()
{
    if (!m_errors.isEmpty())
        validate();
    // validate() only signals on a change; the texts changed language.
    emit errorsChanged();
}

} // namespace cardlink::terminal
