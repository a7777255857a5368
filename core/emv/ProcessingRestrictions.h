#pragma once

#include "emv/TerminalConfig.h"
#include "emv/TransactionData.h"
#include "emv/TransactionRequest.h"
#include "emv/Tvr.h"

namespace cardlink::emv {

// Processing restrictions, EMV 4.4 Book 3, 10.4: application version (9F08
// against the terminal's 9F09), Application Usage Control (9F07) against
// domestic/international (5F28 against 9F1A) and the kind of transaction, and
// the effective (5F25) and expiry (5F24) dates against the transaction date
// 9A. Only sets TVR byte 2 bits; never fails.
void applyProcessingRestrictions(const TransactionData& data, const TerminalConfig& config,
                                 const TransactionRequest& request, Tvr& tvr);

// YYMMDD BCD (3 bytes) to YYYYMMDD as a number for comparisons, with the
// century rule of Book 3, 10.4.3 (YY < 50: 20YY, else 19YY). nullopt for a
// value that is not a date.
std::optional<std::uint32_t> emvDate(ByteView yymmdd);

} // namespace cardlink::emv
