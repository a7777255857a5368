#pragma once

#include "crypto/BlockCipher.h"
#include "util/Bytes.h"

#include <string>

namespace cardlink::host {

// One issuer master key set (EMV 4.4 Book 2, A1.4): the ICC master keys of a
// card are derived from these with its PAN and PSN. `algorithm` is the card's
// cryptogram scheme: Des = 3DES (16-byte keys), Aes = AES (16/24/32 bytes).
struct IssuerKeys
{
    std::string id;
    crypto::CipherAlgorithm algorithm = crypto::CipherAlgorithm::Des;
    Bytes applicationCryptogram;          // IMK-AC: ARQC check, ARPC
    Bytes secureMessagingIntegrity;       // IMK-SMI: issuer script MACs
    Bytes secureMessagingConfidentiality; // IMK-SMC: enciphered script data (unused yet)
    Bytes pinVerification;                // key of the PIN verification value (keyed hash)
};

} // namespace cardlink::host
