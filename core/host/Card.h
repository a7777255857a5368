#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "util/Bytes.h"

namespace cardlink::host {

// What the issuer has decided about a card. A card that is not Active is
// declined whatever its cryptogram says.
enum class CardStatus {
    Active,
    Blocked,  // 62 (restricted card); an APPLICATION/CARD BLOCK script may be pending
    Lost,     // 41
    Stolen,   // 43
    Inactive, // 78 (not yet activated)
};

// An issuer script the host owes the card, sent in field 55 (tags 71/72) of
// the next online authorization (EMV 4.4 Book 3, 10.10; Book 2, 9.2).
enum class PendingScript {
    None,
    ApplicationBlock, // APPLICATION BLOCK, '84 1E'
    CardBlock,        // CARD BLOCK, '84 16'
    PinUnblock,       // PIN CHANGE/UNBLOCK without a new PIN, '84 24 00 00'
};

// How the card checks the issuer's answer (EMV 4.4 Book 2, 8.2), as personalised.
enum class ArpcMethod { Method1, Method2 };

const char* cardStatusName(CardStatus status);
const char* pendingScriptName(PendingScript script);

// A card the host issued, keyed by (PAN, PSN).
struct Card
{
    std::string pan;      // digits only
    std::uint8_t psn = 0; // PAN sequence number 0..99 (field 23; tag 5F34 as BCD)
    std::string expiry;   // YYMM, as tag 5F24 / field 14
    CardStatus status = CardStatus::Active;
    PendingScript pendingScript = PendingScript::None;
    std::string issuerKeysId; // IssuerKeys::id (3DES or AES scheme)
    std::string accountId;    // the cardholder account debited
    ArpcMethod arpcMethod = ArpcMethod::Method1;
    unsigned scriptMacLength = 8; // 4..8 bytes (Book 2, 9.2.1)

    // Online PIN: a keyed hash of the PIN (core/pin PIN verification value),
    // never the PIN. Empty = no online PIN registered (a PIN block is then
    // declined with 55).
    Bytes pinVerificationValue;
    unsigned pinTryCount = 0; // wrong online PINs in a row
    unsigned pinTryLimit = 3; // at the limit: 75 until a PIN unblock

    // ATC replay check: an ARQC whose ATC is not above the last one seen is a
    // replay (declined); one more than `atcWindow` above is refused too.
    std::optional<std::uint16_t> lastAtc;
    std::uint16_t atcWindow = 1000;

    // Optimistic concurrency: bumped by the store on every CardUpdate.
    std::uint64_t version = 0;
};

} // namespace cardlink::host
