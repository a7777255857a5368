#include "payment/TerminalSetup.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace cardlink::cli {

namespace {
const QString kBuiltIn = QStringLiteral(":/terminal/terminal-demo.json");
} // namespace

Result<TerminalSetup> TerminalSetup::load(const QString& path)
{
    TerminalSetup setup;
    setup.configPath = path;
    QFile file(path.isEmpty() ? kBuiltIn : path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::NotFound, "terminal config: cannot read " +
                                                  file.fileName().toStdString() + ": " +
                                                  file.errorString().toStdString());
    const QByteArray text = file.readAll();
    auto config = emv::TerminalConfig::fromJson(std::string_view(text.constData(), text.size()));
    if (!config)
        return makeError(config.error().code, (path.isEmpty() ? kBuiltIn : path).toStdString() +
                                                  ": " + config.error().message);
    setup.config = std::move(*config);
    return setup;
}

Result<emv::CaPublicKeyStore> TerminalSetup::loadCaKeys(const QString& caKeysOption) const
{
    QString path = caKeysOption;
    if (path.isEmpty() && !config.caKeyFile.empty()) {
        const QString named = QString::fromStdString(config.caKeyFile);
        const QDir base = configPath.isEmpty() ? QDir::current() : QFileInfo(configPath).dir();
        path = QDir::isAbsolutePath(named) ? named : base.filePath(named);
    }
    if (path.isEmpty())
        return makeError(ErrorCode::NotFound,
                         "no CA public key file: give --ca-keys FILE (docs/ca-keys.md)");
    if (!QFileInfo::exists(path))
        return makeError(ErrorCode::NotFound, "CA public key file " + path.toStdString() +
                                                  " does not exist (give --ca-keys FILE)");
    auto keys = emv::CaPublicKeyStore::load(path.toStdString());
    if (!keys)
        return makeError(keys.error().code, path.toStdString() + ": " + keys.error().message);
    return keys;
}

} // namespace cardlink::cli
