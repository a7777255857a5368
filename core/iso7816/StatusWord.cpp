#include "iso7816/StatusWord.h"
#include "util/Bytes.h"

#include <array>
#include <cstdio>
#include <string_view>

namespace cardlink::iso7816 {

namespace {

struct Meaning
{
    std::uint16_t sw;
    std::string_view text;
};

// ISO/IEC 7816-4:2013, 5.6, table 6 (specific interindustry values), with the
// EMV 4.4 reading in parentheses where EMV gives the value its own meaning.
constexpr std::array kMeanings{
    // 62xx: warning, state of non-volatile memory unchanged.
    Meaning{0x6200, "no information given"},
    Meaning{0x6281, "part of returned data may be corrupted"},
    Meaning{0x6282, "end of file or record reached before reading Ne bytes"},
    // EMV 4.4 Book 3, 6.3.5 "selected file invalidated"; Book 1, 12.4: on
    // SELECT it means the application is blocked.
    Meaning{0x6283, "selected file deactivated (EMV: selected file invalidated, "
                    "application blocked)"},
    Meaning{0x6284, "file control information not formatted according to ISO/IEC 7816-4"},
    Meaning{0x6285, "selected file in termination state"},
    Meaning{0x6286, "no input data available from a sensor on the card"},
    Meaning{0x6287, "at least one of the referenced records is deactivated"},
    // 63xx: warning, state of non-volatile memory changed (63Cx handled apart).
    Meaning{0x6300, "no information given"},
    Meaning{0x6340, "unsuccessful comparison"},
    Meaning{0x6381, "file filled up by the last write"},
    // 64xx, 65xx: execution errors.
    Meaning{0x6400, "execution error"},
    Meaning{0x6401, "immediate response required by the card"},
    Meaning{0x6500, "no information given"},
    Meaning{0x6581, "memory failure"},
    Meaning{0x6700, "wrong length"},
    // 68xx: functions in CLA not supported.
    Meaning{0x6800, "no information given"},
    Meaning{0x6881, "logical channel not supported"},
    Meaning{0x6882, "secure messaging not supported"},
    Meaning{0x6883, "last command of the chain expected"},
    Meaning{0x6884, "command chaining not supported"},
    // 69xx: command not allowed.
    Meaning{0x6900, "no information given"},
    Meaning{0x6981, "command incompatible with file structure"},
    Meaning{0x6982, "security status not satisfied"},
    Meaning{0x6983, "authentication method blocked"},
    Meaning{0x6984, "reference data not usable (EMV: referenced data invalidated)"},
    Meaning{0x6985, "conditions of use not satisfied"},
    Meaning{0x6986, "command not allowed (no current EF)"},
    Meaning{0x6987, "expected secure messaging data objects missing"},
    Meaning{0x6988, "incorrect secure messaging data objects"},
    // 6Axx: wrong parameters P1-P2.
    Meaning{0x6A00, "no information given"},
    Meaning{0x6A80, "incorrect parameters in the command data field"},
    // EMV 4.4 Book 1, 12.3.2 / 12.3.3: 6A81 to SELECT means the card is
    // blocked or does not support SELECT; the terminal stops the transaction.
    Meaning{0x6A81, "function not supported (EMV: card blocked or command not supported)"},
    Meaning{0x6A82, "file or application not found"},
    Meaning{0x6A83, "record not found"},
    Meaning{0x6A84, "not enough memory space in the file"},
    Meaning{0x6A85, "Nc inconsistent with TLV structure"},
    Meaning{0x6A86, "incorrect parameters P1-P2"},
    Meaning{0x6A87, "Nc inconsistent with parameters P1-P2"},
    Meaning{0x6A88, "referenced data or reference data not found"},
    Meaning{0x6A89, "file already exists"},
    Meaning{0x6A8A, "DF name already exists"},
    Meaning{0x6B00, "wrong parameters P1-P2"},
    Meaning{0x6D00, "instruction code not supported or invalid"},
    Meaning{0x6E00, "class not supported"},
    Meaning{0x6F00, "no precise diagnosis"},
};

// The group each SW1 belongs to (table 5 and the group headings of table 6).
std::string_view groupOf(std::uint8_t sw1)
{
    switch (sw1) {
    case 0x62:
        return "warning";
    case 0x63:
        return "warning (memory changed)";
    case 0x64:
        return "execution error";
    case 0x65:
        return "execution error (memory changed)";
    case 0x66:
        return "security-related issue";
    case 0x67:
        return "wrong length";
    case 0x68:
        return "function in CLA not supported";
    case 0x69:
        return "command not allowed";
    case 0x6A:
    case 0x6B:
        return "wrong parameters P1-P2";
    case 0x6D:
        return "instruction code not supported or invalid";
    case 0x6E:
        return "class not supported";
    case 0x6F:
        return "no precise diagnosis";
    default:
        return {};
    }
}

std::string hexWord(std::uint16_t value)
{
    char text[5];
    std::snprintf(text, sizeof text, "%04X", value);
    return text;
}

// SW2 = 00 in 61xx and 6Cxx stands for 256 (ISO/IEC 7816-3:2006, 10.3.3).
int countOf(std::uint8_t sw2)
{
    return sw2 == 0 ? 256 : sw2;
}

std::string withGroup(std::uint8_t sw1, std::string_view detail)
{
    const std::string_view group = groupOf(sw1);
    // Where the group and the detail say the same thing, say it once.
    if (detail == group || sw1 == 0x67 || sw1 == 0x6B || sw1 >= 0x6D)
        return std::string(detail);
    if (sw1 == 0x64 && detail == "execution error")
        return std::string(detail);
    return std::string(group) + ": " + std::string(detail);
}

} // namespace

StatusCategory categorize(std::uint16_t sw)
{
    const auto sw1 = static_cast<std::uint8_t>(sw >> 8);
    if (sw == 0x9000 || sw1 == 0x61)
        return StatusCategory::Normal;
    if (sw1 == 0x62 || sw1 == 0x63)
        return StatusCategory::Warning;
    if (sw1 >= 0x67 && sw1 <= 0x6F)
        return StatusCategory::CheckingError;
    return StatusCategory::ExecutionError;
}

std::optional<int> triesLeft(std::uint16_t sw)
{
    if ((sw & 0xFFF0) == 0x63C0)
        return sw & 0x0F;
    return std::nullopt;
}

std::string describeStatusWord(std::uint16_t sw)
{
    const auto sw1 = static_cast<std::uint8_t>(sw >> 8);
    const auto sw2 = static_cast<std::uint8_t>(sw & 0xFF);

    if (sw == 0x9000)
        return "normal processing";
    if (sw1 == 0x61) {
        // ISO/IEC 7816-4:2013, table 6: SW2 is the number of bytes still
        // available (GET RESPONSE fetches them); 00 means 256 or more.
        if (sw2 == 0)
            return "normal processing, 256 or more bytes available";
        return "normal processing, " + std::to_string(sw2) + " more bytes available";
    }
    if (sw1 == 0x6C)
        return "wrong Le field, " + std::to_string(countOf(sw2)) + " bytes available";
    if (auto tries = triesLeft(sw)) {
        // EMV 4.4 Book 3, 6.5.12: after VERIFY, 63Cx carries the PIN try counter.
        return "verification failed, " + std::to_string(*tries) +
               (*tries == 1 ? " try left" : " tries left");
    }
    for (const auto& meaning : kMeanings) {
        if (meaning.sw == sw)
            return withGroup(sw1, meaning.text);
    }
    // ISO/IEC 7816-4:2013, table 6: 6202-6280 and 6402-6480 mean that the
    // card triggers a query the terminal fetches with GET RESPONSE.
    if ((sw1 == 0x62 || sw1 == 0x64) && sw2 >= 0x02 && sw2 <= 0x80)
        return withGroup(sw1, "triggering by the card (" + std::to_string(sw2) + " bytes)");
    if (sw1 == 0x60) {
        // ISO/IEC 7816-3:2006, 10.3.3: 60 is the T=0 NULL procedure byte,
        // never a status byte.
        return "invalid status word " + hexWord(sw) + " (SW1 60 is a NULL procedure byte)";
    }
    if (const auto group = groupOf(sw1); !group.empty())
        return std::string(group) + " (SW2 " + hexByte(sw2) + ")";
    if ((sw1 & 0xF0) == 0x90) {
        // ISO/IEC 7816-4:2013, 5.6: 9XXX other than 9000 is proprietary.
        return "proprietary status " + hexWord(sw);
    }
    // ISO/IEC 7816-3:2006, 10.3.3: SW1 is always 6X or 9X.
    return "invalid status word " + hexWord(sw) + " (SW1 not 6X or 9X)";
}

} // namespace cardlink::iso7816
