#include "E2eHost.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QThread>

#include <csignal>

namespace cardlink::e2e {

QString Run::summary() const
{
    return QStringLiteral("exit %1\n--- stdout\n%2--- stderr\n%3").arg(exitCode).arg(out, err);
}

Run runProgram(const QString& program, const QStringList& arguments, const QByteArray& input,
               int timeoutMs)
{
    QProcess process;
    process.start(program, arguments);
    process.write(input);
    process.closeWriteChannel();
    Run run;
    if (!process.waitForStarted(10000)) {
        run.err = QStringLiteral("[cannot start %1: %2]").arg(program, process.errorString());
        return run;
    }
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = QStringLiteral("[timed out]");
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromLocal8Bit(process.readAllStandardOutput());
    run.err = QString::fromLocal8Bit(process.readAllStandardError());
    return run;
}

QString outputDir(const QString& testName, const QString& fallback)
{
    const QString base = qEnvironmentVariable("CARDLINK_TEST_OUTPUT_DIR");
    if (base.isEmpty())
        return fallback;
    const QString dir = QDir(base).filePath(testName);
    QDir().mkpath(dir);
    return dir;
}

quint16 freeLoopbackPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost, 0))
        return 0;
    return server.serverPort();
}

Run E2eHost::admin(const QStringList& arguments, const QByteArray& input) const
{
    QStringList all{arguments.constFirst(), QStringLiteral("--dir"), m_dir};
    all += arguments.mid(1);
    return runProgram(QStringLiteral(CARDLINK_HOST_PATH), all, input);
}

emv::TerminalConfig onlineTerminalConfig()
{
    emv::TerminalConfig config;
    config.aids.push_back({*fromHex("A0000009991010"), true});
    config.capabilities = *fromHex("E0F8C8");
    config.floorLimit = 0;
    config.tac.online = *fromHex("0000008000");
    return config;
}

QString E2eHost::setUp()
{
    m_port = freeLoopbackPort();
    if (m_port == 0)
        return QStringLiteral("no free port");
    const QList<QStringList> steps{
        {"init", "--tls-port", QString::number(m_port), "--dial-in-port", "0"},
        {"add-merchant", "--id", "MERCHANT0000001", "--name", "E2E shop", "--currency", "826"},
        {"add-terminal", "--id", "TERM0001", "--merchant", "MERCHANT0000001", "--out",
         bundleDir() + QStringLiteral("/TERM0001.json")},
    };
    QDir().mkpath(bundleDir());
    for (const auto& step : steps) {
        const Run run = admin(step);
        if (run.exitCode != 0)
            return step.constFirst() + QStringLiteral(": ") + run.summary();
    }
    return {};
}

QString E2eHost::start(const QString& logFile)
{
    m_serve.setStandardErrorFile(logFile, QIODevice::Append);
    m_serve.setStandardOutputFile(logFile, QIODevice::Append);
    // serve writes the port file once it listens.
    const QString portFile = m_dir + QStringLiteral("/serve.ports");
    QFile::remove(portFile);
    m_serve.start(QStringLiteral(CARDLINK_HOST_PATH),
                  {"serve", "--dir", m_dir, "--port-file", portFile});
    if (!m_serve.waitForStarted(5000))
        return QStringLiteral("serve did not start");
    for (int i = 0; i < 200; ++i) {
        QFile ports(portFile);
        if (ports.open(QIODevice::ReadOnly)) {
            const QByteArray text = ports.readAll().trimmed();
            if (text.split(' ').value(0).toUShort() == m_port)
                return {};
            if (!text.isEmpty())
                return QStringLiteral("serve listens on %1, not %2")
                    .arg(QString::fromLatin1(text))
                    .arg(m_port);
        }
        if (m_serve.state() != QProcess::Running)
            return QStringLiteral("serve exited");
        QThread::msleep(25);
    }
    return QStringLiteral("serve does not listen on %1").arg(m_port);
}

void E2eHost::stop()
{
    if (m_serve.state() == QProcess::NotRunning)
        return;
    ::kill(static_cast<pid_t>(m_serve.processId()), SIGTERM);
    if (!m_serve.waitForFinished(10000)) {
        m_serve.kill();
        m_serve.waitForFinished();
    }
}

qint64 E2eHost::queryNumber(const QString& sql) const
{
    const QString connection = QStringLiteral("e2e-host-query");
    qint64 value = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        db.setDatabaseName(database());
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(sql) && query.next())
                value = query.value(0).toLongLong();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return value;
}

qint64 E2eHost::ledgerSum(const QString& account) const
{
    QString sql = QStringLiteral("SELECT COALESCE(SUM(amount), 0) FROM ledger_entries");
    if (!account.isEmpty())
        sql += QStringLiteral(" WHERE account_id = '%1'").arg(account);
    return queryNumber(sql);
}

} // namespace cardlink::e2e
