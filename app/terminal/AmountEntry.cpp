#include "AmountEntry.h"

namespace cardlink::terminal {

AmountEntry::AmountEntry(QObject* parent) : QObject(parent) {}

QString AmountEntry::text() const
{
    return format(m_minorUnits, m_exponent);
}

void AmountEntry::setExponent(int exponent)
{
    exponent = qBound(0, exponent, 9);
    if (exponent == m_exponent)
        return;
    m_exponent = exponent;
    emit changed();
}

void AmountEntry::setCurrency(const QString& currency)
{
    if (currency == m_currency)
        return;
    m_currency = currency;
    emit changed();
}

void AmountEntry::appendDigit(int digit)
{
    if (m_digits >= kMaxDigits || (m_minorUnits == 0 && digit == 0))
        return;
    m_minorUnits = m_minorUnits * 10 + digit;
    ++m_digits;
}

void AmountEntry::fix(qint64 minorUnits)
{
    m_fixed = true;
    m_minorUnits = qBound(qint64{0}, minorUnits, qint64{999999999});
    m_digits = static_cast<int>(QString::number(m_minorUnits).size());
    emit changed();
}

void AmountEntry::unfix()
{
    if (!m_fixed)
        return;
    m_fixed = false;
    m_minorUnits = 0;
    m_digits = 0;
    emit changed();
}

void AmountEntry::press(const QString& key)
{
    if (m_fixed)
        return;
    const qint64 before = m_minorUnits;
    if (key == QLatin1String("back")) {
        m_minorUnits /= 10;
        m_digits = m_minorUnits == 0 ? 0 : m_digits - 1;
    } else if (key == QLatin1String("clear")) {
        m_minorUnits = 0;
        m_digits = 0;
    } else if (key == QLatin1String("00")) {
        appendDigit(0);
        appendDigit(0);
    } else if (key.size() == 1 && key.at(0).isDigit()) {
        appendDigit(key.at(0).digitValue());
    }
    if (before != m_minorUnits)
        emit changed();
}

bool AmountEntry::handleKey(int key)
{
    if (key >= Qt::Key_0 && key <= Qt::Key_9) {
        press(QString::number(key - Qt::Key_0));
        return true;
    }
    switch (key) {
    case Qt::Key_Backspace:
        press(QStringLiteral("back"));
        return true;
    case Qt::Key_Delete:
    case Qt::Key_Escape:
        press(QStringLiteral("clear"));
        return true;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (isValid())
            emit submitRequested();
        return true;
    default:
        return false;
    }
}

void AmountEntry::clear()
{
    press(QStringLiteral("clear"));
}

QString AmountEntry::format(qint64 minorUnits, int exponent)
{
    QString digits = QString::number(minorUnits);
    if (exponent <= 0)
        return digits;
    if (digits.size() <= exponent)
        digits = QString(exponent + 1 - digits.size(), QLatin1Char('0')) + digits;
    return digits.left(digits.size() - exponent) + QLatin1Char('.') + digits.right(exponent);
}

} // namespace cardlink::terminal
