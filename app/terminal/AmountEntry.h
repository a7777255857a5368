#pragma once

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>

namespace cardlink::terminal {

// The amount typed on the checkout keypad, kept in minor units of the
// terminal currency (digits shift in from the right, as on a card terminal:
// 1, 2, 3, 4 reads 12.34 with two minor digits). While the sale has line
// items the amount is their total, fixed: the keypad leaves it alone.
class AmountEntry : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString text READ text NOTIFY changed)
    Q_PROPERTY(qint64 minorUnits READ minorUnits NOTIFY changed)
    Q_PROPERTY(bool valid READ isValid NOTIFY changed)
    Q_PROPERTY(int exponent READ exponent WRITE setExponent NOTIFY changed)
    Q_PROPERTY(QString currency READ currency WRITE setCurrency NOTIFY changed)
    Q_PROPERTY(bool fixed READ isFixed NOTIFY changed)

public:
    static constexpr int kMaxDigits = 9;

    explicit AmountEntry(QObject* parent = nullptr);

    QString text() const;
    qint64 minorUnits() const { return m_minorUnits; }
    bool isValid() const { return m_minorUnits > 0; }
    int exponent() const { return m_exponent; }
    void setExponent(int exponent);
    QString currency() const { return m_currency; }
    void setCurrency(const QString& currency);
    bool isFixed() const { return m_fixed; }
    // The line items' total (0 <= minorUnits <= 10^kMaxDigits - 1) replaces
    // what was typed; unfix() goes back to an empty typed amount.
    void fix(qint64 minorUnits);
    void unfix();

    // Keys of the on-screen keypad: "0".."9", "00", "back", "clear".
    Q_INVOKABLE void press(const QString& key);
    // A physical key (Qt::Key); true when it was used.
    Q_INVOKABLE bool handleKey(int key);
    Q_INVOKABLE void clear();

    // "12.34" for 1234 with exponent 2.
    static QString format(qint64 minorUnits, int exponent);

signals:
    void changed();
    void submitRequested();

private:
    void appendDigit(int digit);

    qint64 m_minorUnits = 0;
    int m_digits = 0;
    int m_exponent = 2;
    QString m_currency;
    bool m_fixed = false;
};

} // namespace cardlink::terminal
