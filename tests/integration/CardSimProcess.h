#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace cardlink::integration {

// cardlink-cardsim as a child process: a simulated card in a vpcd reader
// slot. Start it, then remove and reinsert the card with SIGUSR1 / SIGUSR2
// and wait for its "cardsim: removed" / "cardsim: inserted" lines. Those
// lines mean the TCP side changed; pcscd notices on its next poll (~0.4 s),
// so tests wait for PC/SC events after them.
//
// The destructor stops the process (SIGTERM, then SIGKILL).
class CardSimProcess
{
public:
    // `slot` 0 or 1 of the test's vpcd reader pair.
    explicit CardSimProcess(const QString& profileFile, int slot = 0);
    ~CardSimProcess();
    CardSimProcess(const CardSimProcess&) = delete;
    CardSimProcess& operator=(const CardSimProcess&) = delete;

    // Extra command-line options: --delay-ms N, --remove-after MS, ...
    void addArguments(const QStringList& arguments) { m_extra << arguments; }

    // Starts and waits for "cardsim: inserted". False (with output() telling
    // why) if it did not come within the time.
    bool start(int timeoutMs = 5000);
    bool remove(int timeoutMs = 3000);
    bool reinsert(int timeoutMs = 3000);
    // Waits until `line` has appeared `occurrence` times in total.
    bool waitForLine(const QString& line, int occurrence, int timeoutMs);
    int count(const QString& line);
    void stop();

    qint64 pid() const { return m_process.processId(); }
    // Everything the process printed, for failure messages.
    QString output();

private:
    void drain();
    bool signal(int signalNumber, const QString& expectedLine, int timeoutMs);

    QString m_profile;
    int m_slot;
    QStringList m_extra;
    QProcess m_process;
    QString m_output;
};

} // namespace cardlink::integration
