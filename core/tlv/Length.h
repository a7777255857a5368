#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>
#include <cstdint>

namespace cardlink::tlv {

// Largest length a BER-TLV length field can carry here: 84 plus four bytes.
constexpr std::uint64_t kMaxLength = 0xFFFFFFFF;

// Reads a BER length field (ISO/IEC 8825-1:2021, 8.1.3; EMV 4.4 Book 3,
// Annex B2) at the start of `bytes`: one byte 00..7F, or 81..84 followed by
// one to four length bytes. Non-minimal long forms (81 05) are accepted.
// Errors: Truncated when the field runs past the end; Malformed for the
// indefinite form 80 (not allowed in EMV) and for 85..FF.
Result<std::size_t> readLength(ByteView bytes, std::size_t& consumed);

// Appends `length` in the shortest form (DER rule, ISO/IEC 8825-1:2021,
// 10.1). `length` must not exceed kMaxLength.
void appendLength(Bytes& out, std::size_t length);

} // namespace cardlink::tlv
