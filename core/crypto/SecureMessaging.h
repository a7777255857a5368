#pragma once

#include "crypto/BlockCipher.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>
#include <cstdint>

namespace cardlink::crypto {

// Issuer script command MAC, EMV 4.4 Book 2, 9.2 (secure messaging for
// integrity and authentication). The MAC is the A1.2 MAC (EmvMac.h) under the
// secure-messaging integrity session key (SessionKey.h from MK_SMI and the
// ATC) over
//   CLA INS P1 P2 || Lc || ATC || Application Cryptogram || command data
// where Lc counts the command data plus the MAC that will be appended, CLA
// already has the secure-messaging bits set (e.g. '84'), and the cryptogram
// is the one from the card's (first) GENERATE AC response in this
// transaction. `header` is CLA INS P1 P2 (4 bytes), `cryptogram` 8 bytes,
// `macLength` 4..8 (9.2: the issuer chooses s, 4 <= s <= 8).
Result<Bytes> scriptCommandMac(CipherAlgorithm algorithm, ByteView sessionKey, ByteView header,
                               std::uint16_t atc, ByteView cryptogram, ByteView commandData,
                               std::size_t macLength = 8);

// The complete command APDU: header || Lc || command data || MAC (short
// APDU, no Le), Lc as above.
Result<Bytes> buildScriptCommand(CipherAlgorithm algorithm, ByteView sessionKey, ByteView header,
                                 std::uint16_t atc, ByteView cryptogram, ByteView commandData,
                                 std::size_t macLength = 8);

} // namespace cardlink::crypto
