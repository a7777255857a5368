#include "LineItems.h"

#include "AmountEntry.h"
#include "util/AmountText.h"

namespace cardlink::terminal {

LineItems::LineItems(QObject* parent) : QAbstractListModel(parent) {}

int LineItems::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant LineItems::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Item& item = m_items[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return itemLine(item);
    case DescriptionRole:
        return item.description;
    case QuantityRole:
        return item.quantity;
    case UnitPriceRole:
        return item.unitPrice;
    case UnitPriceTextRole:
        return AmountEntry::format(item.unitPrice, m_exponent);
    case LineTotalRole:
        return item.lineTotal();
    case LineTotalTextRole:
        return AmountEntry::format(item.lineTotal(), m_exponent);
    default:
        return {};
    }
}

QHash<int, QByteArray> LineItems::roleNames() const
{
    return {{DescriptionRole, "description"}, {QuantityRole, "quantity"},
            {UnitPriceRole, "unitPrice"},     {UnitPriceTextRole, "unitPriceText"},
            {LineTotalRole, "lineTotal"},     {LineTotalTextRole, "lineTotalText"}};
}

qint64 LineItems::total() const
{
    qint64 sum = 0;
    for (const Item& item : m_items)
        sum += item.lineTotal(); // addItem() keeps the sum within kMaxTotal
    return sum;
}

QString LineItems::totalText() const
{
    return AmountEntry::format(total(), m_exponent) + QLatin1Char(' ') + m_currency;
}

QString LineItems::itemLine(const Item& item) const
{
    return tr("%1 × %2 @ %3 = %4")
        .arg(item.quantity)
        .arg(item.description, AmountEntry::format(item.unitPrice, m_exponent),
             AmountEntry::format(item.lineTotal(), m_exponent));
}

QStringList LineItems::summary() const
{
    QStringList lines;
    for (const Item& item : m_items)
        lines << itemLine(item);
    return lines;
}

void LineItems::setExponent(int exponent)
{
    m_exponent = qBound(0, exponent, 9);
}

qint64 LineItems::parseAmount(const QString& text, int exponent)
{
    // Non-ASCII digits become bytes outside '0'..'9' and are refused.
    const auto units = AmountText::parse(text.trimmed().toStdString(), exponent);
    return units ? *units : -1;
}

bool LineItems::add(const QString& description, const QString& quantity, const QString& unitPrice)
{
    bool numeric = false;
    const QString q = quantity.trimmed();
    const qlonglong n = q.toLongLong(&numeric);
    if (!numeric || n < 1) {
        setError(tr("The quantity must be a whole number of at least 1."));
        return false;
    }
    if (n > kMaxQuantity) {
        setError(tr("The quantity can be at most %1.").arg(kMaxQuantity));
        return false;
    }
    const qint64 price = parseAmount(unitPrice, m_exponent);
    if (price < 0) {
        setError(m_exponent > 0 ? tr("Type the unit price as an amount such as %1.")
                                      .arg(AmountEntry::format(250, m_exponent))
                                : tr("Type the unit price as a whole number."));
        return false;
    }
    Item item;
    item.description = description;
    item.quantity = static_cast<int>(n);
    item.unitPrice = price;
    const QString refused = addItem(item);
    setError(refused);
    return refused.isEmpty();
}

QString LineItems::addItem(const Item& given)
{
    Item item = given;
    item.description = item.description.simplified();
    if (item.description.isEmpty())
        return tr("Type a description for the item.");
    if (item.description.size() > kMaxDescription)
        return tr("The description can be at most %1 characters.").arg(kMaxDescription);
    for (const QChar c : item.description)
        if (!c.isPrint())
            return tr("The description contains a character that cannot be printed.");
    if (item.quantity < 1)
        return tr("The quantity must be a whole number of at least 1.");
    if (item.quantity > kMaxQuantity)
        return tr("The quantity can be at most %1.").arg(kMaxQuantity);
    if (item.unitPrice <= 0)
        return tr("The unit price must be more than zero.");
    if (count() >= kMaxItems)
        return tr("A sale can have at most %1 items.").arg(kMaxItems);
    // Checked before multiplying: quantity <= 9999, so the product of a
    // price within kMaxTotal cannot overflow; a larger price is refused.
    const QString tooMuch = tr("The total would be more than %1, the most one sale can take.")
                                .arg(AmountEntry::format(kMaxTotal, m_exponent));
    if (item.unitPrice > kMaxTotal || item.lineTotal() > kMaxTotal - total())
        return tooMuch;
    const int row = count();
    beginInsertRows({}, row, row);
    m_items.push_back(item);
    endInsertRows();
    emit changed();
    return {};
}

void LineItems::remove(int row)
{
    if (row < 0 || row >= count())
        return;
    beginRemoveRows({}, row, row);
    m_items.erase(m_items.begin() + row);
    endRemoveRows();
    emit changed();
}

void LineItems::clear()
{
    clearError();
    if (m_items.empty())
        return;
    beginResetModel();
    m_items.clear();
    endResetModel();
    emit changed();
}

void LineItems::clearError()
{
    setError({});
}

void LineItems::setError(const QString& error)
{
    if (error == m_error)
        return;
    m_error = error;
    emit errorChanged();
}

void LineItems::retranslate()
{
    if (!m_items.empty())
        emit dataChanged(index(0), index(count() - 1), {Qt::DisplayRole});
    emit changed();
}

} // namespace cardlink::terminal
