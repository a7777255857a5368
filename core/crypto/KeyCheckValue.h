#pragma once

#include "crypto/BlockCipher.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>

namespace cardlink::crypto {

// How a key check value (KCV) is computed. ANSI X9.24-1:2017 describes both
// (cited from memory of the standard's text, not re-checked here); which one
// a counterpart expects is a matter of its documentation, so the caller
// chooses.
enum class KcvMethod {
    // Legacy: encrypt one block of binary zeros (ECB) and keep the leftmost
    // bytes; default 3 bytes, the figure printed on key component forms for
    // TDES keys. The same construction on an AES key is the legacy AES KCV.
    ZeroBlock,
    // CMAC of one block of binary zeros, leftmost 5 bytes by default: the
    // X9.24-1:2017 method meant for AES keys. Needs TDES (16/24 bytes) or
    // AES.
    Cmac,
};

constexpr std::size_t kKcvLegacyLength = 3;
constexpr std::size_t kKcvCmacLength = 5;

// `length` 0 means the method's default; otherwise 1..block size.
Result<Bytes> keyCheckValue(CipherAlgorithm algorithm, ByteView key,
                            KcvMethod method = KcvMethod::ZeroBlock, std::size_t length = 0);

} // namespace cardlink::crypto
