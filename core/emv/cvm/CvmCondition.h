#pragma once

#include "emv/TransactionData.h"
#include "emv/cvm/CvmList.h"

#include <cstdint>
#include <optional>

namespace cardlink::emv {

// What the condition codes of EMV 4.4 Book 3, Annex C3 (table 40) ask about
// the transaction, taken from the transaction data once.
struct CvmContext
{
    bool cash = false;              // 9C = 01
    bool cashback = false;          // 9C = 09 (purchase with cashback)
    bool unattended = false;        // 9F35 second digit 4, 5 or 6 (Book 4, Annex A1)
    std::uint8_t cvmCapability = 0; // 9F33 byte 2 (Book 4, Annex A2)
    // Amount, Authorised (9F02) when the transaction is in the application
    // currency (5F2A == 9F42); nullopt otherwise (conditions 06-09 fail).
    std::optional<std::uint64_t> amountInApplicationCurrency;

    static CvmContext from(const TransactionData& data, ByteView terminalCapabilities);
};

// Book 3, Annex C3: whether the method code is one EMV defines.
bool isRecognisedCvm(std::uint8_t methodCode);
// Book 4, Annex A2: the terminal's CVM capability covers the method.
bool terminalSupportsCvm(std::uint8_t methodCode, std::uint8_t cvmCapability);
// Book 3, 10.5 and Annex C3 table 40: conditions 00-09. Codes the terminal
// does not understand (RFU 0A-7F, proprietary 80-FF) are not satisfied,
// so the rule is skipped.
bool isConditionSatisfied(const CvRule& rule, const CvmList& list, const CvmContext& context);

} // namespace cardlink::emv
