#pragma once

#include "crypto/BlockCipher.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>

namespace cardlink::crypto {

// CMAC (NIST SP 800-38B; RFC 4493 for AES-128; ISO/IEC 9797-1:2011 MAC
// algorithm 5). Works with AES (16/24/32-byte keys) and TDES (16 or 24 bytes,
// SP 800-38B's TDEA examples; single DES is refused). `macLength` 0 means the
// whole block; otherwise 1..block size bytes, the leftmost (SP 800-38B, 6.2
// step 7: MSB_Tlen). EMV's AES MAC takes 8 bytes (Book 2, A1.2.2).
Result<Bytes> cmac(CipherAlgorithm algorithm, ByteView key, ByteView data,
                   std::size_t macLength = 0);

} // namespace cardlink::crypto
