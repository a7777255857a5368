#include "HostTestEnvironment.h"

#include "HostCli.h"
#include "iso8583/CardLinkProfile.h"
#include "iso8583/MessageCodec.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTcpServer>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <unistd.h>

namespace cardlink::test {

HostDirectory::HostDirectory(const std::vector<std::string>& terminals)
{
    m_ok =
        m_dir.isValid() &&
        admin({"init", "--tls-port", "0", "--dial-in-port", "0", "--public-host", "127.0.0.1"}) ==
            0 &&
        admin({"add-merchant", "--id", kMerchant, "--name", "Test shop", "--currency", "826"}) == 0;
    for (const auto& terminal : terminals)
        m_ok = m_ok && admin({"add-terminal", "--id", terminal, "--merchant", kMerchant}) == 0;
}

namespace {
std::string drain(std::FILE* file)
{
    std::rewind(file);
    char buffer[4096];
    std::string text;
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, file))
        text.append(buffer, n);
    std::fclose(file);
    return text;
}
} // namespace

int HostDirectory::admin(std::vector<std::string> arguments, std::string* output,
                         std::string* errors)
{
    arguments.push_back("--dir");
    arguments.push_back(dir());
    std::FILE* out = std::tmpfile();
    std::FILE* err = errors ? std::tmpfile() : stderr;
    const int code = host::HostCli::run(arguments, out, err);
    const std::string text = drain(out);
    if (output)
        *output = text;
    if (errors)
        *errors = drain(err);
    return code;
}

void HostDirectory::setConfig(const std::string& key, int value)
{
    QFile file(m_dir.filePath("host.json"));
    file.open(QIODevice::ReadOnly);
    QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    json[QString::fromStdString(key)] = value;
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(QJsonDocument(json).toJson());
}

void HostDirectory::enableDialIn()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    const int port = probe.serverPort();
    probe.close();
    QFile file(m_dir.filePath("host.json"));
    file.open(QIODevice::ReadOnly);
    QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QJsonObject dialIn = json["dialIn"].toObject();
    dialIn["port"] = port;
    json["dialIn"] = dialIn;
    file.open(QIODevice::WriteOnly | QIODevice::Truncate);
    file.write(QJsonDocument(json).toJson());
}

QString HostDirectory::bundle(const std::string& terminalId) const
{
    return m_dir.filePath(QString::fromStdString("terminals/" + terminalId + ".json"));
}

HostProcess::HostProcess(const HostDirectory& directory) : m_dir(directory.path()) {}

HostProcess::~HostProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool HostProcess::start()
{
    const QString portFile = m_dir + "/ports";
    QFile::remove(portFile);
    m_process.setProgram(CARDLINK_HOST_BIN);
    m_process.setArguments({"serve", "--dir", m_dir, "--port-file", portFile});
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start();
    if (!m_process.waitForStarted(5000))
        return false;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000 && m_process.state() == QProcess::Running) {
        QFile file(portFile);
        if (file.open(QIODevice::ReadOnly)) {
            const QList<QByteArray> parts = file.readAll().trimmed().split(' ');
            if (parts.size() == 2) {
                m_tlsPort = static_cast<quint16>(parts[0].toUInt());
                m_dialInPort = static_cast<quint16>(parts[1].toUInt());
                return m_tlsPort != 0;
            }
        }
        QThread::msleep(20);
    }
    return false;
}

int HostProcess::stop()
{
    m_process.terminate(); // SIGTERM
    if (!m_process.waitForFinished(15000))
        return -1;
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

namespace {
// utime + stime of a /proc/.../stat file, in seconds; `name` gets the
// command name (the text in parentheses).
double statCpuSeconds(const QString& path, QByteArray* name = nullptr)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = file.readAll();
    const auto open = text.indexOf('(');
    const auto close = text.lastIndexOf(')');
    if (open < 0 || close < open)
        return 0;
    if (name)
        *name = text.mid(open + 1, close - open - 1);
    // proc(5): fields 14 and 15 (utime, stime) after the ")" that ends the name.
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    return (fields[11].toDouble() + fields[12].toDouble()) / ticks;
}
} // namespace

double HostProcess::cpuSeconds() const
{
    return statCpuSeconds(QString("/proc/%1/stat").arg(m_process.processId()));
}

double HostProcess::threadCpuSeconds(const QByteArray& threadName) const
{
    const QString tasks = QString("/proc/%1/task").arg(m_process.processId());
    double seconds = 0;
    for (const QString& task : QDir(tasks).entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QByteArray name;
        const double cpu = statCpuSeconds(tasks + "/" + task + "/stat", &name);
        if (name == threadName)
            seconds += cpu;
    }
    return seconds;
}

QString HostProcess::log()
{
    // QProcess reads the pipe only when asked (no event loop in the tests).
    while (m_process.state() == QProcess::Running && m_process.waitForReadyRead(200))
        m_log += QString::fromUtf8(m_process.readAllStandardError());
    m_log += QString::fromUtf8(m_process.readAllStandardError());
    return m_log;
}

TlsTerminal::TlsTerminal(const QString& bundle)
{
    configure(m_socket, bundle);
}

void TlsTerminal::configure(QSslSocket& socket, const QString& bundle)
{
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_3OrLater);
    QFile file(bundle);
    if (!bundle.isEmpty() && file.open(QIODevice::ReadOnly)) {
        const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
        tls.setCaCertificates(QSslCertificate::fromData(json["caCertificate"].toString().toUtf8()));
        tls.setLocalCertificate(QSslCertificate(json["clientCertificate"].toString().toUtf8()));
        tls.setPrivateKey(QSslKey(json["clientKey"].toString().toUtf8(), QSsl::Ec));
    }
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // the tests check the host's side
    socket.setSslConfiguration(tls);
}

bool TlsTerminal::connectTo(quint16 port, int timeoutMs)
{
    m_socket.connectToHostEncrypted("127.0.0.1", port);
    return m_socket.waitForEncrypted(timeoutMs);
}

bool TlsTerminal::isConnected() const
{
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

void TlsTerminal::sendRaw(const QByteArray& bytes)
{
    m_socket.write(bytes);
    m_socket.flush();
}

std::optional<Bytes> TlsTerminal::exchange(const Bytes& request, int timeoutMs)
{
    QByteArray framed;
    framed.append(static_cast<char>(request.size() >> 8));
    framed.append(static_cast<char>(request.size() & 0xFF));
    framed.append(reinterpret_cast<const char*>(request.data()),
                  static_cast<qsizetype>(request.size()));
    sendRaw(framed);
    QElapsedTimer timer;
    timer.start();
    for (;;) {
        if (m_buffer.size() >= 2) {
            const int length =
                (static_cast<quint8>(m_buffer[0]) << 8) | static_cast<quint8>(m_buffer[1]);
            if (m_buffer.size() >= 2 + length) {
                Bytes response(m_buffer.begin() + 2, m_buffer.begin() + 2 + length);
                m_buffer.remove(0, 2 + length);
                return response;
            }
        }
        const int left = timeoutMs - static_cast<int>(timer.elapsed());
        if (left <= 0 || !m_socket.waitForReadyRead(left))
            return std::nullopt;
        m_buffer.append(m_socket.readAll());
    }
}

bool TlsTerminal::waitClosed(int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (m_socket.state() == QAbstractSocket::UnconnectedState)
            return true;
        m_socket.waitForReadyRead(50);
        m_socket.readAll();
    }
    return m_socket.state() == QAbstractSocket::UnconnectedState;
}

Bytes echoRequest(const std::string& terminalId, unsigned stan)
{
    namespace f = iso8583::field;
    iso8583::Message message("0800");
    char stanText[8];
    std::snprintf(stanText, sizeof stanText, "%06u", stan % 1000000);
    message.set(f::kTransmissionDateTime, "1202010000");
    message.set(f::kStan, stanText);
    message.set(f::kTerminalId, terminalId);
    message.set(f::kNetworkManagementCode, "301");
    auto bytes = iso8583::MessageCodec(iso8583::cardLinkProfile()).encode(message);
    return bytes ? *bytes : Bytes{};
}

std::string responseCodeOf(const Bytes& response)
{
    auto message = iso8583::MessageCodec(iso8583::cardLinkProfile()).decode(response);
    const std::string* code = message ? message->text(iso8583::field::kResponseCode) : nullptr;
    return code ? *code : std::string();
}

} // namespace cardlink::test
