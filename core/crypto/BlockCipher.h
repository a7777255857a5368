#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>

namespace cardlink::crypto {

// The block cipher family. The key length selects the variant:
//   Des: 8 bytes single DES, 16 bytes two-key TDES (K1 K2 K1), 24 bytes
//        three-key TDES (ISO/IEC 18033-3, ANSI X9.52 EDE);
//   Aes: 16, 24 or 32 bytes (FIPS 197).
enum class CipherAlgorithm { Des, Aes };

// ISO/IEC 10116 modes. CBC uses a zero IV unless one is given, which is what
// EMV (Book 2, A1.1) and ISO/IEC 9797-1 expect.
enum class CipherMode { Ecb, Cbc };

constexpr std::size_t kDesBlockSize = 8;
constexpr std::size_t kAesBlockSize = 16;

constexpr std::size_t blockSize(CipherAlgorithm algorithm)
{
    return algorithm == CipherAlgorithm::Des ? kDesBlockSize : kAesBlockSize;
}

// InvalidArgument unless the key length is one of those listed above.
Result<void> checkKeyLength(CipherAlgorithm algorithm, ByteView key);

// No padding is applied: `data` must be a whole number of blocks (use
// Padding.h first). An empty `iv` means all zeros; otherwise it must be one
// block. Key schedules and temporary key copies are wiped before returning.
Result<Bytes> encrypt(CipherAlgorithm algorithm, ByteView key, ByteView data,
                      CipherMode mode = CipherMode::Ecb, ByteView iv = {});
Result<Bytes> decrypt(CipherAlgorithm algorithm, ByteView key, ByteView data,
                      CipherMode mode = CipherMode::Ecb, ByteView iv = {});

// Exactly one block in, one block out.
Result<Bytes> encryptBlock(CipherAlgorithm algorithm, ByteView key, ByteView block);
Result<Bytes> decryptBlock(CipherAlgorithm algorithm, ByteView key, ByteView block);

} // namespace cardlink::crypto
