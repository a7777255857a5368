#pragma once

#include <QAbstractListModel>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace cardlink::terminal {

// The optional line items of a checkout: description, quantity and unit
// price in minor units of the terminal currency. While there are items their
// total is the sale's amount (CheckoutController); without items the
// merchant types the amount as before. Every change is checked: an empty
// description, a quantity below 1, a unit price that is not a positive
// amount with at most `exponent` decimals, or a total beyond what one sale
// can take is refused with a message that says so.
class LineItems : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by the checkout controller")
    Q_PROPERTY(int count READ count NOTIFY changed)
    Q_PROPERTY(qint64 total READ total NOTIFY changed)
    Q_PROPERTY(QString totalText READ totalText NOTIFY changed)
    Q_PROPERTY(QStringList summary READ summary NOTIFY changed)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)

public:
    enum Roles {
        DescriptionRole = Qt::UserRole + 1,
        QuantityRole,
        UnitPriceRole, // minor units
        UnitPriceTextRole,
        LineTotalRole, // minor units
        LineTotalTextRole
    };
    Q_ENUM(Roles)

    struct Item
    {
        QString description;
        int quantity = 1;
        qint64 unitPrice = 0; // minor units
        qint64 lineTotal() const { return unitPrice * quantity; }
    };

    static constexpr int kMaxItems = 50;
    static constexpr int kMaxDescription = 40; // one receipt line
    static constexpr int kMaxQuantity = 9999;
    // The most one sale can take: what the amount keypad allows (9 digits).
    static constexpr qint64 kMaxTotal = 999999999;

    explicit LineItems(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int count() const { return static_cast<int>(m_items.size()); }
    qint64 total() const;
    QString totalText() const;
    // "2 × Coffee @ 2.50 = 5.00", one per item.
    QStringList summary() const;
    QString error() const { return m_error; }
    const std::vector<Item>& items() const { return m_items; }

    void setExponent(int exponent);
    void setCurrency(const QString& currency) { m_currency = currency; }

    // From the form: `quantity` and `unitPrice` as typed ("3", "2.50" or
    // "2,50"). True when added; else error() says why and nothing changes.
    Q_INVOKABLE bool add(const QString& description, const QString& quantity,
                         const QString& unitPrice);
    // The checked form of add(): an empty string, or why `item` is refused.
    QString addItem(const Item& item);
    Q_INVOKABLE void remove(int row);
    Q_INVOKABLE void clear();
    Q_INVOKABLE void clearError();
    void retranslate();

    // "2.50" in minor units (exponent 2: 250); -1 when not an amount with at
    // most `exponent` decimals.
    static qint64 parseAmount(const QString& text, int exponent);

signals:
    void changed();
    void errorChanged();

private:
    void setError(const QString& error);
    QString itemLine(const Item& item) const;

    std::vector<Item> m_items;
    int m_exponent = 2;
    QString m_currency;
    QString m_error;
};

} // namespace cardlink::terminal
