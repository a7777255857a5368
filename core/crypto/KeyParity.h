#pragma once

#include "util/Bytes.h"

namespace cardlink::crypto {

// DES keys carry one parity bit per byte (the least significant bit); by
// convention (FIPS 46-3, 3.; ANSI X9.24) every byte has odd parity. The
// cipher ignores these bits, so adjusting them changes no ciphertext, only
// the key's bytes as stored, compared or checked.

// Sets the low bit of every byte so that the byte has an odd number of ones.
void adjustOddParity(Bytes& key);
Bytes withOddParity(ByteView key);

// True when every byte has odd parity (an empty key is trivially true).
bool hasOddParity(ByteView key);

} // namespace cardlink::crypto
