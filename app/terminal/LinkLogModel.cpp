#include "LinkLogModel.h"

#include <QRegularExpression>

namespace cardlink::terminal {

int LinkLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant LinkLogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case TimeRole:
        return row.time.toString(QStringLiteral("HH:mm:ss.zzz"));
    case Qt::DisplayRole:
    case EventRole:
        return row.event;
    default:
        return {};
    }
}

QHash<int, QByteArray> LinkLogModel::roleNames() const
{
    return {{TimeRole, "time"}, {EventRole, "event"}};
}

void LinkLogModel::append(const QString& event)
{
    if (m_rows.size() >= kMaxRows) {
        beginRemoveRows({}, 0, 0);
        m_rows.pop_front();
        endRemoveRows();
    }
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_rows.push_back({QDateTime::currentDateTime(), masked(event)});
    endInsertRows();
    emit countChanged();
}

QString LinkLogModel::eventAt(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[static_cast<std::size_t>(row)].event : QString();
}

QString LinkLogModel::text() const
{
    QString out;
    for (const Row& row : m_rows)
        out += row.time.toString(QStringLiteral("HH:mm:ss.zzz")) + QLatin1Char(' ') + row.event +
               QLatin1Char('\n');
    return out;
}

QString LinkLogModel::masked(const QString& event)
{
    // PAN: 13..19 digits (ISO/IEC 7812-1); shown as first 6 and last 4.
    static const QRegularExpression pan(
        QStringLiteral("(?<![0-9])([0-9]{6})([0-9]{3,9})([0-9]{4})(?![0-9])"));
    QString out = event;
    QRegularExpressionMatchIterator it = pan.globalMatch(event);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        const QString replacement =
            m.captured(1) + QString(m.capturedLength(2), QLatin1Char('*')) + m.captured(3);
        out.replace(m.capturedStart(), m.capturedLength(), replacement);
    }
    return out;
}

} // namespace cardlink::terminal
