#pragma once

#include "emv/TerminalConfig.h"
#include "journal/JournalRecord.h"

#include <QString>

#include <vector>

namespace cardlink::terminal {

// The diagnostics bundle an operator mails to support: one UTF-8 text file of
// titled sections (version, configuration, readers and ATRs, APDU trace, link
// log, journal summary). Its text is in English whatever the UI language, so
// support can read every bundle, like the trace export and the ATR decoding.
//
// SECURITY: text() passes everything through redactCardSecrets() as the last
// step, whatever a section's source already masked: no PAN (13-19 digits,
// Luhn; plain, BCD or ASCII as hex) and no clear PIN block leaves in clear.
class DiagnosticsBundle
{
public:
    void addSection(const QString& title, const QString& body);

    QString text() const;
    // Writes text() to `path`, creating its directory; an error text, empty
    // on success.
    QString write(const QString& path) const;

private:
    QString m_text;
};

// The terminal configuration the kernel uses (EMV tags in brackets). It holds
// no keys; the CA key file is named, not copied.
QString terminalConfigText(const emv::TerminalConfig& config);

// Counts per state and the newest `recent` records, one line each (masked PAN
// only; the stored request and the sealed card are left out).
QString journalSummaryText(const std::vector<journal::JournalRecord>& records, int recent);

} // namespace cardlink::terminal
