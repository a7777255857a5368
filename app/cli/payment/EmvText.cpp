#include "payment/EmvText.h"

#include "emv/cvm/CvmList.h"

#include <QRegularExpression>

namespace cardlink::cli {

namespace {
QString hexText(ByteView bytes)
{
    return QString::fromStdString(toHex(bytes));
}

// EMV 4.4 Book 3, Annex C3, table 39.
QString methodText(std::uint8_t code)
{
    switch (code) {
    case 0x00:
        return QStringLiteral("fail CVM processing");
    case 0x01:
        return QStringLiteral("offline plaintext PIN");
    case 0x02:
        return QStringLiteral("online enciphered PIN");
    case 0x03:
        return QStringLiteral("offline plaintext PIN and signature");
    case 0x04:
        return QStringLiteral("offline enciphered PIN");
    case 0x05:
        return QStringLiteral("offline enciphered PIN and signature");
    case 0x1E:
        return QStringLiteral("signature");
    case 0x1F:
        return QStringLiteral("no CVM required");
    default:
        return QStringLiteral("method %1 (not an EMV method)")
            .arg(code, 2, 16, QLatin1Char('0'))
            .toUpper();
    }
}

// Table 40.
QString conditionText(std::uint8_t condition)
{
    switch (condition) {
    case 0x00:
        return QStringLiteral("always");
    case 0x01:
        return QStringLiteral("if unattended cash");
    case 0x02:
        return QStringLiteral("if not unattended cash, not manual cash and not cashback");
    case 0x03:
        return QStringLiteral("if the terminal supports the CVM");
    case 0x04:
        return QStringLiteral("if manual cash");
    case 0x05:
        return QStringLiteral("if purchase with cashback");
    case 0x06:
        return QStringLiteral("if in the application currency and under X");
    case 0x07:
        return QStringLiteral("if in the application currency and over X");
    case 0x08:
        return QStringLiteral("if in the application currency and under Y");
    case 0x09:
        return QStringLiteral("if in the application currency and over Y");
    default:
        return QStringLiteral("condition %1 (not known to EMV)")
            .arg(condition, 2, 16, QLatin1Char('0'))
            .toUpper();
    }
}
} // namespace

QString expiryText(ByteView yymmdd)
{
    const QString hex = hexText(yymmdd);
    if (yymmdd.size() != 3 || hex.contains(QRegularExpression(QStringLiteral("[A-F]"))))
        return hex;
    // Book 3, Annex A: 5F24 is YYMMDD; EMV years 00-49 are 20xx, 50-99 19xx
    // (Book 3, 10.4.3 for date comparisons).
    const int yy = hex.left(2).toInt();
    const int year = yy < 50 ? 2000 + yy : 1900 + yy;
    return QStringLiteral("%1-%2-%3").arg(year).arg(hex.mid(2, 2), hex.mid(4, 2));
}

QStringList cvmListLines(ByteView value)
{
    auto list = emv::CvmList::parse(value);
    if (!list)
        return {QStringLiteral("malformed (%1): %2")
                    .arg(hexText(value), QString::fromStdString(list.error().message))};
    QStringList lines;
    lines << QStringLiteral("amount X %1, amount Y %2 (application currency, minor units)")
                 .arg(list->amountX)
                 .arg(list->amountY);
    int n = 1;
    for (const auto& rule : list->rules) {
        lines << QStringLiteral("%1. %2, %3; %4")
                     .arg(n++)
                     .arg(methodText(rule.methodCode()), conditionText(rule.condition),
                          rule.applySucceedingIfUnsuccessful()
                              ? QStringLiteral("if it fails, the next rule")
                              : QStringLiteral("if it fails, verification fails"));
    }
    if (list->rules.empty())
        lines << QStringLiteral("no rules");
    return lines;
}

QString odaSupportText(ByteView aip)
{
    if (aip.empty())
        return QStringLiteral("unknown (no AIP)");
    // Book 3, Annex C1: AIP byte 1 b7 SDA, b6 DDA, b1 CDA.
    const bool sda = (aip[0] & 0x40) != 0;
    const bool dda = (aip[0] & 0x20) != 0;
    const bool cda = (aip[0] & 0x01) != 0;
    QStringList methods;
    if (sda)
        methods << QStringLiteral("SDA");
    if (dda)
        methods << QStringLiteral("DDA");
    if (cda)
        methods << QStringLiteral("CDA");
    if (methods.isEmpty())
        return QStringLiteral("none (AIP %1)").arg(hexText(aip));
    return QStringLiteral("%1 (AIP %2: card supports %3)")
        .arg(methods.constLast(), hexText(aip), methods.join(QStringLiteral(", ")));
}

QString amountText(std::uint64_t minorUnits, int exponent)
{
    QString digits = QString::number(minorUnits);
    if (exponent <= 0)
        return digits;
    if (digits.size() <= exponent)
        digits = QString(exponent + 1 - digits.size(), QLatin1Char('0')) + digits;
    return digits.left(digits.size() - exponent) + QLatin1Char('.') + digits.right(exponent);
}

bool parseAmount(const QString& text, int exponent, std::uint64_t& minorUnits)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{1,12})(?:\\.(\\d+))?$"));
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return false;
    QString fraction = match.captured(2);
    if (fraction.size() > exponent)
        return false;
    fraction += QString(exponent - fraction.size(), QLatin1Char('0'));
    bool ok = false;
    minorUnits = (match.captured(1) + fraction).toULongLong(&ok);
    return ok;
}

QString outcomeText(const emv::TransactionOutcome& outcome)
{
    using emv::OutcomeKind;
    switch (outcome.kind) {
    case OutcomeKind::ApprovedOffline:
        return QStringLiteral("approved offline");
    case OutcomeKind::ApprovedOnline:
        return QStringLiteral("approved online");
    case OutcomeKind::Declined:
        return outcome.online ? QStringLiteral("declined online")
                              : QStringLiteral("declined offline");
    case OutcomeKind::GoOnlineFailed:
        return outcome.approved ? QStringLiteral("approved (unable to go online)")
                                : QStringLiteral("declined (unable to go online)");
    case OutcomeKind::CardError:
        return QStringLiteral("card error");
    case OutcomeKind::Cancelled:
        return QStringLiteral("cancelled");
    case OutcomeKind::CardBlocked:
        return QStringLiteral("not accepted (card blocked)");
    case OutcomeKind::NotAccepted:
        return QStringLiteral("not accepted");
    }
    return QStringLiteral("?");
}

} // namespace cardlink::cli
