#pragma once

#include "emv/TransactionData.h"
#include "emv/TransactionOutcome.h"
#include "util/Bytes.h"

#include <QString>
#include <QStringList>

#include <cstdint>

namespace cardlink::cli {

// Human-readable renderings of EMV data for `read` and `pay`.

// 5F24 (YYMMDD, n6) as "2030-12-31"; the hex when it is not a date.
QString expiryText(ByteView yymmdd);

// The CVM list 8E decoded (EMV 4.4 Book 3, Annex C3): one line for amounts X
// and Y, one per rule ("offline plaintext PIN, if the terminal supports the
// CVM; else the next rule"). One line with the reason when malformed.
QStringList cvmListLines(ByteView value);

// AIP byte 1 (Book 3, Annex C1): "CDA (card supports SDA, DDA, CDA)", the
// strongest method the card offers first, or "none".
QString odaSupportText(ByteView aip);

// Minor units as "12.34" for `exponent` digits.
QString amountText(std::uint64_t minorUnits, int exponent);

// "12.34" -> 1234 for exponent 2. False for anything but digits with at
// most `exponent` decimals (no sign, no thousands separator).
bool parseAmount(const QString& text, int exponent, std::uint64_t& minorUnits);

// What `pay` prints for an outcome: "approved online", "declined offline" ...
QString outcomeText(const emv::TransactionOutcome& outcome);

} // namespace cardlink::cli
