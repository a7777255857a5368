#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace cardlink::pin {

// What the host stores instead of a PIN: a keyed hash of the PAN and the PIN
// under a host secret (docs/dukpt.md, "PIN verification value"):
//
//   PVV = HMAC-SHA256(key, 01 || len(PAN) || PAN || len(PIN) || PIN)
//
// with PAN and PIN as ASCII digits and the lengths as one byte each, so no
// two (PAN, PIN) pairs give the same input. Binding the PAN means a PVV
// copied to another card does not verify. Without the key a stolen table of
// PVVs cannot be searched for PINs; the key lives outside the database.
// The buffer that holds the PIN for hashing is a SecretBytes.
class PinVerificationValue
{
public:
    static constexpr std::size_t kSize = 32;
    static constexpr std::size_t kMinKeySize = 16;
    static constexpr std::uint8_t kVersion = 0x01;

    // `pin` is 4-12 ASCII digits, `pan` 1-19 digits, `key` at least 16 bytes;
    // InvalidArgument otherwise (the message never holds the PIN).
    static Result<Bytes> compute(ByteView key, std::string_view pan, ByteView pin);
    // Recomputes and compares in constant time. An `expected` of the wrong
    // size is simply no match.
    static Result<bool> matches(ByteView key, std::string_view pan, ByteView pin,
                                ByteView expected);
};

} // namespace cardlink::pin
