#pragma once

#include "iso8583/Message.h"
#include "iso8583/Profile.h"

#include <string>

namespace cardlink::iso8583 {

// A readable dump for traces, the CLI and the diagnostics screen, one line per
// field, names from the profile:
//   MTI 0100 Authorization request
//   002 Primary account number [16] 476173…0010
//   004 Amount, transaction [12] "000000001234"
//   052 PIN data (enciphered PIN block) ****
//   055 ICC system related data (EMV) [45]
//       5A Application Primary Account Number (PAN) [8] 476173…0010
//       9F26 Application Cryptogram [8] A1B2C3D4E5F60708
//   064 Message authentication code [8] 0102030405060708
// Text is quoted, with '"' and '\' escaped and anything outside printable
// ASCII written as \xNN; b fields are hex; field 39 adds the code's meaning.
// Cardholder and PIN data never appear in clear (ARCHITECTURE.md, security
// rules). Fields the profile marks sensitive are shown as:
// - n (the PAN): first six and last four digits (maskPan);
// - z (track 2): the PAN masked that way, the rest after '=' hidden;
// - field 55 (ICC data): as a BER-TLV tree with tlv::dump's masking of 5A, 57
//   and the other card data tags, or its length only when it is not BER-TLV;
// - anything else (the PIN block): "****", without even the length.
// A field the profile does not define is hidden too (its length is shown).
std::string dump(const Message& message, const Profile& profile);

} // namespace cardlink::iso8583
