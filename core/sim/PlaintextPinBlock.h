#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

namespace cardlink::sim {

// The plaintext PIN block EMV sends in VERIFY (EMV 4.4 Book 3, 6.5.12, which
// uses ISO 9564-1 format 2): 8 bytes, control nibble 2, PIN length N (4..12),
// N PIN digits as BCD nibbles, filler nibbles F:
//   24 12 34 FF FF FF FF FF  (PIN 1234)
class PlaintextPinBlock
{
public:
    static constexpr std::size_t kSize = 8;

    // The PIN as ASCII digits. The caller must secureWipe() the result. Error
    // messages never contain digits of the block.
    static Result<Bytes> decode(ByteView block);
};

} // namespace cardlink::sim
