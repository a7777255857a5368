#include "ReaderListModel.h"

namespace cardlink::terminal {

ReaderListModel::ReaderListModel(QObject* parent) : QAbstractListModel(parent) {}

int ReaderListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant ReaderListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NameRole:
        return row.name;
    case CardPresentRole:
        return row.cardPresent;
    case AtrRole:
        return QString::fromLatin1(row.atr.toHex(' ').toUpper());
    default:
        return {};
    }
}

QHash<int, QByteArray> ReaderListModel::roleNames() const
{
    return {{NameRole, "name"}, {CardPresentRole, "cardPresent"}, {AtrRole, "atr"}};
}

void ReaderListModel::setReaders(const QStringList& readers)
{
    // Keep the card state of readers that stay.
    std::vector<Row> rows;
    for (const QString& name : readers) {
        const int old = rowOf(name);
        rows.push_back(old >= 0 ? m_rows[static_cast<std::size_t>(old)] : Row{name, false, {}});
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void ReaderListModel::setCard(const QString& reader, bool present, const QByteArray& atr)
{
    const int row = rowOf(reader);
    if (row < 0)
        return;
    Row& r = m_rows[static_cast<std::size_t>(row)];
    r.cardPresent = present;
    r.atr = present ? atr : QByteArray();
    emit dataChanged(index(row), index(row), {CardPresentRole, AtrRole});
}

QStringList ReaderListModel::names() const
{
    QStringList names;
    for (const Row& row : m_rows)
        names << row.name;
    return names;
}

bool ReaderListModel::hasCard(const QString& reader) const
{
    const int row = rowOf(reader);
    return row >= 0 && m_rows[static_cast<std::size_t>(row)].cardPresent;
}

QByteArray ReaderListModel::atr(const QString& reader) const
{
    const int row = rowOf(reader);
    return row >= 0 ? m_rows[static_cast<std::size_t>(row)].atr : QByteArray();
}

int ReaderListModel::rowOf(const QString& reader) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].name == reader)
            return static_cast<int>(i);
    return -1;
}

} // namespace cardlink::terminal
