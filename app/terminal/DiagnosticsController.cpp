#include "DiagnosticsController.h"

#include "HostLinkAuthorizer.h"
#include "LinkStatus.h"
#include "ReaderStatus.h"
#include "SettingsController.h"
#include "iso7816/Atr.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QSysInfo>

#ifndef CARDLINK_VERSION
#define CARDLINK_VERSION "unknown"
#endif

namespace cardlink::terminal {

namespace {
// Recent journal records listed one by one in the bundle.
constexpr int kBundleJournalRecords = 50;
} // namespace

DiagnosticsController::DiagnosticsController(ReaderStatus& readers, QObject* parent)
    : QObject(parent), m_readers(readers),
      m_bundleDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
{
    if (m_bundleDirectory.isEmpty())
        m_bundleDirectory = QDir::homePath();
}

QString DiagnosticsController::decodeAtr(const QString& hex) const
{
    auto bytes = fromHex(hex.toStdString());
    if (!bytes)
        return tr("Not hexadecimal: %1").arg(QString::fromStdString(bytes.error().describe()));
    auto atr = iso7816::Atr::parse(*bytes);
    if (!atr)
        return tr("Malformed ATR: %1").arg(QString::fromStdString(atr.error().describe()));
    return QString::fromStdString(atr->describe());
}

QString DiagnosticsController::readerAtr(const QString& reader) const
{
    const QByteArray atr = m_readers.readers()->atr(reader);
    if (atr.isEmpty())
        return tr("No card in this reader.");
    return decodeAtr(QString::fromLatin1(atr.toHex()));
}

QString DiagnosticsController::exportTrace(const QString& path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    file.write(m_trace.exportText().toUtf8());
    return QString();
}

void DiagnosticsController::setBundleSources(BundleSources sources)
{
    m_sources = std::move(sources);
}

void DiagnosticsController::setJournalSource(JournalSource source)
{
    m_sources.journal = std::move(source);
}

void DiagnosticsController::setBundleDirectory(const QString& directory)
{
    if (directory == m_bundleDirectory)
        return;
    m_bundleDirectory = directory;
    emit bundleChanged();
}

DiagnosticsBundle DiagnosticsController::buildBundle() const
{
    DiagnosticsBundle bundle;
    bundle.addSection(
        QStringLiteral("CardLink diagnostics bundle"),
        QStringLiteral("Created: %1\nProgram: %2 %3, Qt %4\nSystem: %5, kernel %6 (%7)\n")
            .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate),
                 QCoreApplication::applicationName(), QStringLiteral(CARDLINK_VERSION),
                 QString::fromLatin1(qVersion()), QSysInfo::prettyProductName(),
                 QSysInfo::kernelVersion(), QSysInfo::currentCpuArchitecture()));
    bundle.addSection(QStringLiteral("Terminal configuration"),
                      terminalConfigText(m_sources.config));
    bundle.addSection(QStringLiteral("Settings"), settingsText());
    bundle.addSection(QStringLiteral("Readers"), readersText());
    const iso7816::ApduTrace* trace = m_trace.source();
    const QString traceText =
        trace ? QString::fromStdString(trace->exportText()) : m_trace.exportText();
    bundle.addSection(QStringLiteral("APDU trace"),
                      traceText.isEmpty() ? QStringLiteral("No APDU trace.") : traceText);
    bundle.addSection(QStringLiteral("Host link"), linkText());
    bundle.addSection(QStringLiteral("Journal"), journalText());
    return bundle;
}

QString DiagnosticsController::exportBundle()
{
    const QString name =
        QStringLiteral("cardlink-diagnostics-%1.txt")
            .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = QDir(m_bundleDirectory).filePath(name);
    const QString error = buildBundle().write(path);
    // The path is left-to-right inside a Hebrew sentence too: a
    // left-to-right isolate (U+2066 ... U+2069, Unicode UAX #9, 2.4).
    const QString shownPath = QChar(0x2066) + path + QChar(0x2069);
    m_bundleMessage = error.isEmpty() ? tr("Diagnostics saved to %1").arg(shownPath)
                                      : tr("Diagnostics not saved: %1").arg(error);
    emit bundleChanged();
    return error.isEmpty() ? path : QString();
}

QString DiagnosticsController::readersText() const
{
    const ReaderListModel* list = m_readers.readers();
    const QStringList names = list->names();
    if (names.isEmpty())
        return QStringLiteral("No reader. ") + m_readers.stateText();
    QString out;
    for (const QString& name : names) {
        const QByteArray atr = list->atr(name);
        out += name + QStringLiteral(": ") +
               (list->hasCard(name) ? QStringLiteral("card present") : QStringLiteral("empty")) +
               QLatin1Char('\n');
        if (!atr.isEmpty()) {
            out += QStringLiteral("ATR ") + QString::fromLatin1(atr.toHex(' ').toUpper()) +
                   QLatin1Char('\n');
            auto parsed =
                iso7816::Atr::parse(ByteView(reinterpret_cast<const std::uint8_t*>(atr.constData()),
                                             static_cast<std::size_t>(atr.size())));
            out += parsed
                       ? QString::fromStdString(parsed->describe())
                       : QStringLiteral("Malformed ATR: ") +
                             QString::fromStdString(parsed.error().describe()) + QLatin1Char('\n');
        }
    }
    return out;
}

QString DiagnosticsController::settingsText() const
{
    const SettingsController* settings = m_sources.settings;
    QString out;
    if (settings) {
        out += QStringLiteral("Host address: %1\nLink type: %2\nTerminal ID: %3\nLanguage: %4\n"
                              "Receipt header: %5\nTerminal bundle: %6\n")
                   .arg(settings->hostAddress(), settings->linkType(), settings->terminalId(),
                        settings->language(), settings->receiptHeader(),
                        settings->terminalBundle().isEmpty() ? QStringLiteral("-")
                                                             : settings->terminalBundle());
    } else {
        out += QStringLiteral("No settings.\n");
    }
    // The bundle in use: who the terminal is to the host. Its keys and
    // certificates stay out.
    const HostLinkAuthorizer* host = m_sources.hostLink ? m_sources.hostLink() : nullptr;
    if (host)
        out += QStringLiteral("Host link in use: terminal %1 at %2\n")
                   .arg(host->terminalId(), host->hostName());
    else
        out += QStringLiteral("Host link in use: none (stub host)\n");
    return out;
}

QString DiagnosticsController::linkText() const
{
    LinkStatus* link = m_sources.link;
    if (!link)
        return QStringLiteral("No host link.\n");
    QString out = QStringLiteral("State: %1\n").arg(link->stateText());
    if (!link->lastError().isEmpty())
        out += QStringLiteral("Last error: %1\n").arg(link->lastError());
    if (!link->echoText().isEmpty())
        out += QStringLiteral("Echo: %1\n").arg(link->echoText());
    out += QStringLiteral("Log:\n") + link->log()->text();
    return out;
}

QString DiagnosticsController::journalText() const
{
    if (!m_sources.journal)
        return QStringLiteral("No journal connected.\n");
    auto records = m_sources.journal();
    if (!records)
        return QStringLiteral("Journal not readable: %1\n")
            .arg(QString::fromStdString(records.error().describe()));
    return journalSummaryText(*records, kBundleJournalRecords);
}

} // namespace cardlink::terminal
