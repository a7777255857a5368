#include "iso7816/CompactTlvObject.h"
#include "util/Bytes.h"

#include <cstdio>

namespace cardlink::iso7816 {

namespace {
std::string yesNo(bool flag)
{
    return flag ? "yes" : "no";
}

bool bit(std::uint8_t byte, int number) // b1..b8 as the standards number them
{
    return (byte >> (number - 1)) & 1;
}

// ISO/IEC 7816-4:2013, 8.1.1.2.3, table 85.
void describeCardServiceData(std::uint8_t b, std::vector<std::string>& lines)
{
    lines.push_back("application selection by full DF name: " + yesNo(bit(b, 8)));
    lines.push_back("application selection by partial DF name: " + yesNo(bit(b, 7)));
    lines.push_back("BER-TLV data objects in EF.DIR: " + yesNo(bit(b, 6)));
    lines.push_back("BER-TLV data objects in EF.ATR: " + yesNo(bit(b, 5)));
    const int access = (b >> 1) & 0x07;
    const char* how = access == 0x4   ? "READ BINARY (transparent)"
                      : access == 0x0 ? "READ RECORD (record structure)"
                      : access == 0x2 ? "GET DATA (TLV structure)"
                                      : "RFU";
    lines.push_back(std::string("EF.DIR/EF.ATR access: ") + how);
    lines.push_back(bit(b, 1) ? "card without MF" : "card with MF");
}

// ISO/IEC 7816-4:2013, 8.1.1.2.7, tables 86-88 (selection methods, data
// coding byte, command chaining / length fields / logical channels).
void describeCardCapabilities(const Bytes& v, std::vector<std::string>& lines)
{
    if (v.size() >= 1) {
        const std::uint8_t b = v[0];
        lines.push_back("DF selection by full DF name: " + yesNo(bit(b, 8)));
        lines.push_back("DF selection by partial DF name: " + yesNo(bit(b, 7)));
        lines.push_back("DF selection by path: " + yesNo(bit(b, 6)));
        lines.push_back("DF selection by file identifier: " + yesNo(bit(b, 5)));
        lines.push_back("implicit DF selection: " + yesNo(bit(b, 4)));
        lines.push_back("short EF identifier supported: " + yesNo(bit(b, 3)));
        lines.push_back("record number supported: " + yesNo(bit(b, 2)));
        lines.push_back("record identifier supported: " + yesNo(bit(b, 1)));
    }
    if (v.size() >= 2) {
        const std::uint8_t b = v[1];
        static constexpr const char* kWrite[] = {"one-time write", "proprietary", "write OR",
                                                 "write AND"};
        lines.push_back("EFs of TLV structure supported: " + yesNo(bit(b, 8)));
        lines.push_back(std::string("behaviour of write functions: ") + kWrite[(b >> 5) & 0x03]);
        lines.push_back(std::string("value 'FF' as first tag byte: ") +
                        (bit(b, 5) ? "valid" : "invalid (padding)"));
        lines.push_back("data unit size: 2^" + std::to_string(b & 0x0F) + " quartets");
    }
    if (v.size() >= 3) {
        const std::uint8_t b = v[2];
        lines.push_back("command chaining: " + yesNo(bit(b, 8)));
        lines.push_back("extended Lc and Le fields: " + yesNo(bit(b, 7)));
        lines.push_back("extended length information in EF.ATR/INFO: " + yesNo(bit(b, 6)));
        std::string assignment;
        if (bit(b, 5))
            assignment = "by the card";
        if (bit(b, 4))
            assignment +=
                assignment.empty() ? "by the interface device" : " and the interface device";
        lines.push_back("logical channel assignment: " +
                        (assignment.empty() ? "none" : assignment));
        const int y = b & 0x07;
        lines.push_back("maximum logical channels: " +
                        (y == 0x07 ? std::string("8 or more") : std::to_string(y + 1)));
    }
    if (v.size() > 3)
        lines.push_back("unexpected length " + std::to_string(v.size()) + " (1 to 3 expected)");
}

// ISO/IEC 7816-4:2013, 8.1.1.2.4 and 8.1.2: the first command after the ATR.
void describeInitialAccess(const Bytes& v, std::vector<std::string>& lines)
{
    if (v.size() == 1) {
        lines.push_back("READ BINARY with Le = " + hexByte(v[0]));
    } else if (v.size() == 2) {
        lines.push_back(std::string(bit(v[0], 8) ? "READ RECORD" : "READ BINARY") +
                        " of short EF " + std::to_string(v[0] & 0x1F) +
                        " with Le = " + hexByte(v[1]));
    } else if (v.size() == 5) {
        std::string header;
        for (auto b : v)
            header += (header.empty() ? "" : " ") + hexByte(b);
        lines.push_back("command APDU " + header);
    } else {
        lines.push_back("unexpected length " + std::to_string(v.size()) + " (1, 2 or 5 expected)");
    }
}

std::string spaced(const Bytes& v)
{
    std::string text;
    for (auto b : v)
        text += (text.empty() ? "" : " ") + hexByte(b);
    return text;
}
} // namespace

std::string describeLifeCycleStatus(std::uint8_t lcs)
{
    if (lcs == 0x00)
        return "no information given";
    if (lcs == 0x01)
        return "creation state";
    if (lcs == 0x03)
        return "initialisation state";
    if ((lcs & 0xFD) == 0x05)
        return "operational state (activated)";
    if ((lcs & 0xFD) == 0x04)
        return "operational state (deactivated)";
    if ((lcs & 0xFC) == 0x0C)
        return "termination state";
    if (lcs >= 0x10)
        return "proprietary";
    return "RFU";
}

std::string CompactTlvObject::name() const
{
    switch (tag) {
    case kCountryCode:
        return "country code";
    case kIssuerIdentification:
        return "issuer identification number";
    case kCardServiceData:
        return "card service data";
    case kInitialAccessData:
        return "initial access data";
    case kCardIssuerData:
        return "card issuer's data";
    case kPreIssuingData:
        return "pre-issuing data";
    case kCardCapabilities:
        return "card capabilities";
    case kStatusIndicator:
        return "status indicator";
    case kApplicationIdentifier:
        return "application identifier";
    default:
        return "RFU tag " + std::to_string(tag);
    }
}

std::vector<std::string> CompactTlvObject::describe() const
{
    std::vector<std::string> facts;
    switch (tag) {
    case kCardServiceData:
        if (value.size() == 1)
            describeCardServiceData(value[0], facts);
        else
            facts.push_back("unexpected length " + std::to_string(value.size()) + " (1 expected)");
        break;
    case kCardCapabilities:
        describeCardCapabilities(value, facts);
        break;
    case kInitialAccessData:
        describeInitialAccess(value, facts);
        break;
    case kStatusIndicator:
        // ISO/IEC 7816-4:2013, 8.1.1.3: LCS, SW1-SW2, or LCS then SW1-SW2.
        if (value.size() == 1 || value.size() == 3)
            facts.push_back("life cycle status " + hexByte(value[0]) + ": " +
                            describeLifeCycleStatus(value[0]));
        if (value.size() >= 2 && value.size() <= 3)
            facts.push_back("status word " + spaced(Bytes(value.end() - 2, value.end())));
        if (value.empty() || value.size() > 3)
            facts.push_back("unexpected length " + std::to_string(value.size()) +
                            " (1 to 3 expected)");
        break;
    default:
        break;
    }
    std::vector<std::string> lines;
    lines.push_back(name() + " (" + hexByte(header()) +
                    "): " + (value.empty() ? std::string("empty") : spaced(value)));
    for (auto& fact : facts)
        lines.push_back("  " + fact);
    return lines;
}

} // namespace cardlink::iso7816
