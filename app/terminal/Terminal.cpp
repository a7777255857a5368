#include "Terminal.h"

#include "KernelRunner.h"
#include "PcscReaderService.h"
#include "TerminalBundle.h"
#include "util/Bytes.h"
#include "util/Clock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJSEngine>
#include <QLoggingCategory>
#include <QPointer>
#include <QQmlEngine>
#include <QStandardPaths>
#include <QThread>

namespace cardlink::terminal {

namespace {
Q_LOGGING_CATEGORY(lcTerminal, "cardlink.terminal")

QPointer<Terminal> s_provided;

emv::CaPublicKeyStore loadCaKeys(const emv::TerminalConfig& config, const QString& configDir)
{
    if (config.caKeyFile.empty())
        return {};
    QString path = QString::fromStdString(config.caKeyFile);
    if (QFileInfo(path).isRelative() && !configDir.isEmpty())
        path = configDir + QLatin1Char('/') + path;
    auto keys = emv::CaPublicKeyStore::load(path.toStdString());
    if (!keys) {
        // Offline data authentication then fails and the TVR says so
        // (EMV 4.4 Book 3, 10.3); the terminal still works online.
        qCWarning(lcTerminal, "CA keys %s: %s", qPrintable(path), keys.error().describe().c_str());
        return {};
    }
    return std::move(*keys);
}
} // namespace

Terminal::Terminal(Options options, QObject* parent)
    : QObject(parent), m_bundleOverride(options.bundlePath), m_runner(std::move(options.runner)),
      m_settings(options.settingsPath)
{
    openJournal(options.journalPath);
    OnlineHost& host = m_recorder ? static_cast<OnlineHost&>(*m_recorder) : m_hostSelector;
    if (!m_runner) {
        const QString configDir =
            qEnvironmentVariable("CARDLINK_TERMINAL_CONFIG").isEmpty()
                ? QString()
                : QFileInfo(qEnvironmentVariable("CARDLINK_TERMINAL_CONFIG")).absolutePath();
        m_runner = std::make_unique<KernelRunner>(KernelRunner::pcscChannels(), options.config,
                                                  loadCaKeys(options.config, configDir), host,
                                                  m_trace, SystemClock::instance(), m_random);
    }
    m_checkout = std::make_unique<CheckoutController>(m_readers, *m_runner, options.config);
    // Field 49 takes the numeric currency code: "826" of 5F2A 0826.
    const std::string currency = toHex(options.config.currencyCode);
    m_batch = std::make_unique<BatchController>(
        options.config.currencyExponent, QString::fromStdString(options.config.currencyAlpha),
        currency.substr(currency.size() > 3 ? currency.size() - 3 : 0));
    m_batch->setJournal(m_journal.get());
    connect(m_checkout.get(), &CheckoutController::transactionFinished, m_batch.get(),
            &BatchController::journalChanged);
    connect(this, &Terminal::recoveryFinished, m_batch.get(), &BatchController::journalChanged);
    m_checkout->setRecorder(m_recorder.get());
    // A sale may leave work for recovery (an AAC after the host's approval,
    // an offline approval to advise, a reversal that got no answer).
    connect(m_checkout.get(), &CheckoutController::transactionFinished, this,
            &Terminal::startRecovery);
    connect(&m_link, &LinkStatus::reachableAgain, this, &Terminal::startRecovery);
    m_journalModel =
        std::make_unique<JournalModel>(m_journal.get(), options.config.currencyExponent,
                                       QString::fromStdString(options.config.currencyAlpha));
    m_journalModel->reload();
    connect(m_checkout.get(), &CheckoutController::transactionFinished, m_journalModel.get(),
            &JournalModel::reload);
    connect(this, &Terminal::recoveryFinished, m_journalModel.get(), &JournalModel::reload);
    m_diagnostics = std::make_unique<DiagnosticsController>(m_readers);
    m_diagnostics->trace()->attach(m_trace);
    DiagnosticsController::JournalSource journalRecords;
    if (m_journal)
        journalRecords = [this] {
            return m_journal->all();
        };
    m_diagnostics->setBundleSources({options.config, &m_settings, &m_link,
                                     [this] { return m_hostLink.get(); }, journalRecords});
    connect(m_diagnostics->trace(), &ApduTraceModel::entryAdded, m_checkout.get(),
            &CheckoutController::onCardCommand);

    connect(&m_language, &LanguageSwitcher::languageChanged, this, &Terminal::retranslate);
    connect(&m_settings, &SettingsController::saved, this, &Terminal::applySettings);
    applySettings();

    if (options.startReaderService) {
        m_service = std::make_unique<pcsc::PcscReaderService>();
        m_readers.attach(*m_service);
        m_service->start();
    }
}

Terminal::~Terminal()
{
    // The checkout releases and joins its worker before the runner goes.
    m_checkout.reset();
    if (m_recovery) {
        m_recovery->wait();
        delete m_recovery;
        m_recovery = nullptr;
    }
    if (m_service)
        m_service->stop();
}

Terminal* Terminal::create(QQmlEngine* engine, QJSEngine*)
{
    Terminal* terminal = s_provided;
    if (terminal) {
        QJSEngine::setObjectOwnership(terminal, QJSEngine::CppOwnership);
    } else {
        terminal = new Terminal(defaultOptions());
    }
    terminal->m_language.setEngine(engine);
    return terminal;
}

void Terminal::provide(Terminal* terminal)
{
    s_provided = terminal;
}

Terminal::Options Terminal::defaultOptions()
{
    Options options;
    const QString path = qEnvironmentVariable("CARDLINK_TERMINAL_CONFIG",
                                              QStringLiteral(":/terminal/terminal-demo.json"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcTerminal, "cannot read %s; using built-in defaults", qPrintable(path));
        return options;
    }
    auto config = emv::TerminalConfig::fromJson(file.readAll().toStdString());
    if (!config)
        qCWarning(lcTerminal, "%s: %s", qPrintable(path), config.error().describe().c_str());
    else
        options.config = std::move(*config);
    return options;
}

void Terminal::openJournal(QString path)
{
    if (path.isEmpty()) {
        const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
        QDir().mkpath(dir);
        path = dir + QStringLiteral("/journal.db");
    }
    auto opened = journal::SqliteJournal::open(path);
    if (!opened) {
        qCWarning(lcTerminal, "journal %s: %s", qPrintable(path),
                  opened.error().describe().c_str());
        return;
    }
    m_journal = std::move(*opened);
    m_recorder = std::make_unique<SaleRecorder>(m_hostSelector, *m_journal);
}

void Terminal::retranslate()
{
    m_checkout->retranslate();
    m_readers.retranslate();
    m_link.retranslate();
    m_journalModel->retranslate();
    m_journalReceipt.retranslate();
    m_settings.retranslate();
    m_batch->retranslate();
}

void Terminal::applySettings()
{
    m_checkout->setReceiptHeader(m_settings.receiptHeader());
    m_language.setLanguage(m_settings.language());
    selectHost(m_bundleOverride.isEmpty() ? m_settings.terminalBundle() : m_bundleOverride);
    m_checkout->setReceiptTerminalId(m_hostLink ? m_hostLink->terminalId()
                                                : m_settings.terminalId());
}

void Terminal::selectHost(const QString& bundlePath)
{
    if (bundlePath == m_bundlePath && (m_hostLink || bundlePath.isEmpty()))
        return;
    m_bundlePath = bundlePath;
    m_hostLink.reset();
    m_hostSelector.select(nullptr);
    m_link.setHost(nullptr);
    m_batch->setHost(nullptr);
    if (m_recorder)
        m_recorder->setLink(nullptr);
    if (bundlePath.isEmpty())
        return;
    if (!m_recorder) {
        // Without a journal no request may leave (issue 5: pending before
        // the first host message), so the host link is not set up.
        m_link.setConfigError(tr("the journal cannot be opened; no online sales"));
        return;
    }
    auto bundle = link::TerminalBundle::load(bundlePath);
    if (!bundle) {
        // No sale goes to the stub while a bundle is configured: the kernel
        // hears "unable to go online" through the unlinked stub's default.
        qCWarning(lcTerminal, "terminal bundle %s: %s", qPrintable(bundlePath),
                  bundle.error().describe().c_str());
        m_link.setConfigError(
            tr("terminal bundle: %1").arg(QString::fromStdString(bundle.error().describe())));
        return;
    }
    m_hostLink = std::make_shared<HostLinkAuthorizer>(std::move(*bundle));
    if (m_recorder) {
        m_recorder->setLink(m_hostLink);
        m_hostLink->setObserver(m_recorder.get());
    }
    m_hostSelector.select(m_hostLink);
    m_link.setHost(m_hostLink.get());
    m_batch->setHost(m_hostLink.get());
    // An echo at once, so the status bar shows the link before the first sale.
    m_link.echoTest();
    // Start-up (or a new bundle): what an earlier run left unresolved.
    startRecovery();
}

bool Terminal::reprint(int row)
{
    ReceiptData base;
    base.header = m_settings.receiptHeader();
    base.merchantId = m_checkout->merchant();
    base.terminalId = m_hostLink ? m_hostLink->terminalId() : m_settings.terminalId();
    return m_journalModel->reprint(row, m_journalReceipt, base);
}

void Terminal::startRecovery()
{
    if (!m_hostLink || !m_journal)
        return;
    if (m_recovery) {
        m_recoverAgain = true;
        return;
    }
    m_recoverAgain = false;
    std::shared_ptr<HostLinkAuthorizer> host = m_hostLink;
    journal::Journal* journal = m_journal.get();
    SaleRecorder* recorder = m_recorder.get();
    m_recovery = QThread::create([this, host, journal, recorder] {
        auto summary =
            host->recover(*journal, [recorder](std::int64_t id) { return recorder->isActive(id); });
        int resolved = 0;
        int failed = 0;
        if (summary) {
            resolved = summary->resolved;
            failed = summary->failed;
        } else {
            failed = 1;
            emit host->logged(QStringLiteral("Recovery: journal: ") +
                              QString::fromStdString(summary.error().describe()));
        }
        QMetaObject::invokeMethod(
            this,
            [this, resolved, failed] {
                m_recovery->wait();
                delete m_recovery;
                m_recovery = nullptr;
                emit recoveryFinished(resolved, failed);
                if (m_recoverAgain)
                    startRecovery();
            },
            Qt::QueuedConnection);
    });
    m_recovery->setObjectName(QStringLiteral("journal-recovery"));
    m_recovery->start();
}

} // namespace cardlink::terminal
