#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace cardlink::sim::emv {

// The test cards the personalisation tool makes (docs/emv-test-cards.md):
// one per offline data authentication method, one per cardholder
// verification method, and the failure cases.
enum class CardKind {
    Sda,           // SDA, offline plaintext PIN, format 1 responses
    Dda,           // DDA, offline plaintext PIN
    Cda,           // CDA (and DDA), offline plaintext PIN, AES cryptograms
    PinPlaintext,  // DDA, CVM list: offline plaintext PIN first
    PinEnciphered, // DDA, CVM list: offline enciphered PIN first
    PinOnline,     // DDA, CVM list: online PIN first
    Signature,     // DDA, CVM list: signature
    NoCvm,         // DDA, CVM list: no CVM required
    PinBlocked,    // as PinPlaintext with the PIN try counter at 0
    Expired,       // as PinPlaintext with an expiration date in the past
    AppBlocked,    // as PinPlaintext with the application blocked
};

std::string_view cardKindName(CardKind kind); // "sda", "pin-enciphered", ...
std::optional<CardKind> cardKindFromName(std::string_view name);
std::span<const CardKind> allCardKinds();

} // namespace cardlink::sim::emv
