#pragma once

#include "crypto/BlockCipher.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <cstdint>

namespace cardlink::crypto {

// EMV Common Session Key derivation, EMV 4.4 Book 2, Annex A1.3, from an ICC
// master key (for application cryptograms, or for secure messaging integrity
// or confidentiality) and the Application Transaction Counter.
//   R := ATC || '00'..'00' (one block);
//   F1 := E(MK)[R0 || R1 || 'F0' || R3 ..], F2 := E(MK)[R0 || R1 || '0F' || R3 ..];
//   Des: MK 16 bytes, SK := F1 || F2 (16 bytes). Odd parity is then set;
//        that changes no result of the cipher, only the stored bytes.
//   Aes: MK 16, 24 or 32 bytes, SK := leftmost |MK| bytes of F1 || F2
//        (F2 only computed when more than one block is needed).
Result<Bytes> deriveSessionKey(CipherAlgorithm algorithm, ByteView masterKey, std::uint16_t atc);

} // namespace cardlink::crypto
