#pragma once

#include "iso8583/FieldSpec.h"
#include "iso8583/FieldValue.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>

namespace cardlink::iso8583 {

// Encodes and decodes one data element by its FieldSpec. Wire rules:
// - n in BCD: two digits a byte, left-padded with a 0 nibble for odd counts;
// - z in BCD: '=' is the nibble D (ISO/IEC 7813 track 2), right-padded with an
//   F nibble for odd counts, as track 2 is in EMV tag 57;
// - x+n: the sign 'C'/'D' as one ASCII byte, then the digits as for n;
// - an, ans: one ASCII byte a character;
// - b: the bytes (Binary) or two upper-case hex characters a byte (ASCII);
// - LLVAR/LLLVAR prefixes in the profile's length encoding: BCD (1 byte for
//   LL, 2 bytes 0LLL for LLL), ASCII (2 or 3 digits) or binary (1 or 2 bytes,
//   big-endian), counting digits, characters or bytes as FieldSpec says.
// Decoding accepts exactly one encoding for each value (pad nibbles, hex case,
// prefix ranges), so re-encoding a decoded field gives the same bytes.
class FieldCodec
{
public:
    // The value's kind (text for everything but b), its length (exact for a
    // fixed field, at most maxLength for a variable one) and its characters.
    static Result<void> validate(const FieldSpec& spec, const FieldValue& value);

    static Result<void> encode(const FieldSpec& spec, Encoding lengthEncoding,
                               const FieldValue& value, Bytes& out);

    // Decodes the field starting at `offset` and advances `offset` past it.
    static Result<FieldValue> decode(const FieldSpec& spec, Encoding lengthEncoding, ByteView input,
                                     std::size_t& offset);
};

} // namespace cardlink::iso8583
