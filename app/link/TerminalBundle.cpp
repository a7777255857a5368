#include "TerminalBundle.h"

#include "util/Bytes.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace cardlink::link {

namespace {
Error bundleError(const QString& file, const std::string& what)
{
    return Error{ErrorCode::Malformed, "terminal bundle " + file.toStdString() + ": " + what};
}

void wipe(QByteArray& bytes)
{
    if (!bytes.isEmpty())
        secureWipe(bytes.data(), static_cast<std::size_t>(bytes.size()));
}
} // namespace

TerminalBundle::~TerminalBundle()
{
    wipe(clientKeyPem);
}

Result<TerminalBundle> TerminalBundle::load(const QString& path)
{
    QString file = path;
    if (QFileInfo(path).isDir()) {
        const QStringList found =
            QDir(path).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
        if (found.size() != 1)
            return makeError(ErrorCode::NotFound, "terminal bundle: " + path.toStdString() +
                                                      " must hold exactly one *.json bundle");
        file = QDir(path).filePath(found.constFirst());
    }
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, "terminal bundle " + file.toStdString() + ": " +
                                                  in.errorString().toStdString());
    QByteArray text = in.readAll();
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(text, &parseError);
    wipe(text);
    if (!document.isObject())
        return bundleError(file, "not a JSON object");
    QJsonObject json = document.object();
    if (json.value(QStringLiteral("version")).toInt() != 1)
        return bundleError(file, "version must be 1");

    TerminalBundle bundle;
    bundle.file = QFileInfo(file).absoluteFilePath();
    bundle.terminalId = json.value(QStringLiteral("terminalId")).toString();
    bundle.merchantId = json.value(QStringLiteral("merchantId")).toString();
    const QJsonObject host = json.value(QStringLiteral("host")).toObject();
    bundle.hostAddress = host.value(QStringLiteral("address")).toString();
    const int port = host.value(QStringLiteral("tlsPort")).toInt();
    bundle.serverName =
        host.value(QStringLiteral("serverName")).toString(QStringLiteral("cardlink-host"));
    bundle.macRequired = json.value(QStringLiteral("macRequired")).toBool();
    bundle.caCertificatePem = json.value(QStringLiteral("caCertificate")).toString().toLatin1();
    bundle.clientCertificatePem =
        json.value(QStringLiteral("clientCertificate")).toString().toLatin1();
    bundle.clientKeyPem = json.value(QStringLiteral("clientKey")).toString().toLatin1();
    const QJsonObject dukpt = json.value(QStringLiteral("dukpt")).toObject();
    std::string keyHex = dukpt.value(QStringLiteral("initialKey")).toString().toStdString();
    auto key = fromHex(keyHex);
    secureWipe(keyHex.data(), keyHex.size());
    bundle.initialKsnHex = dukpt.value(QStringLiteral("initialKsn")).toString();
    json = QJsonObject();
    document = QJsonDocument();

    if (bundle.terminalId.size() != 8 || bundle.merchantId.isEmpty())
        return bundleError(file, "terminalId (8 characters) and merchantId are required");
    if (bundle.hostAddress.isEmpty() || port <= 0 || port > 0xFFFF)
        return bundleError(file, "host.address and host.tlsPort are required");
    bundle.tlsPort = static_cast<quint16>(port);
    if (bundle.caCertificatePem.isEmpty() || bundle.clientCertificatePem.isEmpty() ||
        bundle.clientKeyPem.isEmpty())
        return bundleError(file, "caCertificate, clientCertificate and clientKey are required");
    if (!key || (key->size() != 16 && key->size() != 24 && key->size() != 32))
        return bundleError(file, "dukpt.initialKey must be an AES key in hex");
    bundle.initialKey = pin::SecretBytes(*key);
    secureWipe(*key);
    return bundle;
}

} // namespace cardlink::link
