#include "tlv/EmvTags.h"

#include <algorithm>

namespace cardlink::tlv {

namespace {

// EMV 4.4 Book 3, Annex A1 ("Data Elements Dictionary"): name,
// format, source and length of each data element, in bytes. Tags marked with a
// scheme come from that scheme's public specifications; where schemes give one
// tag different meanings, only unambiguous ones are listed.
constexpr TagInfo kTags[] = {
    {0x42, "Issuer Identification Number (IIN)", TagFormat::N, TagSource::Icc, 3, 3},
    {0x4F, "Application Dedicated File (ADF) Name", TagFormat::B, TagSource::Icc, 5, 16},
    {0x50, "Application Label", TagFormat::Ans, TagSource::Icc, 1, 16},
    {0x56, "Track 1 Data", TagFormat::Ans, TagSource::Icc, 0, 76}, // Mastercard
    {0x57, "Track 2 Equivalent Data", TagFormat::B, TagSource::Icc, 0, 19},
    {0x5A, "Application Primary Account Number (PAN)", TagFormat::Cn, TagSource::Icc, 0, 10},
    {0x61, "Application Template", TagFormat::Var, TagSource::Icc, 0, 252},
    {0x6F, "File Control Information (FCI) Template", TagFormat::Var, TagSource::Icc, 0, 252},
    {0x70, "READ RECORD Response Message Template", TagFormat::Var, TagSource::Icc, 0, 252},
    {0x71, "Issuer Script Template 1", TagFormat::Var, TagSource::Issuer, 0, 255},
    {0x72, "Issuer Script Template 2", TagFormat::Var, TagSource::Issuer, 0, 255},
    {0x73, "Directory Discretionary Template", TagFormat::Var, TagSource::Icc, 0, 252},
    {0x77, "Response Message Template Format 2", TagFormat::Var, TagSource::Icc, 0, 255},
    {0x80, "Response Message Template Format 1", TagFormat::Var, TagSource::Icc, 0, 255},
    {0x81, "Amount, Authorised (Binary)", TagFormat::B, TagSource::Terminal, 4, 4},
    {0x82, "Application Interchange Profile", TagFormat::B, TagSource::Icc, 2, 2},
    {0x83, "Command Template", TagFormat::B, TagSource::Terminal, 0, 255},
    {0x84, "Dedicated File (DF) Name", TagFormat::B, TagSource::Icc, 5, 16},
    {0x86, "Issuer Script Command", TagFormat::B, TagSource::Issuer, 0, 261},
    {0x87, "Application Priority Indicator", TagFormat::B, TagSource::Icc, 1, 1},
    {0x88, "Short File Identifier (SFI)", TagFormat::B, TagSource::Icc, 1, 1},
    {0x89, "Authorisation Code", TagFormat::Ans, TagSource::Issuer, 6, 6},
    {0x8A, "Authorisation Response Code", TagFormat::An, TagSource::IssuerOrTerminal, 2, 2},
    {0x8C, "Card Risk Management Data Object List 1 (CDOL1)", TagFormat::B, TagSource::Icc, 0, 252},
    {0x8D, "Card Risk Management Data Object List 2 (CDOL2)", TagFormat::B, TagSource::Icc, 0, 252},
    {0x8E, "Cardholder Verification Method (CVM) List", TagFormat::B, TagSource::Icc, 10, 252},
    {0x8F, "Certification Authority Public Key Index (ICC)", TagFormat::B, TagSource::Icc, 1, 1},
    {0x90, "Issuer Public Key Certificate", TagFormat::B, TagSource::Icc, 0, 248},
    {0x91, "Issuer Authentication Data", TagFormat::B, TagSource::Issuer, 8, 16},
    {0x92, "Issuer Public Key Remainder", TagFormat::B, TagSource::Icc, 0, 248},
    {0x93, "Signed Static Application Data", TagFormat::B, TagSource::Icc, 0, 248},
    {0x94, "Application File Locator (AFL)", TagFormat::Var, TagSource::Icc, 0, 252},
    {0x95, "Terminal Verification Results", TagFormat::B, TagSource::Terminal, 5, 5},
    {0x97, "Transaction Certificate Data Object List (TDOL)", TagFormat::B, TagSource::Icc, 0, 252},
    {0x98, "Transaction Certificate (TC) Hash Value", TagFormat::B, TagSource::Terminal, 20, 20},
    {0x99, "Transaction Personal Identification Number (PIN) Data", TagFormat::B,
     TagSource::Terminal, 0, 255},
    {0x9A, "Transaction Date", TagFormat::N, TagSource::Terminal, 3, 3},
    {0x9B, "Transaction Status Information", TagFormat::B, TagSource::Terminal, 2, 2},
    {0x9C, "Transaction Type", TagFormat::N, TagSource::Terminal, 1, 1},
    {0x9D, "Directory Definition File (DDF) Name", TagFormat::B, TagSource::Icc, 5, 16},
    {0xA5, "File Control Information (FCI) Proprietary Template", TagFormat::Var, TagSource::Icc, 0,
     252},
    {0x5F20, "Cardholder Name", TagFormat::Ans, TagSource::Icc, 2, 26},
    {0x5F24, "Application Expiration Date", TagFormat::N, TagSource::Icc, 3, 3},
    {0x5F25, "Application Effective Date", TagFormat::N, TagSource::Icc, 3, 3},
    {0x5F28, "Issuer Country Code", TagFormat::N, TagSource::Icc, 2, 2},
    {0x5F2A, "Transaction Currency Code", TagFormat::N, TagSource::Terminal, 2, 2},
    {0x5F2D, "Language Preference", TagFormat::An, TagSource::Icc, 2, 8},
    {0x5F30, "Service Code", TagFormat::N, TagSource::Icc, 2, 2},
    {0x5F34, "Application Primary Account Number (PAN) Sequence Number", TagFormat::N,
     TagSource::Icc, 1, 1},
    {0x5F36, "Transaction Currency Exponent", TagFormat::N, TagSource::Terminal, 1, 1},
    {0x5F50, "Issuer URL", TagFormat::Ans, TagSource::Icc, 0, 255},
    {0x5F53, "International Bank Account Number (IBAN)", TagFormat::Var, TagSource::Icc, 0, 34},
    {0x5F54, "Bank Identifier Code (BIC)", TagFormat::Var, TagSource::Icc, 8, 11},
    {0x5F55, "Issuer Country Code (alpha2 format)", TagFormat::A, TagSource::Icc, 2, 2},
    {0x5F56, "Issuer Country Code (alpha3 format)", TagFormat::A, TagSource::Icc, 3, 3},
    {0x5F57, "Account Type", TagFormat::N, TagSource::Terminal, 1, 1},
    {0x9F01, "Acquirer Identifier", TagFormat::N, TagSource::Terminal, 6, 6},
    {0x9F02, "Amount, Authorised (Numeric)", TagFormat::N, TagSource::Terminal, 6, 6},
    {0x9F03, "Amount, Other (Numeric)", TagFormat::N, TagSource::Terminal, 6, 6},
    {0x9F04, "Amount, Other (Binary)", TagFormat::B, TagSource::Terminal, 4, 4},
    {0x9F05, "Application Discretionary Data", TagFormat::B, TagSource::Icc, 1, 32},
    {0x9F06, "Application Identifier (AID) - terminal", TagFormat::B, TagSource::Terminal, 5, 16},
    {0x9F07, "Application Usage Control", TagFormat::B, TagSource::Icc, 2, 2},
    {0x9F08, "Application Version Number (ICC)", TagFormat::B, TagSource::Icc, 2, 2},
    {0x9F09, "Application Version Number (Terminal)", TagFormat::B, TagSource::Terminal, 2, 2},
    {0x9F0A, "Application Selection Registered Proprietary Data", TagFormat::B, TagSource::Icc, 0,
     252},
    {0x9F0B, "Cardholder Name Extended", TagFormat::Ans, TagSource::Icc, 27, 45},
    {0x9F0C, "Issuer Identification Number Extended (IINE)", TagFormat::N, TagSource::Icc, 3, 4},
    {0x9F0D, "Issuer Action Code - Default", TagFormat::B, TagSource::Icc, 5, 5},
    {0x9F0E, "Issuer Action Code - Denial", TagFormat::B, TagSource::Icc, 5, 5},
    {0x9F0F, "Issuer Action Code - Online", TagFormat::B, TagSource::Icc, 5, 5},
    {0x9F10, "Issuer Application Data", TagFormat::B, TagSource::Icc, 0, 32},
    {0x9F11, "Issuer Code Table Index", TagFormat::N, TagSource::Icc, 1, 1},
    {0x9F12, "Application Preferred Name", TagFormat::Ans, TagSource::Icc, 1, 16},
    {0x9F13, "Last Online Application Transaction Counter (ATC) Register", TagFormat::B,
     TagSource::Icc, 2, 2},
    {0x9F14, "Lower Consecutive Offline Limit", TagFormat::B, TagSource::Icc, 1, 1},
    {0x9F15, "Merchant Category Code", TagFormat::N, TagSource::Terminal, 2, 2},
    {0x9F16, "Merchant Identifier", TagFormat::Ans, TagSource::Terminal, 15, 15},
    {0x9F17, "Personal Identification Number (PIN) Try Counter", TagFormat::B, TagSource::Icc, 1,
     1},
    {0x9F18, "Issuer Script Identifier", TagFormat::B, TagSource::Issuer, 4, 4},
    {0x9F1A, "Terminal Country Code", TagFormat::N, TagSource::Terminal, 2, 2},
    {0x9F1B, "Terminal Floor Limit", TagFormat::B, TagSource::Terminal, 4, 4},
    {0x9F1C, "Terminal Identification", TagFormat::An, TagSource::Terminal, 8, 8},
    {0x9F1D, "Terminal Risk Management Data", TagFormat::B, TagSource::Terminal, 1, 8},
    {0x9F1E, "Interface Device (IFD) Serial Number", TagFormat::An, TagSource::Terminal, 8, 8},
    {0x9F1F, "Track 1 Discretionary Data", TagFormat::Ans, TagSource::Icc, 0, 54},
    {0x9F20, "Track 2 Discretionary Data", TagFormat::Cn, TagSource::Icc, 0, 16},
    {0x9F21, "Transaction Time", TagFormat::N, TagSource::Terminal, 3, 3},
    {0x9F22, "Certification Authority Public Key Index (Terminal)", TagFormat::B,
     TagSource::Terminal, 1, 1},
    {0x9F23, "Upper Consecutive Offline Limit", TagFormat::B, TagSource::Icc, 1, 1},
    {0x9F24, "Payment Account Reference (PAR)", TagFormat::An, TagSource::Icc, 29, 29},
    {0x9F25, "Last 4 Digits of PAN", TagFormat::N, TagSource::Icc, 2, 2},
    {0x9F26, "Application Cryptogram", TagFormat::B, TagSource::Icc, 8, 8},
    {0x9F27, "Cryptogram Information Data", TagFormat::B, TagSource::Icc, 1, 1},
    {0x9F29, "Extended Selection", TagFormat::B, TagSource::Icc, 0, 252}, // EMV Contactless Book B
    {0x9F2A, "Kernel Identifier", TagFormat::B, TagSource::Icc, 1, 8},    // EMV Contactless Book B
    {0x9F2D, "ICC PIN Encipherment Public Key Certificate", TagFormat::B, TagSource::Icc, 0, 248},
    {0x9F2E, "ICC PIN Encipherment Public Key Exponent", TagFormat::B, TagSource::Icc, 1, 3},
    {0x9F2F, "ICC PIN Encipherment Public Key Remainder", TagFormat::B, TagSource::Icc, 0, 248},
    {0x9F32, "Issuer Public Key Exponent", TagFormat::B, TagSource::Icc, 1, 3},
    {0x9F33, "Terminal Capabilities", TagFormat::B, TagSource::Terminal, 3, 3},
    {0x9F34, "Cardholder Verification Method (CVM) Results", TagFormat::B, TagSource::Terminal, 3,
     3},
    {0x9F35, "Terminal Type", TagFormat::N, TagSource::Terminal, 1, 1},
    {0x9F36, "Application Transaction Counter (ATC)", TagFormat::B, TagSource::Icc, 2, 2},
    {0x9F37, "Unpredictable Number", TagFormat::B, TagSource::Terminal, 4, 4},
    {0x9F38, "Processing Options Data Object List (PDOL)", TagFormat::B, TagSource::Icc, 0, 252},
    {0x9F39, "Point-of-Service (POS) Entry Mode", TagFormat::N, TagSource::Terminal, 1, 1},
    {0x9F3A, "Amount, Reference Currency", TagFormat::B, TagSource::Terminal, 4, 4},
    {0x9F3B, "Application Reference Currency", TagFormat::N, TagSource::Icc, 2, 8},
    {0x9F3C, "Transaction Reference Currency Code", TagFormat::N, TagSource::Terminal, 2, 2},
    {0x9F3D, "Transaction Reference Currency Exponent", TagFormat::N, TagSource::Terminal, 1, 1},
    {0x9F40, "Additional Terminal Capabilities", TagFormat::B, TagSource::Terminal, 5, 5},
    {0x9F41, "Transaction Sequence Counter", TagFormat::N, TagSource::Terminal, 2, 4},
    {0x9F42, "Application Currency Code", TagFormat::N, TagSource::Icc, 2, 2},
    {0x9F43, "Application Reference Currency Exponent", TagFormat::N, TagSource::Icc, 1, 4},
    {0x9F44, "Application Currency Exponent", TagFormat::N, TagSource::Icc, 1, 1},
    {0x9F45, "Data Authentication Code", TagFormat::B, TagSource::Icc, 2, 2},
    {0x9F46, "ICC Public Key Certificate", TagFormat::B, TagSource::Icc, 0, 248},
    {0x9F47, "ICC Public Key Exponent", TagFormat::B, TagSource::Icc, 1, 3},
    {0x9F48, "ICC Public Key Remainder", TagFormat::B, TagSource::Icc, 0, 248},
    {0x9F49, "Dynamic Data Authentication Data Object List (DDOL)", TagFormat::B, TagSource::Icc, 0,
     252},
    {0x9F4A, "Static Data Authentication Tag List", TagFormat::Var, TagSource::Icc, 0, 252},
    {0x9F4B, "Signed Dynamic Application Data", TagFormat::B, TagSource::Icc, 0, 248},
    {0x9F4C, "ICC Dynamic Number", TagFormat::B, TagSource::Icc, 2, 8},
    {0x9F4D, "Log Entry", TagFormat::B, TagSource::Icc, 2, 2},
    {0x9F4E, "Merchant Name and Location", TagFormat::Ans, TagSource::Terminal, 0, 255},
    {0x9F4F, "Log Format", TagFormat::B, TagSource::Icc, 0, 252},
    {0x9F53, "Transaction Category Code", TagFormat::An, TagSource::Terminal, 1, 1}, // Mastercard
    {0x9F5A, "Application Program Identifier", TagFormat::B, TagSource::Icc, 1, 16}, // Visa
    {0x9F5B, "Issuer Script Results", TagFormat::B, TagSource::Terminal, 0, 252},    // Visa
    {0x9F60, "CVC3 (Track1)", TagFormat::B, TagSource::Icc, 2, 2},                   // Mastercard
    {0x9F61, "CVC3 (Track2)", TagFormat::B, TagSource::Icc, 2, 2},                   // Mastercard
    {0x9F62, "PCVC3 (Track1)", TagFormat::B, TagSource::Icc, 6, 6},                  // Mastercard
    {0x9F63, "PUNATC (Track1)", TagFormat::B, TagSource::Icc, 6, 6},                 // Mastercard
    {0x9F64, "NATC (Track1)", TagFormat::B, TagSource::Icc, 1, 1},                   // Mastercard
    {0x9F65, "PCVC3 (Track2)", TagFormat::B, TagSource::Icc, 2, 2},                  // Mastercard
    {0x9F66, "Terminal Transaction Qualifiers (TTQ)", TagFormat::B, TagSource::Terminal, 4,
     4}, // Visa
    {0x9F6A, "Unpredictable Number (Numeric)", TagFormat::N, TagSource::Terminal, 4,
     4},                                                                               // Mastercard
    {0x9F6B, "Track 2 Data", TagFormat::B, TagSource::Icc, 0, 19},                     // Mastercard
    {0x9F6C, "Card Transaction Qualifiers (CTQ)", TagFormat::B, TagSource::Icc, 2, 2}, // Visa
    {0x9F6E, "Form Factor Indicator", TagFormat::B, TagSource::Icc, 4, 32},            // Visa
    {0x9F74, "VLP Issuer Authorisation Code", TagFormat::A, TagSource::Icc, 6, 6},     // Visa
    {0x9F7A, "VLP Terminal Support Indicator", TagFormat::B, TagSource::Terminal, 1, 1}, // Visa
    {0x9F7E, "Mobile Support Indicator", TagFormat::B, TagSource::Terminal, 1, 1}, // Mastercard
    {0x9F7F, "Card Production Life Cycle (CPLC) Data", TagFormat::B, TagSource::Icc, 42,
     42}, // GlobalPlatform
    {0xBF0C, "File Control Information (FCI) Issuer Discretionary Data", TagFormat::Var,
     TagSource::Icc, 0, 222},
};

constexpr bool isSortedByTag()
{
    return std::ranges::is_sorted(kTags, {}, &TagInfo::tag) &&
           std::ranges::adjacent_find(kTags, {}, &TagInfo::tag) == std::end(kTags);
}
static_assert(isSortedByTag(), "kTags must be sorted by tag without duplicates");

} // namespace

std::span<const TagInfo> emvTags()
{
    return kTags;
}

std::optional<TagInfo> lookupEmvTag(Tag tag)
{
    const auto* it = std::ranges::lower_bound(kTags, tag, {}, &TagInfo::tag);
    if (it == std::end(kTags) || it->tag != tag)
        return std::nullopt;
    return *it;
}

TagFormat formatOf(Tag tag)
{
    const auto info = lookupEmvTag(tag);
    return info ? info->format : TagFormat::B;
}

std::string_view formatCode(TagFormat format)
{
    switch (format) {
    case TagFormat::N:
        return "n";
    case TagFormat::Cn:
        return "cn";
    case TagFormat::A:
        return "a";
    case TagFormat::An:
        return "an";
    case TagFormat::Ans:
        return "ans";
    case TagFormat::B:
        return "b";
    case TagFormat::Var:
        return "var";
    }
    return "?";
}

std::string_view sourceName(TagSource source)
{
    switch (source) {
    case TagSource::Icc:
        return "ICC";
    case TagSource::Terminal:
        return "Terminal";
    case TagSource::Issuer:
        return "Issuer";
    case TagSource::IssuerOrTerminal:
        return "Issuer/Terminal";
    }
    return "?";
}

} // namespace cardlink::tlv
