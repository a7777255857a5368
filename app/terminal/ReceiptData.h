#pragma once

#include "LineItems.h"
#include "emv/TerminalConfig.h"
#include "emv/TransactionOutcome.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace cardlink::terminal {

// What a receipt prints, already masked and formatted: the PAN only as
// first 6 / last 4 (PCI DSS 4.0, 3.4.1), never a PIN.
struct ReceiptItem
{
    QString description;
    int quantity = 1;
    QString unitPrice; // "2.50"
    QString total;     // "5.00"
};

struct ReceiptData
{
    QString header;
    QString merchantId;
    QString terminalId;
    QDateTime dateTime;
    std::vector<ReceiptItem> items; // the sale's line items, if any
    QString amount;                 // "12.34 GBP"
    QString result;                 // "APPROVED" / "DECLINED" in the current language
    QString maskedPan;
    QString aid;
    QString label;
    QString tvr;
    QString tsi;
    QString cryptogramType; // AAC, TC, ARQC
    QString authCode;
    QString stan;
    QString rrn;
};

// EMV 4.4 Book 3, 6.5.5.4, Table 15: CID bits 8-7 give the cryptogram type.
QString cryptogramTypeName(const emv::TransactionData& data);

// The checkout's line items as the receipt prints them.
std::vector<ReceiptItem> receiptItems(const std::vector<LineItems::Item>& items, int exponent);

ReceiptData receiptDataFrom(const emv::TransactionOutcome& outcome,
                            const emv::TerminalConfig& config, qint64 amount, int stan,
                            const QString& header, const QString& result);

} // namespace cardlink::terminal
