#pragma once

#include "BatchController.h"
#include "CheckoutController.h"
#include "DiagnosticsController.h"
#include "HostLinkAuthorizer.h"
#include "HostSelector.h"
#include "JournalModel.h"
#include "LanguageSwitcher.h"
#include "LinkStatus.h"
#include "ReaderStatus.h"
#include "SaleRecorder.h"
#include "SettingsController.h"
#include "SqliteJournal.h"
#include "StubHostAuthorizer.h"
#include "TransactionRunner.h"
#include "emv/SystemRandom.h"
#include "emv/TerminalConfig.h"
#include "iso7816/ApduTrace.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QQmlEngine;
class QJSEngine;
class QThread;

namespace cardlink::pcsc {
class PcscReaderService;
}

namespace cardlink::terminal {

// The terminal's composition root and the one QML singleton: it owns the
// controllers and their dependencies and wires them together. Programs and
// tests build one (with fakes where they need them) and hand it to QML with
// provide() before loading; without one, create() builds the production
// terminal (PC/SC, the demo terminal config, the stub host).
class Terminal : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(cardlink::terminal::CheckoutController* checkout READ checkout CONSTANT)
    Q_PROPERTY(cardlink::terminal::ReaderStatus* readers READ readers CONSTANT)
    Q_PROPERTY(cardlink::terminal::DiagnosticsController* diagnostics READ diagnostics CONSTANT)
    Q_PROPERTY(cardlink::terminal::SettingsController* settings READ settings CONSTANT)
    Q_PROPERTY(cardlink::terminal::LanguageSwitcher* language READ language CONSTANT)
    Q_PROPERTY(cardlink::terminal::LinkStatus* link READ link CONSTANT)
    Q_PROPERTY(cardlink::terminal::JournalModel* journalBrowser READ journalBrowser CONSTANT)
    Q_PROPERTY(cardlink::terminal::Receipt* journalReceipt READ journalReceipt CONSTANT)
    Q_PROPERTY(cardlink::terminal::BatchController* batch READ batch CONSTANT)

public:
    struct Options
    {
        emv::TerminalConfig config;
        QString settingsPath; // empty: the user's settings
        // Null: the EMV kernel on PC/SC (KernelRunner).
        std::unique_ptr<TransactionRunner> runner;
        bool startReaderService = true;
        // Empty: journal.db in the application data directory.
        QString journalPath;
        // A terminal bundle (cardlink --bundle): overrides the settings'.
        QString bundlePath;
    };

    explicit Terminal(Options options, QObject* parent = nullptr);
    ~Terminal() override;

    static Terminal* create(QQmlEngine* engine, QJSEngine* scriptEngine);
    // The instance create() returns next; the caller keeps ownership.
    static void provide(Terminal* terminal);
    // The terminal config from $CARDLINK_TERMINAL_CONFIG, else the built-in
    // demo config.
    static Options defaultOptions();

    CheckoutController* checkout() { return m_checkout.get(); }
    ReaderStatus* readers() { return &m_readers; }
    DiagnosticsController* diagnostics() { return m_diagnostics.get(); }
    SettingsController* settings() { return &m_settings; }
    LanguageSwitcher* language() { return &m_language; }
    LinkStatus* link() { return &m_link; }
    BatchController* batch() { return m_batch.get(); }
    StubHostAuthorizer& host() { return m_host; }
    // The real host link; null without a terminal bundle.
    HostLinkAuthorizer* hostLink() { return m_hostLink.get(); }
    iso7816::ApduTrace& trace() { return m_trace; }
    // Null when the journal could not be opened (the terminal then says so
    // in the log and takes no online sale without it).
    journal::Journal* journal() { return m_journal.get(); }
    SaleRecorder* recorder() { return m_recorder.get(); }
    // The journal browser (reloaded after each sale and recovery) and the
    // receipt a reprint from it fills.
    JournalModel* journalBrowser() { return m_journalModel.get(); }
    Receipt* journalReceipt() { return &m_journalReceipt; }
    Q_INVOKABLE bool reprint(int row);
    bool isRecovering() const { return m_recovery != nullptr; }

    // Resolves the journal's unresolved records over the host link
    // (link::JournalRecovery) on a thread of its own: at start-up, when the
    // link comes back, after each sale. recoveryFinished() follows.
    void startRecovery();

signals:
    void recoveryFinished(int resolved, int failed);

private:
    void openJournal(QString path);
    void retranslate();
    void applySettings();
    void selectHost(const QString& bundlePath);

    iso7816::ApduTrace m_trace;
    StubHostAuthorizer m_host;
    HostSelector m_hostSelector{m_host};
    std::shared_ptr<HostLinkAuthorizer> m_hostLink;
    QString m_bundlePath;
    QString m_bundleOverride;
    emv::SystemRandom m_random;
    std::unique_ptr<journal::SqliteJournal> m_journal;
    std::unique_ptr<SaleRecorder> m_recorder;
    QThread* m_recovery = nullptr;
    std::unique_ptr<JournalModel> m_journalModel;
    Receipt m_journalReceipt;
    bool m_recoverAgain = false;
    std::unique_ptr<TransactionRunner> m_runner;
    std::unique_ptr<pcsc::PcscReaderService> m_service;
    ReaderStatus m_readers;
    SettingsController m_settings;
    LanguageSwitcher m_language;
    LinkStatus m_link;
    std::unique_ptr<CheckoutController> m_checkout;
    std::unique_ptr<DiagnosticsController> m_diagnostics;
    std::unique_ptr<BatchController> m_batch;
};

} // namespace cardlink::terminal
