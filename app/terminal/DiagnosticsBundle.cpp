#include "DiagnosticsBundle.h"

#include "util/SecretRedaction.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <algorithm>
#include <array>
#include <map>

namespace cardlink::terminal {

namespace {
QString hex(const Bytes& bytes)
{
    return QString::fromStdString(toHex(bytes));
}

QString amountText(std::uint64_t minor, int exponent)
{
    QString digits = QString::number(minor).rightJustified(exponent + 1, QLatin1Char('0'));
    if (exponent > 0)
        digits.insert(digits.size() - exponent, QLatin1Char('.'));
    return digits;
}
} // namespace

void DiagnosticsBundle::addSection(const QString& title, const QString& body)
{
    m_text += QStringLiteral("== ") + title + QStringLiteral(" ==\n");
    m_text += body;
    if (!body.endsWith(QLatin1Char('\n')))
        m_text += QLatin1Char('\n');
    m_text += QLatin1Char('\n');
}

QString DiagnosticsBundle::text() const
{
    return QString::fromStdString(redactCardSecrets(m_text.toStdString()));
}

QString DiagnosticsBundle::write(const QString& path) const
{
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return QStringLiteral("cannot create %1").arg(info.absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return file.errorString();
    file.write(text().toUtf8());
    if (!file.commit())
        return file.errorString();
    return QString();
}

QString terminalConfigText(const emv::TerminalConfig& config)
{
    QString out;
    const auto line = [&out](const char* name, const QString& value) {
        out += QLatin1String(name) + QStringLiteral(": ") + value + QLatin1Char('\n');
    };
    line("Terminal ID [9F1C]", QString::fromStdString(config.terminalId));
    line("Merchant ID [9F16]", QString::fromStdString(config.merchantId));
    line("IFD serial [9F1E]", QString::fromStdString(config.ifdSerial));
    line("Terminal type [9F35]", hex(config.terminalType));
    line("Capabilities [9F33]", hex(config.capabilities));
    line("Additional capabilities [9F40]", hex(config.additionalCapabilities));
    line("Country [9F1A]", hex(config.countryCode));
    line("Currency [5F2A]", hex(config.currencyCode) + QLatin1Char(' ') +
                                QString::fromStdString(config.currencyAlpha) +
                                QStringLiteral(", exponent ") +
                                QString::number(config.currencyExponent));
    line("Merchant category [9F15]", hex(config.merchantCategoryCode));
    line("Application version [9F09]", hex(config.applicationVersion));
    QStringList aids;
    for (const auto& aid : config.aids)
        aids << hex(aid.aid) + (aid.partialSelection ? QStringLiteral(" (partial)") : QString());
    line("AIDs", aids.isEmpty() ? QStringLiteral("-") : aids.join(QStringLiteral(", ")));
    line("TAC denial / online / default", hex(config.tac.denial) + QStringLiteral(" / ") +
                                              hex(config.tac.online) + QStringLiteral(" / ") +
                                              hex(config.tac.defaultCodes));
    line("Floor limit [9F1B]", amountText(config.floorLimit, config.currencyExponent));
    line("Random selection",
         QStringLiteral("threshold %1, target %2%, max %3%")
             .arg(amountText(config.randomSelectionThreshold, config.currencyExponent))
             .arg(config.randomSelectionTargetPercent)
             .arg(config.randomSelectionMaxTargetPercent));
    line("Default DDOL / TDOL",
         hex(config.defaultDdol) + QStringLiteral(" / ") +
             (config.defaultTdol.empty() ? QStringLiteral("-") : hex(config.defaultTdol)));
    line("CA key file",
         config.caKeyFile.empty() ? QStringLiteral("-") : QString::fromStdString(config.caKeyFile));
    line("Can go online", config.canGoOnline ? QStringLiteral("yes") : QStringLiteral("no"));
    return out;
}

QString journalSummaryText(const std::vector<journal::JournalRecord>& records, int recent)
{
    std::map<std::string, int> byState;
    for (const auto& record : records)
        ++byState[journal::journalStateName(record.state)];
    QString out = QStringLiteral("%1 record(s)").arg(records.size());
    QStringList counts;
    for (const auto& [state, count] : byState)
        counts << QStringLiteral("%1 %2").arg(QString::fromStdString(state)).arg(count);
    if (!counts.isEmpty())
        out += QStringLiteral(": ") + counts.join(QStringLiteral(", "));
    out += QLatin1Char('\n');
    const std::size_t shown = std::min<std::size_t>(records.size(), std::max(recent, 0));
    if (shown > 0)
        out += QStringLiteral("Newest %1 (id, STAN, batch, field 7, amount currency, card, AID, "
                              "mode, state, cryptogram, ARC, auth code, RRN):\n")
                   .arg(shown);
    // all() is oldest first.
    for (std::size_t i = records.size(); i-- > records.size() - shown;) {
        const auto& r = records[i];
        const QString dash = QStringLiteral("-");
        const auto text = [&dash](const std::string& s) {
            return s.empty() ? dash : QString::fromStdString(s);
        };
        // Comma-separated: numbers a single space apart would read as one
        // digit run to the PAN filter.
        out += QStringLiteral("#%1, STAN %2, batch %3, %4, %5 %6, %7, %8, %9")
                   .arg(r.id)
                   .arg(r.stan, 6, 10, QLatin1Char('0'))
                   .arg(r.batch)
                   .arg(text(r.transmissionDateTime), QString::number(r.amount), text(r.currency),
                        text(r.maskedPan), text(r.aid),
                        QString::fromLatin1(journal::authorizationModeName(r.mode)));
        out += QStringLiteral(", %1, %2, ARC %3, auth %4, RRN %5\n")
                   .arg(QString::fromLatin1(journal::journalStateName(r.state)),
                        QString::fromLatin1(journal::cryptogramKindName(r.cryptogram)), text(r.arc),
                        text(r.authCode), text(r.rrn));
    }
    return out;
}

} // namespace cardlink::terminal
