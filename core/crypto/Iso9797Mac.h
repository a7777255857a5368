#pragma once

#include "crypto/BlockCipher.h"
#include "crypto/Padding.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>

namespace cardlink::crypto {

// ISO/IEC 9797-1:1999, MAC algorithm 1 (CBC-MAC): CBC with a zero IV over the
// padded data under `key`, the last block is the MAC. `macLength` 0 means one
// whole block; otherwise 1..block size bytes, taken from the left (the
// standard's truncation step).
Result<Bytes> iso9797Mac1(CipherAlgorithm algorithm, ByteView key, ByteView data, Padding padding,
                          std::size_t macLength = 0);

// ISO/IEC 9797-1:1999, MAC algorithm 3, the "retail MAC" of ANSI X9.19:
// single-DES CBC under K over all blocks, then the last block is decrypted
// under K' and encrypted again under K. `key` is K || K' (16 bytes).
// `macLength` 1..8 bytes from the left; EMV uses 8 (Book 2, A1.2.1).
Result<Bytes> iso9797Mac3(ByteView key, ByteView data, Padding padding,
                          std::size_t macLength = kDesBlockSize);

} // namespace cardlink::crypto
