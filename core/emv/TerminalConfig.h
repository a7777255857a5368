#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cardlink::emv {

// One application the terminal accepts (EMV 4.4 Book 1, 12.3.1): its AID and
// whether a card AID that only starts with it matches (partial selection).
struct SupportedAid
{
    Bytes aid;
    bool partialSelection = true;
};

// Terminal action codes (EMV 4.4 Book 3, 10.7), 5 bytes each, TVR layout.
struct TerminalActionCodes
{
    Bytes denial = Bytes(5, 0);
    Bytes online = Bytes(5, 0);
    Bytes defaultCodes = Bytes(5, 0);
};

// Everything the kernel needs to know about the terminal, loaded from a JSON
// file (docs/terminal-config.md). Binary fields are hex strings.
struct TerminalConfig
{
    Bytes terminalType{0x22};                                   // 9F35
    Bytes capabilities{0xE0, 0xF0, 0xC8};                       // 9F33
    Bytes additionalCapabilities{0x60, 0x00, 0xF0, 0xA0, 0x01}; // 9F40
    Bytes countryCode{0x08, 0x26};                              // 9F1A, n3
    Bytes currencyCode{0x08, 0x26};                             // 5F2A, n3
    std::uint8_t currencyExponent = 2;                          // 5F36
    std::string currencyAlpha = "GBP";
    Bytes merchantCategoryCode{0x59, 0x99};   // 9F15
    std::string terminalId = "CARDLNK1";      // 9F1C, an8
    std::string merchantId = "CARDLINK-DEMO"; // 9F16, ans15
    std::string ifdSerial = "CL000001";       // 9F1E, an8
    std::vector<SupportedAid> aids;
    Bytes applicationVersion{0x00, 0x8C}; // 9F09
    TerminalActionCodes tac;
    std::uint64_t floorLimit = 0; // 9F1B, minor units
    // Random transaction selection, EMV 4.4 Book 3, 10.6.2.
    std::uint64_t randomSelectionThreshold = 0;
    int randomSelectionTargetPercent = 0;
    int randomSelectionMaxTargetPercent = 0;
    // Velocity checking limits, EMV 4.4 Book 3, 10.6.3 (used when the card
    // gives no 9F14/9F23).
    std::optional<std::uint64_t> lowerConsecutiveOfflineLimit;
    std::optional<std::uint64_t> upperConsecutiveOfflineLimit;
    Bytes defaultDdol{0x9F, 0x37, 0x04};
    Bytes defaultTdol;
    std::string caKeyFile;
    bool canGoOnline = true;

    // Errors name the JSON path of the bad value: "aids[1].aid: not hex".
    static Result<TerminalConfig> fromJson(std::string_view text);
    static Result<TerminalConfig> load(const std::string& path);
};

} // namespace cardlink::emv
