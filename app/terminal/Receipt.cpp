#include "Receipt.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QStandardPaths>

namespace cardlink::terminal {

Receipt::Receipt(QObject* parent)
    : QAbstractListModel(parent),
      m_exportDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
{}

void Receipt::setExportDirectory(const QString& directory)
{
    if (directory == m_exportDirectory)
        return;
    m_exportDirectory = directory;
    emit exportDirectoryChanged();
}

QString Receipt::exportText() const
{
    const QString path =
        QDir(m_exportDirectory).filePath(QStringLiteral("receipt-%1.txt").arg(m_data.stan));
    const QString error = saveText(path);
    return error.isEmpty() ? tr("Saved %1").arg(QDir::toNativeSeparators(path)) : error;
}

QString Receipt::exportPdf() const
{
    const QString path =
        QDir(m_exportDirectory).filePath(QStringLiteral("receipt-%1.pdf").arg(m_data.stan));
    const QString error = savePdf(path);
    return error.isEmpty() ? tr("Saved %1").arg(QDir::toNativeSeparators(path)) : error;
}

int Receipt::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_lines.size());
}

QVariant Receipt::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Line& line = m_lines[static_cast<std::size_t>(index.row())];
    switch (role) {
    case LabelRole:
        return labelOf(line);
    case Qt::DisplayRole:
    case ValueRole:
        return line.value.isEmpty() ? QStringLiteral("-") : line.value;
    default:
        return {};
    }
}

QHash<int, QByteArray> Receipt::roleNames() const
{
    return {{LabelRole, "label"}, {ValueRole, "value"}};
}

void Receipt::setData(const ReceiptData& data)
{
    beginResetModel();
    m_data = data;
    m_lines = {
        {Field::DateTime, QLocale::c().toString(data.dateTime, QStringLiteral("yyyy-MM-dd HH:mm"))},
        {Field::Merchant, data.merchantId},
        {Field::Terminal, data.terminalId},
    };
    for (const ReceiptItem& item : m_data.items)
        m_lines.push_back({Field::Item, item.total, &item});
    const std::vector<Line> rest = {
        {Field::Amount, data.amount},     {Field::Result, data.result},
        {Field::Pan, data.maskedPan},     {Field::Label, data.label},
        {Field::Aid, data.aid},           {Field::Tvr, data.tvr},
        {Field::Tsi, data.tsi},           {Field::Cryptogram, data.cryptogramType},
        {Field::AuthCode, data.authCode}, {Field::Stan, data.stan},
        {Field::Rrn, data.rrn},
    };
    m_lines.insert(m_lines.end(), rest.begin(), rest.end());
    m_available = true;
    endResetModel();
    emit availableChanged();
}

void Receipt::clear()
{
    beginResetModel();
    m_lines.clear();
    m_data = {};
    m_available = false;
    endResetModel();
    emit availableChanged();
}

void Receipt::retranslate()
{
    if (!m_lines.empty())
        emit dataChanged(index(0), index(rowCount() - 1), {LabelRole});
}

QString Receipt::plainText(Copy copy) const
{
    QString text;
    if (!m_data.header.isEmpty())
        text += m_data.header + QLatin1Char('\n');
    text +=
        (copy == Copy::Merchant ? tr("MERCHANT COPY") : tr("CUSTOMER COPY")) + QLatin1Char('\n');
    for (int row = 0; row < rowCount(); ++row) {
        const QModelIndex i = index(row);
        text += data(i, LabelRole).toString() + QStringLiteral(": ") +
                data(i, ValueRole).toString() + QLatin1Char('\n');
    }
    return text;
}

QString Receipt::saveText(const QString& path) const
{
    if (!m_available)
        return tr("There is no receipt to save.");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        return tr("Cannot write %1: %2").arg(path, file.errorString());
    const QString text = plainText(Copy::Merchant) + QLatin1Char('\n') + plainText(Copy::Customer);
    file.write(text.toUtf8());
    return file.flush() ? QString() : tr("Cannot write %1: %2").arg(path, file.errorString());
}

QString Receipt::savePdf(const QString& path) const
{
    if (!m_available)
        return tr("There is no receipt to save.");
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A5));
    writer.setResolution(150);
    writer.setTitle(tr("Receipt"));
    QPainter painter;
    if (!painter.begin(&writer))
        return tr("Cannot write %1").arg(path);
    QFont font(QStringLiteral("DejaVu Sans Mono"));
    font.setPointSize(9);
    painter.setFont(font);
    const int lineHeight = painter.fontMetrics().height();
    for (const Copy copy : {Copy::Merchant, Copy::Customer}) {
        if (copy == Copy::Customer)
            writer.newPage();
        int y = lineHeight;
        for (const QString& line : plainText(copy).split(QLatin1Char('\n'))) {
            painter.drawText(0, y, line);
            y += lineHeight;
        }
    }
    return painter.end() ? QString() : tr("Cannot write %1").arg(path);
}

QString Receipt::labelOf(const Line& line) const
{
    if (line.field == Field::Item && line.item)
        return tr("%1 × %2 @ %3")
            .arg(line.item->quantity)
            .arg(line.item->description, line.item->unitPrice);
    return fieldLabel(line.field);
}

QString Receipt::fieldLabel(Field field)
{
    switch (field) {
    case Field::DateTime:
        return tr("Date");
    case Field::Merchant:
        return tr("Merchant");
    case Field::Terminal:
        return tr("Terminal");
    case Field::Item:
        return tr("Item");
    case Field::Amount:
        return tr("Amount");
    case Field::Result:
        return tr("Result");
    case Field::Pan:
        return tr("Card");
    case Field::Label:
        return tr("Application");
    case Field::Aid:
        return tr("AID");
    case Field::Tvr:
        return tr("TVR");
    case Field::Tsi:
        return tr("TSI");
    case Field::Cryptogram:
        return tr("Cryptogram");
    case Field::AuthCode:
        return tr("Auth code");
    case Field::Stan:
        return tr("STAN");
    case Field::Rrn:
        return tr("RRN");
    }
    return {};
}

} // namespace cardlink::terminal
