#pragma once

#include "dukpt/KeyType.h"
#include "pin/SecretBytes.h"

namespace cardlink::dukpt {

// The working keys of one transaction (ANSI X9.24-3-2017, 6.3 key usage
// indicators), named from the terminal's side. CardLink's use of them
// (docs/dukpt.md): the terminal enciphers the PIN block under pinEncryption,
// MACs its requests under macGeneration and checks the host's responses
// under macVerification; the host does the mirror image with the same keys.
struct WorkingKeys
{
    KeyType type = KeyType::Aes128;
    pin::SecretBytes pinEncryption;   // usage 1000
    pin::SecretBytes macGeneration;   // usage 2000: request MACs
    pin::SecretBytes macVerification; // usage 2001: response MACs
    pin::SecretBytes dataEncryption;  // usage 3000: request data
    pin::SecretBytes dataDecryption;  // usage 3001: response data
};

} // namespace cardlink::dukpt
