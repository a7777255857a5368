#include "DemoProfile.h"

#include "IntegrationEnvironment.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace cardlink::integration {

namespace {

bool hexField(const QJsonValue& value, Bytes& out)
{
    if (!value.isString())
        return false;
    auto bytes = fromHex(value.toString().toStdString());
    if (!bytes)
        return false;
    out = std::move(bytes).value();
    return true;
}

void scanApplication(const QJsonArray& files, DemoProfile& profile)
{
    for (const auto& entry : files) {
        const QJsonObject file = entry.toObject();
        if (!file.contains(QStringLiteral("sfi")))
            continue;
        const int sfi = file.value(QStringLiteral("sfi")).toInt();
        const QString type = file.value(QStringLiteral("type")).toString();
        if (type == QLatin1String("transparent") && !profile.binary) {
            DemoProfile::TransparentEf ef{sfi, {}};
            if (hexField(file.value(QStringLiteral("content")), ef.content) && !ef.content.empty())
                profile.binary = ef;
        } else if (type == QLatin1String("records") && !profile.records) {
            DemoProfile::RecordEf ef{sfi, {}};
            for (const auto& record : file.value(QStringLiteral("records")).toArray()) {
                Bytes bytes;
                if (hexField(record, bytes))
                    ef.records.push_back(bytes);
            }
            if (!ef.records.empty())
                profile.records = ef;
        }
    }
}

bool findApplication(const QJsonArray& files, DemoProfile& profile)
{
    for (const auto& entry : files) {
        const QJsonObject file = entry.toObject();
        if (file.value(QStringLiteral("type")).toString() != QLatin1String("DF"))
            continue;
        if (hexField(file.value(QStringLiteral("name")), profile.aid) && !profile.aid.empty()) {
            scanApplication(file.value(QStringLiteral("files")).toArray(), profile);
            return true;
        }
        if (findApplication(file.value(QStringLiteral("files")).toArray(), profile))
            return true;
    }
    return false;
}

} // namespace

std::optional<DemoProfile> DemoProfile::load(const QString& fileName, QString* error)
{
    auto failed = [error](const QString& why) {
        if (error)
            *error = why;
        return std::nullopt;
    };
    QFile file(profilePath(fileName));
    if (!file.open(QIODevice::ReadOnly))
        return failed(file.fileName() + QStringLiteral(": ") + file.errorString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject())
        return failed(file.fileName() + QStringLiteral(": ") + parseError.errorString());
    const QJsonObject root = document.object();

    DemoProfile profile;
    if (!hexField(root.value(QStringLiteral("atr")), profile.atr))
        return failed(QStringLiteral("no atr"));
    const QString protocol = root.value(QStringLiteral("protocol")).toString();
    if (protocol != QLatin1String("T=0") && protocol != QLatin1String("T=1"))
        return failed(QStringLiteral("protocol is '%1'").arg(protocol));
    profile.protocol = protocol == QLatin1String("T=0") ? 0 : 1;
    findApplication(root.value(QStringLiteral("files")).toArray(), profile);

    if (root.contains(QStringLiteral("pin"))) {
        const QJsonObject pin = root.value(QStringLiteral("pin")).toObject();
        Bytes reference{0x80}; // the format's default: EMV's plaintext PIN
        if (pin.contains(QStringLiteral("reference")) &&
            (!hexField(pin.value(QStringLiteral("reference")), reference) || reference.size() != 1))
            return failed(QStringLiteral("pin.reference"));
        profile.hasPin = true;
        profile.pinReference = reference[0];
        profile.pinMaxTries = pin.value(QStringLiteral("maxTries")).toInt();
        profile.pinTriesLeft = pin.value(QStringLiteral("triesLeft")).toInt(profile.pinMaxTries);
    }
    return profile;
}

} // namespace cardlink::integration
