#pragma once

#include "util/Bytes.h"

#include <QProcess>
#include <QSslSocket>
#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cardlink::test {

// A host directory made with cardlink-host's own admin commands (run
// in-process): init on free ports, merchant SHOP0001 (currency 826), the
// given terminals, and cards issued with --test-keys into DIR/cards.
class HostDirectory
{
public:
    static constexpr const char* kMerchant = "SHOP00000000001"; // field 42: 15 characters

    explicit HostDirectory(const std::vector<std::string>& terminals = {"TERM0001"});
    bool ok() const { return m_ok; }
    QString path() const { return m_dir.path(); }
    std::string dir() const { return m_dir.path().toStdString(); }
    // Runs `cardlink-host ARGS... --dir DIR`; exit code. `errors` gets what
    // it wrote to stderr (else it goes to the test's stderr).
    int admin(std::vector<std::string> arguments, std::string* output = nullptr,
              std::string* errors = nullptr);
    // Changes a top-level number in host.json (idleTimeoutSeconds...).
    void setConfig(const std::string& key, int value);
    QString bundle(const std::string& terminalId) const;
    // Turns the dial-in listener on, on a port that was free a moment ago.
    void enableDialIn();

private:
    QTemporaryDir m_dir;
    bool m_ok = false;
};

// The real cardlink-host serve process on a host directory.
class HostProcess
{
public:
    explicit HostProcess(const HostDirectory& directory);
    ~HostProcess();
    bool start();
    // SIGTERM and wait; the exit code (or -1 when it did not stop).
    int stop();
    quint16 tlsPort() const { return m_tlsPort; }
    quint16 dialInPort() const { return m_dialInPort; }
    QString log();
    // CPU time (user + system) the host process has used so far, in seconds.
    double cpuSeconds() const;
    // CPU time of the host's threads named `threadName` (e.g. "host-writer").
    double threadCpuSeconds(const QByteArray& threadName) const;

private:
    QString m_dir;
    QProcess m_process;
    quint16 m_tlsPort = 0;
    quint16 m_dialInPort = 0;
    QString m_log;
};

// A terminal's TLS link from its bundle (client certificate and key, CA).
class TlsTerminal
{
public:
    // bundle empty: no client certificate at all.
    explicit TlsTerminal(const QString& bundle);
    // TLS 1.3 with the bundle's client certificate, key and CA (none when empty).
    static void configure(QSslSocket& socket, const QString& bundle);
    bool connectTo(quint16 port, int timeoutMs = 5000);
    bool isConnected() const;
    void sendRaw(const QByteArray& bytes);
    // Framed request, framed answer (nullopt when the link closes or times out).
    std::optional<Bytes> exchange(const Bytes& request, int timeoutMs = 10000);
    // True when the host closes the link within the time.
    bool waitClosed(int timeoutMs);
    QSslSocket& socket() { return m_socket; }

private:
    QSslSocket m_socket;
    QByteArray m_buffer;
};

// An 0800 echo test (70 = 301) of `terminalId`.
Bytes echoRequest(const std::string& terminalId, unsigned stan);
// Field 39 of an encoded response ("" when it does not decode).
std::string responseCodeOf(const Bytes& response);

} // namespace cardlink::test
