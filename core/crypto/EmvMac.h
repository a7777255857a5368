#pragma once

#include "crypto/BlockCipher.h"
#include "crypto/Padding.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>

namespace cardlink::crypto {

constexpr std::size_t kEmvMacLength = 8;

// The MAC of EMV 4.4 Book 2, Annex A1.2, used for application cryptograms
// (8.1.2), ARPC method 2 (8.2.2) and secure messaging (9.2):
//   Des: ISO/IEC 9797-1 MAC algorithm 3 with single DES and a 16-byte key
//        (A1.2.1), padding method 2 unless a scheme says otherwise (some
//        scheme cryptogram versions pad with zeros, i.e. method 1);
//   Aes: CMAC, ISO/IEC 9797-1 MAC algorithm 5 (A1.2.2); `padding` is unused
//        because CMAC pads by itself.
// `macLength` 1..8 bytes, leftmost.
Result<Bytes> emvMac(CipherAlgorithm algorithm, ByteView key, ByteView data,
                     std::size_t macLength = kEmvMacLength, Padding padding = Padding::Method2);

} // namespace cardlink::crypto
