#pragma once

#include "util/Bytes.h"

#include <array>
#include <cstdint>

namespace cardlink::emv {

// EMV 4.4 Book 2, Annex B2.1 / A2.1: hash algorithm 01 = SHA-1, public key
// algorithm 01 = RSA. Nothing else is defined.
constexpr std::uint8_t kHashAlgorithmSha1 = 0x01;
constexpr std::uint8_t kPkAlgorithmRsa = 0x01;
constexpr std::size_t kRidLength = 5;

// One Certification Authority public key as the terminal stores it (EMV 4.4
// Book 2, 11.2.2, table 29): RID, CA Public Key Index (tag 8F on the card),
// algorithms, modulus, exponent, expiry and the SHA-1 checksum over
// RID || index || modulus || exponent.
struct CaPublicKey
{
    std::array<std::uint8_t, kRidLength> rid{};
    std::uint8_t index = 0;
    std::uint8_t hashAlgorithm = kHashAlgorithmSha1;
    std::uint8_t pkAlgorithm = kPkAlgorithmRsa;
    Bytes modulus;
    Bytes exponent;
    // YYMMDD, numeric (n 6). The key is valid up to and including this date.
    std::array<std::uint8_t, 3> expiry{};
    Bytes checksum; // 20 bytes

    // Book 2, 11.2.2: an expired CA key must not be used. `transactionDate`
    // is tag 9A (YYMMDD BCD, 3 bytes); a malformed date counts as expired.
    bool isExpiredAt(ByteView transactionDate) const;
    // Checksum over RID || index || modulus || exponent (Book 2, 11.2.2).
    Bytes computeChecksum() const;
};

} // namespace cardlink::emv
