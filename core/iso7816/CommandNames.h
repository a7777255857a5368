#pragma once

#include <cstdint>
#include <string>

namespace cardlink::iso7816 {

// The name of a command for traces and logs: "SELECT", "GENERATE AC",
// "PIN CHANGE/UNBLOCK". Interindustry instructions come from ISO/IEC
// 7816-4:2013, 5.3 (table 4) and their clauses; commands with a proprietary
// class byte (b8 set) are looked up first in the EMV 4.4 Book 3, 6.5 set
// (CLA 80/84/8C), then fall back to the ISO name, as EMV cards reuse ISO
// instruction codes under CLA 8x. Anything unknown is "INS xx".
std::string commandName(std::uint8_t cla, std::uint8_t ins);

} // namespace cardlink::iso7816
