#pragma once

#include "tlv/TlvObject.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>
#include <vector>

namespace cardlink::tlv {

// Deepest nesting accepted: top-level objects are level 1; a constructed
// object at level kMaxDepth must be empty. Bounds the parser's recursion on
// data from a card or a host.
constexpr std::size_t kMaxDepth = 16;

// Decodes a sequence of BER-TLV objects (EMV 4.4 Book 3, Annex B), recursing
// into constructed ones. 00 and FF bytes before, between and after objects are
// padding and skipped (Annex B1; ISO/IEC 7816-4:2005, 5.2.2.1).
// Errors (with the byte offset in the message):
// - Truncated: a tag, length field or value runs past the end of its parent;
// - Malformed: a tag longer than kMaxTagBytes, indefinite length (80), a
//   length field of more than four bytes, nesting deeper than kMaxDepth.
Result<std::vector<TlvObject>> parse(ByteView data);

} // namespace cardlink::tlv
