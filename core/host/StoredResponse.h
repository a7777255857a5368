#pragma once

#include "host/Money.h"
#include "util/Bytes.h"

#include <cstdint>
#include <string>

namespace cardlink::host {

// Identifies a request for repeats: (terminal, STAN, transmission date-time),
// fields 41, 11 and 7 (ARCHITECTURE.md: a repeat is the same message).
struct RequestKey
{
    std::string terminalId;
    std::string stan;                 // 6 digits
    std::string transmissionDateTime; // 10 digits MMDDhhmmss

    bool operator==(const RequestKey&) const = default;
    auto operator<=>(const RequestKey&) const = default;
};

enum class ReversalState {
    NotReversible, // nothing was posted (declines, 0800, 0500, reversals)
    Posted,        // an approval or advice with postings that a reversal may undo
    Reversed,      // its opposite has been posted; further reversals post nothing
};

// The answer the host gave to a request, kept so that a repeat gets the same
// bytes and a reversal finds what to undo.
struct StoredResponse
{
    RequestKey key;
    Bytes requestHash; // SHA-256 over the request's content (see docs/host.md)
    std::string requestMti;
    Bytes response;           // the encoded response message, without the length header
    std::string responseCode; // field 39

    // For reversals (0400/0401 find the original by field 90) and
    // reconciliation.
    ReversalState reversal = ReversalState::NotReversible;
    Money amount = 0;            // what was posted
    std::string debitAccountId;  // cardholder
    std::string creditAccountId; // merchant
    std::uint32_t batchNumber = 0;
    std::string reference; // field 37

    // A tombstone: a reversal named this request before the host saw it
    // (docs/host.md, "Reversals"). It holds the key, the original's MTI from
    // field 90 and state Reversed, but no request hash and no response: the
    // original, should it still arrive, is refused (79) and never posts.
    static StoredResponse tombstone(RequestKey key, std::string requestMti, std::string reference)
    {
        StoredResponse stored;
        stored.key = std::move(key);
        stored.requestMti = std::move(requestMti);
        stored.responseCode = kTombstoneCode;
        stored.reversal = ReversalState::Reversed;
        stored.reference = std::move(reference);
        return stored;
    }
    // Every answered request has a SHA-256 hash; only a tombstone has none.
    bool isTombstone() const { return requestHash.empty(); }

    // Field 39 for an original that arrives after its reversal: ISO 8583:1987
    // leaves 76-89 to private use; CardLink's 79 = "reversed before it arrived".
    static constexpr const char* kTombstoneCode = "79";
};

} // namespace cardlink::host
