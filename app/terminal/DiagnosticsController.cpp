#include "DiagnosticsController.h"

#include "ReaderStatus.h"
#include "iso7816/Atr.h"

#include <QFile>

namespace cardlink::terminal {

DiagnosticsController::DiagnosticsController(ReaderStatus& readers, QObject* parent)
    : QObject(parent), m_readers(readers)
{}

QString DiagnosticsController::decodeAtr(const QString& hex) const
{
    auto bytes = fromHex(hex.toStdString());
    if (!bytes)
        return tr("Not hexadecimal: %1").arg(QString::fromStdString(bytes.error().describe()));
    auto atr = iso7816::Atr::parse(*bytes);
    if (!atr)
        return tr("Malformed ATR: %1").arg(QString::fromStdString(atr.error().describe()));
    return QString::fromStdString(atr->describe());
}

QString DiagnosticsController::readerAtr(const QString& reader) const
{
    const QByteArray atr = m_readers.readers()->atr(reader);
    if (atr.isEmpty())
        return tr("No card in this reader.");
    return decodeAtr(QString::fromLatin1(atr.toHex()));
}

QString DiagnosticsController::exportTrace(const QString& path) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    file.write(m_trace.exportText().toUtf8());
    return QString();
}

} // namespace cardlink::terminal
