#include "ReceiptData.h"

#include "AmountEntry.h"
#include "util/Bytes.h"

namespace cardlink::terminal {

namespace {
QString textOf(const emv::TransactionData& data, tlv::Tag tag)
{
    const auto value = data.get(tag);
    if (!value)
        return {};
    QString text;
    for (const auto byte : *value)
        text += (byte >= 0x20 && byte < 0x7F) ? QChar(byte) : QChar(u'?');
    return text;
}
} // namespace

QString cryptogramTypeName(const emv::TransactionData& data)
{
    const auto cid = data.get(0x9F27);
    if (!cid || cid->empty())
        return {};
    switch ((*cid)[0] & 0xC0) {
    case 0x00:
        return QStringLiteral("AAC");
    case 0x40:
        return QStringLiteral("TC");
    case 0x80:
        return QStringLiteral("ARQC");
    default:
        return QStringLiteral("RFU");
    }
}

std::vector<ReceiptItem> receiptItems(const std::vector<LineItems::Item>& items, int exponent)
{
    std::vector<ReceiptItem> out;
    out.reserve(items.size());
    for (const LineItems::Item& item : items)
        out.push_back({item.description, item.quantity,
                       AmountEntry::format(item.unitPrice, exponent),
                       AmountEntry::format(item.lineTotal(), exponent)});
    return out;
}

ReceiptData receiptDataFrom(const emv::TransactionOutcome& outcome,
                            const emv::TerminalConfig& config, qint64 amount, int stan,
                            const QString& header, const QString& result)
{
    ReceiptData receipt;
    receipt.header = header;
    receipt.merchantId = QString::fromStdString(config.merchantId);
    receipt.terminalId = QString::fromStdString(config.terminalId);
    receipt.dateTime = QDateTime::currentDateTime();
    receipt.amount = AmountEntry::format(amount, config.currencyExponent) + QLatin1Char(' ') +
                     QString::fromStdString(config.currencyAlpha);
    receipt.result = result;
    receipt.maskedPan = QString::fromStdString(outcome.maskedPan);
    receipt.aid = QString::fromStdString(toHex(outcome.aid));
    receipt.label = QString::fromStdString(outcome.label);
    receipt.tvr = QString::fromStdString(toHex(outcome.tvr.toBytes()));
    receipt.tsi = QString::fromStdString(toHex(outcome.tsi.toBytes()));
    receipt.cryptogramType = cryptogramTypeName(outcome.data);
    receipt.authCode = textOf(outcome.data, 0x89);
    // ISO 8583 field 11: six digits.
    receipt.stan = QStringLiteral("%1").arg(stan, 6, 10, QLatin1Char('0'));
    // The RRN (ISO 8583 field 37) comes from the host link, which arrives
    // with the host issue; until then it stays empty and prints as "-".
    return receipt;
}

} // namespace cardlink::terminal
