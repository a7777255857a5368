#pragma once

#include "tlv/TlvObject.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <span>

namespace cardlink::tlv {

// Serialises objects as BER-TLV with the shortest length fields (DER rule,
// ISO/IEC 8825-1:2021, 10.1), so encode(parse(x)) == x for canonical x (no
// padding, minimal lengths). A constructed object is encoded from its
// children. InvalidArgument for an invalid tag, a primitive object with
// children, a constructed one with a value, nesting deeper than kMaxDepth or a
// length beyond kMaxLength.
Result<Bytes> encode(const TlvObject& object);
Result<Bytes> encode(std::span<const TlvObject> objects);

} // namespace cardlink::tlv
