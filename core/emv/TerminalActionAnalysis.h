#pragma once

#include "emv/TerminalConfig.h"
#include "emv/TransactionData.h"
#include "emv/Tvr.h"

#include <cstdint>

namespace cardlink::emv {

// The cryptogram types of GENERATE AC P1 and the CID 9F27 b8-b7 (EMV 4.4
// Book 3, 6.5.5.2, table 12 and 14).
enum class Cryptogram : std::uint8_t { Aac = 0x00, Tc = 0x40, Arqc = 0x80 };

const char* cryptogramName(Cryptogram cryptogram);

// Terminal action analysis, EMV 4.4 Book 3, 10.7: TVR against the Issuer
// Action Codes (9F0E denial, 9F0F online, 9F0D default; absent IAC-Denial is
// all zeros, absent IAC-Online and IAC-Default all ones) and the Terminal
// Action Codes. Denial match -> AAC; else, when the terminal can go online,
// online match -> ARQC, no match -> TC; an offline-only terminal decides
// with the default codes.
Cryptogram terminalActionAnalysis(const TransactionData& data, const Tvr& tvr,
                                  const TerminalConfig& config, bool canGoOnline);

// Book 3, 10.7: after an ARQC the terminal could not go online: default
// codes match -> AAC, else TC.
Cryptogram defaultActionAnalysis(const TransactionData& data, const Tvr& tvr,
                                 const TerminalConfig& config);

} // namespace cardlink::emv
