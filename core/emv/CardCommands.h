#pragma once

#include "iso7816/Apdu.h"
#include "tlv/Tag.h"
#include "util/Bytes.h"

#include <cstdint>

namespace cardlink::emv::commands {

// The EMV commands the kernel sends (EMV 4.4 Book 3, 6.5). Every command
// that returns data asks for up to 256 bytes (Le = 00, Book 1, 9.4.1).

// Book 1, 11.3.2: P1 = 04 select by name; P2 = 00 first occurrence, 02 next.
iso7816::CommandApdu select(ByteView name, bool nextOccurrence = false);
// Book 3, 6.5.11: P2 = SFI << 3 | 4 (P1 is a record number).
iso7816::CommandApdu readRecord(std::uint8_t sfi, std::uint8_t record);
// Book 3, 6.5.8: GET PROCESSING OPTIONS with the command template 83.
iso7816::CommandApdu getProcessingOptions(ByteView pdolData);
// Book 3, 6.5.7: GET DATA for a two-byte tag (9F36, 9F13, 9F17).
iso7816::CommandApdu getData(tlv::Tag tag);
// Book 3, 6.5.5: P1 = reference control parameter (cryptogram type | CDA bit).
iso7816::CommandApdu generateAc(std::uint8_t p1, ByteView cdolData);
// Book 3, 6.5.4: the Issuer Authentication Data 91 as received.
iso7816::CommandApdu externalAuthenticate(ByteView issuerAuthenticationData);

} // namespace cardlink::emv::commands
