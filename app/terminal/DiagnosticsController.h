#pragma once

#include "ApduTraceModel.h"
#include "DiagnosticsBundle.h"
#include "emv/TerminalConfig.h"
#include "journal/JournalRecord.h"
#include "util/Result.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <vector>

namespace cardlink::terminal {

class HostLinkAuthorizer;
class LinkStatus;
class ReaderStatus;
class SettingsController;

// The operator's view: readers and their cards, the ATR decoded by core's
// parser, the APDU trace, and the diagnostics bundle for support.
class DiagnosticsController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Terminal")
    Q_PROPERTY(cardlink::terminal::ApduTraceModel* trace READ trace CONSTANT)
    Q_PROPERTY(
        QString bundleDirectory READ bundleDirectory WRITE setBundleDirectory NOTIFY bundleChanged)
    // The outcome of the last exportBundle(), for the screen.
    Q_PROPERTY(QString bundleMessage READ bundleMessage NOTIFY bundleChanged)

public:
    // The journal's records, oldest first: core journal::Journal::all().
    using JournalSource = std::function<Result<std::vector<journal::JournalRecord>>()>;

    // What the bundle reads besides the readers and the trace; any may be unset.
    struct BundleSources
    {
        emv::TerminalConfig config;
        SettingsController* settings = nullptr;
        LinkStatus* link = nullptr;
        // The host link in use (terminal bundle), or null.
        std::function<const HostLinkAuthorizer*()> hostLink;
        JournalSource journal;
    };

    DiagnosticsController(ReaderStatus& readers, QObject* parent = nullptr);

    ApduTraceModel* trace() { return &m_trace; }

    // Multi-line decoding of an ATR given as hex, or why it is malformed.
    Q_INVOKABLE QString decodeAtr(const QString& hex) const;
    // The ATR of the card in `reader` decoded; a text saying no card when none.
    Q_INVOKABLE QString readerAtr(const QString& reader) const;
    // Writes the (filtered) trace; an error text, empty on success.
    Q_INVOKABLE QString exportTrace(const QString& path) const;

    void setBundleSources(BundleSources sources);
    // Only the journal (the hook for whoever owns the Journal port).
    void setJournalSource(JournalSource source);

    // Everything the bundle holds; see DiagnosticsBundle.
    DiagnosticsBundle buildBundle() const;
    // Writes the bundle as cardlink-diagnostics-<UTC time>.txt into
    // bundleDirectory(); the file's path, or empty when it failed
    // (bundleMessage() says why either way).
    Q_INVOKABLE QString exportBundle();

    // Default: the user's documents directory.
    QString bundleDirectory() const { return m_bundleDirectory; }
    void setBundleDirectory(const QString& directory);
    QString bundleMessage() const { return m_bundleMessage; }

signals:
    void bundleChanged();

private:
    QString readersText() const;
    QString settingsText() const;
    QString linkText() const;
    QString journalText() const;

    ReaderStatus& m_readers;
    ApduTraceModel m_trace;
    BundleSources m_sources;
    QString m_bundleDirectory;
    QString m_bundleMessage;
};

} // namespace cardlink::terminal
