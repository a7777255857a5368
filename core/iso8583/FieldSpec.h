#pragma once

#include <cstddef>
#include <string>

namespace cardlink::iso8583 {

// Data element attributes of ISO 8583:1987, 4.3 (the "n", "an", "ans", "b",
// "z" and "x+n" notation of the field table).
enum class FieldFormat {
    N,   // numeric digits 0-9
    An,  // letters and digits; CardLink also accepts space, the usual padding
    Ans, // letters, digits, space and special characters (printable ASCII)
    B,   // binary
    Z,   // track 2 code set (ISO/IEC 7813): digits and the separator '='
    XN,  // amount with a sign: 'C' (credit) or 'D' (debit), then n digits
};

enum class LengthType {
    Fixed,  // exactly maxLength
    LlVar,  // two-digit length prefix, up to 99
    LllVar, // three-digit length prefix, up to 999
};

// How a field's content (or a length prefix, or the MTI) goes on the wire.
enum class Encoding {
    Bcd,    // packed decimal, two digits a byte
    Ascii,  // one character a byte; b fields as two upper-case hex characters a byte
    Binary, // b fields as they are; length prefixes as big-endian binary numbers
};

// One row of a profile's field table. Lengths count digits for n, z and x+n
// (the sign of x+n is not counted), characters for an and ans, bytes for b.
struct FieldSpec
{
    int number = 0;
    std::string name;
    FieldFormat format = FieldFormat::Ans;
    LengthType lengthType = LengthType::Fixed;
    std::size_t maxLength = 0;
    Encoding encoding = Encoding::Ascii;
    bool sensitive = false; // cardholder or PIN data: masked in dumps

    // ISO notation for documentation and dumps: "n 6", "n..19 LLVAR", "b...999 LLLVAR".
    std::string notation() const;
};

const char* formatName(FieldFormat format);
const char* lengthTypeName(LengthType type);
const char* encodingName(Encoding encoding);

} // namespace cardlink::iso8583
