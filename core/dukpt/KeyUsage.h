#pragma once

#include <cstdint>

namespace cardlink::dukpt {

// Key usage indicator, bytes 2-3 of the derivation data (ANSI X9.24-3-2017,
// 6.3, the derivation data's "Key Usage Indicator"). The values are the standard's; the
// published test vectors (PIN, MAC generation and data encryption keys of
// the AES-128 BDK example) pin down 1000, 2000 and 3000.
enum class KeyUsage : std::uint16_t {
    KeyEncryptionKey = 0x0002,
    PinEncryption = 0x1000,
    MacGeneration = 0x2000,
    MacVerification = 0x2001,
    MacBothWays = 0x2002,
    DataEncryptionEncrypt = 0x3000,
    DataEncryptionDecrypt = 0x3001,
    DataEncryptionBothWays = 0x3002,
    KeyDerivation = 0x8000,           // intermediate derivation keys
    KeyDerivationInitialKey = 0x8001, // BDK -> initial key
};

// "PIN encryption", for CLI output and error messages.
const char* keyUsageName(KeyUsage usage);

} // namespace cardlink::dukpt
