#pragma once

#include "tlv/Tag.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace cardlink::tlv {

// Data element formats, EMV 4.4 Book 1, 4.3 and Book 3, 4.3.
enum class TagFormat {
    N,   // numeric, BCD, right-justified, padded with leading 0
    Cn,  // compressed numeric, BCD, left-justified, padded with trailing F
    A,   // alphabetic
    An,  // alphanumeric
    Ans, // alphanumeric and special characters
    B,   // binary
    Var, // template or format depending on context
};

// Who supplies the data element (EMV 4.4 Book 3, Annex A1, column "Source").
enum class TagSource { Icc, Terminal, Issuer, IssuerOrTerminal };

struct TagInfo
{
    Tag tag = 0;
    std::string_view name;
    TagFormat format = TagFormat::B;
    TagSource source = TagSource::Icc;
    // Length of the value in bytes; key-size dependent lengths (NCA, NI, NIC)
    // are given as 0..248, the largest RSA modulus EMV allows.
    std::uint16_t minLength = 0;
    std::uint16_t maxLength = 0;
};

// The data elements of EMV 4.4 Book 3, Annex A1 plus common tags from EMV
// Contactless Book B, Mastercard, Visa and GlobalPlatform. Sorted by tag.
std::span<const TagInfo> emvTags();

// nullopt for a tag the dictionary does not know.
std::optional<TagInfo> lookupEmvTag(Tag tag);

// The format of a known tag, or TagFormat::B for an unknown one: EMV 4.4
// Book 3, 5.4 treats every format but n and cn alike, as binary is treated.
TagFormat formatOf(Tag tag);

// "n", "cn", "a", "an", "ans", "b", "var".
std::string_view formatCode(TagFormat format);
// "ICC", "Terminal", "Issuer", "Issuer/Terminal".
std::string_view sourceName(TagSource source);

} // namespace cardlink::tlv
