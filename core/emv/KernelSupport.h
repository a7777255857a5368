#pragma once

#include "emv/ApplicationSelection.h"
#include "emv/Random.h"
#include "emv/TerminalActionAnalysis.h"
#include "emv/TerminalConfig.h"
#include "emv/TransactionData.h"
#include "emv/TransactionRequest.h"
#include "emv/Tvr.h"
#include "util/Clock.h"
#include "util/Result.h"

#include <string>

namespace cardlink::emv {

// Small pieces of the kernel flow (EmvKernel), kept apart so they can be
// tested and read on their own.

// The terminal-side data objects of a transaction (EMV 4.4 Book 3, Annex A1):
// 9F35, 9F33, 9F40, 9F1A, 5F2A, 5F36, 9F15, 9F1C, 9F16, 9F1E, 9F09, 9F1B,
// 9F02/81, 9F03/9F04, 9C, 9A, 9F21 (from the request or the Clock, UTC),
// 9F37 (4 bytes from Random), 9F39, 95 and 9B (zeros).
TransactionData terminalDataObjects(const TerminalConfig& config, const TransactionRequest& request,
                                    const Clock& clock, Random& random);

// The FCI of the selected application into the data store: 84, 4F (= 84),
// 50, 87, 9F38, 5F2D, 9F11, 9F12 and the FCI discretionary data.
void storeFciObjects(const SelectedApplication& app, TransactionData& data);

// True for Errors that describe bad card data (Malformed, Truncated,
// Unsupported): a CardError outcome, not a transport failure.
bool isCardDataError(const Error& error);

// 5A (cn, F-padded) as "first 6 … last 4"; "" without a PAN.
std::string maskedPanOf(const TransactionData& data);

// When `cdol` asks for the TC Hash Value 98 (Book 3, 5.5 / 10.8): SHA-1 of
// the TDOL data (the card's 97, else `defaultTdol` with TVR "default TDOL
// used"), stored as 98.
Result<void> prepareTcHash(TransactionData& data, ByteView cdol, ByteView defaultTdol, Tvr& tvr);

// "declined offline (AAC; terminal action analysis: denial)" and the like,
// with the CID reason code (Book 3, 6.5.5.4, table 14).
std::string declineReason(Cryptogram requested, std::uint8_t cid, const std::string& prefix);

} // namespace cardlink::emv
