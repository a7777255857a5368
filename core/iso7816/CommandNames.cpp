#include "iso7816/CommandNames.h"
#include "util/Bytes.h"

#include <array>
#include <cstdio>
#include <string_view>

namespace cardlink::iso7816 {

namespace {

struct Name
{
    std::uint8_t ins;
    std::string_view name;
};

// EMV 4.4 Book 3, 6.5: the commands EMV defines under a proprietary class
// (CLA 80, or 84 / 8C with secure messaging).
constexpr std::array kEmvNames{
    Name{0x1E, "APPLICATION BLOCK"},      // Book 3, 6.5.1
    Name{0x18, "APPLICATION UNBLOCK"},    // Book 3, 6.5.2
    Name{0x16, "CARD BLOCK"},             // Book 3, 6.5.3
    Name{0xAE, "GENERATE AC"},            // Book 3, 6.5.5
    Name{0xCA, "GET DATA"},               // Book 3, 6.5.7
    Name{0xA8, "GET PROCESSING OPTIONS"}, // Book 3, 6.5.8
    Name{0x24, "PIN CHANGE/UNBLOCK"},     // Book 3, 6.5.10
};

// ISO/IEC 7816-4:2013, 5.3, table 4 (and 7816-8/-9 for a few that cards in
// the field use). Odd INS codes carry BER-TLV data; they share the name.
constexpr std::array kIsoNames{
    Name{0x04, "DEACTIVATE FILE"},
    Name{0x0C, "ERASE RECORD"},
    Name{0x0E, "ERASE BINARY"},
    Name{0x0F, "ERASE BINARY"},
    Name{0x10, "PERFORM SCQL OPERATION"},
    Name{0x12, "PERFORM TRANSACTION OPERATION"},
    Name{0x14, "PERFORM USER OPERATION"},
    Name{0x20, "VERIFY"},
    Name{0x21, "VERIFY"},
    Name{0x22, "MANAGE SECURITY ENVIRONMENT"},
    Name{0x24, "CHANGE REFERENCE DATA"},
    Name{0x26, "DISABLE VERIFICATION REQUIREMENT"},
    Name{0x28, "ENABLE VERIFICATION REQUIREMENT"},
    Name{0x2A, "PERFORM SECURITY OPERATION"},
    Name{0x2C, "RESET RETRY COUNTER"},
    Name{0x2D, "RESET RETRY COUNTER"},
    Name{0x44, "ACTIVATE FILE"},
    Name{0x46, "GENERATE ASYMMETRIC KEY PAIR"},
    Name{0x47, "GENERATE ASYMMETRIC KEY PAIR"},
    Name{0x70, "MANAGE CHANNEL"},
    Name{0x82, "EXTERNAL AUTHENTICATE"},
    Name{0x84, "GET CHALLENGE"},
    Name{0x86, "GENERAL AUTHENTICATE"},
    Name{0x87, "GENERAL AUTHENTICATE"},
    Name{0x88, "INTERNAL AUTHENTICATE"},
    Name{0xA0, "SEARCH BINARY"},
    Name{0xA1, "SEARCH BINARY"},
    Name{0xA2, "SEARCH RECORD"},
    Name{0xA4, "SELECT"},
    Name{0xB0, "READ BINARY"},
    Name{0xB1, "READ BINARY"},
    Name{0xB2, "READ RECORD"},
    Name{0xB3, "READ RECORD"},
    Name{0xC0, "GET RESPONSE"},
    Name{0xC2, "ENVELOPE"},
    Name{0xC3, "ENVELOPE"},
    Name{0xCA, "GET DATA"},
    Name{0xCB, "GET DATA"},
    Name{0xD0, "WRITE BINARY"},
    Name{0xD1, "WRITE BINARY"},
    Name{0xD2, "WRITE RECORD"},
    Name{0xD6, "UPDATE BINARY"},
    Name{0xD7, "UPDATE BINARY"},
    Name{0xDA, "PUT DATA"},
    Name{0xDB, "PUT DATA"},
    Name{0xDC, "UPDATE RECORD"},
    Name{0xDD, "UPDATE RECORD"},
    Name{0xE0, "CREATE FILE"},
    Name{0xE2, "APPEND RECORD"},
    Name{0xE4, "DELETE FILE"},
    Name{0xE6, "TERMINATE DF"},
    Name{0xE8, "TERMINATE EF"},
    Name{0xFE, "TERMINATE CARD USAGE"},
};

template <std::size_t N> std::string_view lookup(const std::array<Name, N>& table, std::uint8_t ins)
{
    for (const auto& entry : table) {
        if (entry.ins == ins)
            return entry.name;
    }
    return {};
}

} // namespace

std::string commandName(std::uint8_t cla, std::uint8_t ins)
{
    // ISO/IEC 7816-4:2013, 5.4.1: CLA FF is invalid for cards; PC/SC part 3
    // uses it for commands to the reader itself (FF CA: get the card's UID).
    if (cla == 0xFF)
        return ins == 0xCA ? "PC/SC GET DATA" : "PC/SC INS " + hexByte(ins);

    const bool proprietaryClass = (cla & 0x80) != 0;
    if (proprietaryClass) {
        if (auto name = lookup(kEmvNames, ins); !name.empty())
            return std::string(name);
    }
    if (auto name = lookup(kIsoNames, ins); !name.empty())
        return std::string(name);

    return "INS " + hexByte(ins);
}

} // namespace cardlink::iso7816
