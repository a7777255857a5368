#pragma once

#include "emv/TerminalConfig.h"

#include <QProcess>
#include <QString>
#include <QStringList>

namespace cardlink::e2e {

// One program run: exit code and what it printed.
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
    QString summary() const;
};

// Runs `program` with `input` on stdin (then closed), bounded in time.
Run runProgram(const QString& program, const QStringList& arguments, const QByteArray& input = {},
               int timeoutMs = 60000);

// Where tests put their logs and outputs: $CARDLINK_TEST_OUTPUT_DIR/<test>
// when set, else `fallback`.
QString outputDir(const QString& testName, const QString& fallback);

// The kernel configuration of the e2e terminals: the test AID, online PIN
// capable, every transaction online (EMV 4.4 Book 3, 10.6.1: floor limit 0).
emv::TerminalConfig onlineTerminalConfig();

// A free TCP port on 127.0.0.1 right now.
quint16 freeLoopbackPort();

// A cardlink-host instance for one test program: `init` in `dir` with a free
// TLS port, merchant MERCHANT0000001 (currency 826, the demo terminal's),
// terminal TERM0001 with its bundle in dir/bundle/, then `serve` (stderr to
// `logFile`) until stop(), which sends SIGTERM to its PID.
class E2eHost
{
public:
    explicit E2eHost(QString dir) : m_dir(std::move(dir)) {}
    ~E2eHost() { stop(); }

    // Empty on success, else what failed.
    QString setUp();
    QString start(const QString& logFile);
    void stop();

    Run admin(const QStringList& arguments, const QByteArray& input = {}) const;
    QString dir() const { return m_dir; }
    QString bundleDir() const { return m_dir + QStringLiteral("/bundle"); }
    QString cardsDir() const { return m_dir + QStringLiteral("/cards"); }
    QString database() const { return m_dir + QStringLiteral("/host.db"); }
    quint16 port() const { return m_port; }

    // The first column of the first row `sql` gives on a read-only
    // connection to host.db; -1 when the query fails or returns no row.
    qint64 queryNumber(const QString& sql) const;
    // SUM(amount) of the ledger entries of `account`, or of all when empty.
    qint64 ledgerSum(const QString& account = {}) const;

private:
    QString m_dir;
    quint16 m_port = 0;
    QProcess m_serve;
};

} // namespace cardlink::e2e
