#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>
#include <cstdint>

namespace cardlink::tlv {

// A BER-TLV tag held as its encoded bytes, big-endian: 9F02 is 0x9F02, BF0C is
// 0xBF0C. Its byte count is the number of significant bytes; the first byte is
// never 00 (00 is padding, EMV 4.4 Book 3, Annex B1).
using Tag = std::uint32_t;

// ISO/IEC 8825-1:2021, 8.1.2.2: b8-b7 of the first tag byte.
enum class TagClass { Universal, Application, ContextSpecific, Private };

// EMV 4.4 Book 3, Annex B1 allows up to three tag bytes; we accept four (the
// width of Tag) and reject longer tags as malformed.
constexpr std::size_t kMaxTagBytes = 4;

// First byte of the tag (its most significant non-zero byte).
std::uint8_t tagFirstByte(Tag tag);
std::size_t tagByteCount(Tag tag);
TagClass tagClass(Tag tag);
// ISO/IEC 8825-1:2021, 8.1.2.5: b6 of the first byte set means constructed.
bool isConstructed(Tag tag);
// True when the bytes of `tag` form exactly one well-formed tag: the first byte
// is not 00 or FF, the low five bits 11111 announce subsequent bytes, each subsequent
// byte but the last has b8 set, the last has b8 clear.
bool isValidTag(Tag tag);

// "9F02".
std::string tagToHex(Tag tag);

// Reads one tag at the start of `bytes`; `consumed` receives its byte count.
// Errors: Truncated when the tag runs past the end, Malformed when it is
// longer than kMaxTagBytes.
Result<Tag> readTag(ByteView bytes, std::size_t& consumed);
// Appends the tag's bytes. `tag` must be valid (isValidTag).
void appendTag(Bytes& out, Tag tag);

} // namespace cardlink::tlv
