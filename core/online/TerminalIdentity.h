#pragma once

#include <string>

namespace cardlink::online {

// Who sends a terminal message: ISO 8583 field 41 (terminal id, 8
// characters), field 42 (merchant id, up to 15, padded with spaces) and the
// currency (field 49, ISO 4217 numeric) for messages without EMV data.
struct TerminalIdentity
{
    std::string terminalId;
    std::string merchantId;
    std::string currencyCode = "978";
};

} // namespace cardlink::online
