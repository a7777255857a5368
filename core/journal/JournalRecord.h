#pragma once

#include "util/Bytes.h"

#include <cstdint>
#include <string>

namespace cardlink::journal {

// Where a sale stands. Online: Pending (written before the first host message
// leaves) -> Sent -> Authorized | Declined -> Completed (after the card's
// second GENERATE AC) | Reversed. Offline: Pending -> Completed (TC at the
// first GENERATE AC) -> AdviceSent.
enum class JournalState { Pending, Sent, Authorized, Declined, Completed, Reversed, AdviceSent };

// How the card's last cryptogram settled the sale (EMV 4.4 Book 3, 6.5.5.4).
enum class CryptogramKind { None, Aac, Tc, Arqc };

enum class AuthorizationMode { Online, Offline };

// One transaction as the terminal journal keeps it. Never a PIN; the PAN only
// masked (first 6, last 4) plus a keyed token to match a card again. The
// request is stored without the fields that carry card or PIN secrets (2, 35,
// 45, 52) and without its MAC (64, 128), which a rebuilt message recomputes.
struct JournalRecord
{
    std::int64_t id = 0; // assigned by Journal::begin
    std::string terminalId;
    std::uint32_t stan = 0;
    std::string transmissionDateTime; // field 7, MMDDhhmmss UTC
    std::int64_t amount = 0;          // minor units
    std::string currency;             // ISO 4217 numeric, "978"
    std::string maskedPan;
    std::string panToken; // hex HMAC of the PAN under a terminal key
    std::string aid;      // hex
    AuthorizationMode mode = AuthorizationMode::Online;
    JournalState state = JournalState::Pending;
    CryptogramKind cryptogram = CryptogramKind::None;
    std::string arc;      // 8A, two characters
    std::string authCode; // field 38
    std::string rrn;      // field 37
    Bytes request;        // encoded 0200 (online) or 0220 (offline), scrubbed
    Bytes sealedCard;     // opaque: the PAN sealed by the caller for an advice
    // The stamp of the first 0400: its 0401 repeats reuse it (the host
    // matches them by 41, 11, 7). Zero until a reversal was built.
    std::uint32_t reversalStan = 0;
    std::int64_t reversalTime = 0; // seconds since the Unix epoch
    int reversalAttempts = 0;
    int batch = 0;

    bool operator==(const JournalRecord&) const = default;
};

const char* journalStateName(JournalState state);
const char* cryptogramKindName(CryptogramKind kind);
const char* authorizationModeName(AuthorizationMode mode);
// The inverse of the name functions; false for an unknown name.
bool parseJournalState(const std::string& name, JournalState& state);
bool parseCryptogramKind(const std::string& name, CryptogramKind& kind);
bool parseAuthorizationMode(const std::string& name, AuthorizationMode& mode);

} // namespace cardlink::journal
