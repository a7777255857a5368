#include "IntegrationEnvironment.h"

#include "PcscContext.h"
#include "ReaderSnapshot.h"

#include <QDir>

namespace cardlink::integration {

QString cardsimPath()
{
    return QStringLiteral(CARDLINK_CARDSIM_PATH);
}

QString cliPath()
{
    return QStringLiteral(CARDLINK_CLI_PATH);
}

QString profilePath(const QString& fileName)
{
    return QDir(QStringLiteral(CARDLINK_CARD_PROFILE_DIR)).filePath(fileName);
}

int vpcdPort()
{
    return qEnvironmentVariableIntValue("CARDLINK_VPCD_PORT");
}

QString vpcdReaderName(int slot)
{
    return QStringLiteral("Virtual PCD 00 %1").arg(slot, 2, 10, QLatin1Char('0'));
}

bool cardPresent(int slot)
{
    auto context = pcsc::PcscContext::establish();
    if (!context)
        return false;
    auto snapshot = pcsc::takeReaderSnapshot(*context);
    if (!snapshot)
        return false;
    const std::string name = vpcdReaderName(slot).toStdString();
    for (const auto& reader : *snapshot) {
        if (reader.name == name)
            return reader.cardPresent;
    }
    return false;
}

bool noCardPresent()
{
    auto context = pcsc::PcscContext::establish();
    if (!context)
        return false;
    auto snapshot = pcsc::takeReaderSnapshot(*context);
    if (!snapshot)
        return false;
    for (const auto& reader : *snapshot) {
        if (reader.cardPresent)
            return false;
    }
    return true;
}

} // namespace cardlink::integration
