#include "CardSimProcess.h"

#include "IntegrationEnvironment.h"

#include <QDeadlineTimer>

#include <signal.h>

namespace cardlink::integration {

namespace {
const QString kInserted = QStringLiteral("cardsim: inserted");
const QString kRemoved = QStringLiteral("cardsim: removed");
} // namespace

CardSimProcess::CardSimProcess(const QString& profileFile, int slot)
    : m_profile(profilePath(profileFile)), m_slot(slot)
{
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

CardSimProcess::~CardSimProcess()
{
    stop();
}

bool CardSimProcess::start(int timeoutMs)
{
    QStringList arguments{QStringLiteral("--profile"), m_profile,
                          QStringLiteral("--host"),    QStringLiteral("127.0.0.1"),
                          QStringLiteral("--port"),    QString::number(vpcdPort() + m_slot)};
    arguments << m_extra;
    m_process.start(cardsimPath(), arguments);
    if (!m_process.waitForStarted(timeoutMs)) {
        m_output +=
            QStringLiteral("[could not start %1: %2]").arg(cardsimPath(), m_process.errorString());
        return false;
    }
    return waitForLine(kInserted, 1, timeoutMs);
}

bool CardSimProcess::remove(int timeoutMs)
{
    return signal(SIGUSR1, kRemoved, timeoutMs);
}

bool CardSimProcess::reinsert(int timeoutMs)
{
    return signal(SIGUSR2, kInserted, timeoutMs);
}

bool CardSimProcess::signal(int signalNumber, const QString& expectedLine, int timeoutMs)
{
    const int before = count(expectedLine);
    if (m_process.state() != QProcess::Running || m_process.processId() <= 0)
        return false;
    ::kill(static_cast<pid_t>(m_process.processId()), signalNumber);
    return waitForLine(expectedLine, before + 1, timeoutMs);
}

bool CardSimProcess::waitForLine(const QString& line, int occurrence, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (count(line) < occurrence) {
        if (deadline.hasExpired() || m_process.state() != QProcess::Running)
            return count(line) >= occurrence;
        m_process.waitForReadyRead(static_cast<int>(qMin<qint64>(deadline.remainingTime(), 50)));
    }
    return true;
}

int CardSimProcess::count(const QString& line)
{
    drain();
    int n = 0;
    for (const auto& l : m_output.split(QLatin1Char('\n'))) {
        if (l.trimmed() == line)
            ++n;
    }
    return n;
}

void CardSimProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(2000)) {
        m_process.kill();
        m_process.waitForFinished(1000);
    }
    drain();
}

QString CardSimProcess::output()
{
    drain();
    return m_output;
}

void CardSimProcess::drain()
{
    m_output += QString::fromLocal8Bit(m_process.readAll());
}

} // namespace cardlink::integration
