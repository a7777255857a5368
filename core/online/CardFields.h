#pragma once

#include "emv/TransactionData.h"
#include "util/Result.h"

#include <optional>
#include <string>

namespace cardlink::online {

// The card data fields of a request, read from the EMV data objects.
struct CardFields
{
    std::string pan;                           // 5A, or the PAN of 57: digits only
    std::optional<std::string> track2;         // field 35 from 57: digits, '=' for D, no F pad
    std::optional<std::string> expiry;         // field 14 from 5F24 (YYMMDD): YYMM
    std::optional<std::string> sequenceNumber; // field 23 from 5F34: "001"

    // Malformed when neither 5A nor 57 holds a PAN, or a value is not BCD.
    static Result<CardFields> fromTransaction(const emv::TransactionData& data);
};

} // namespace cardlink::online
