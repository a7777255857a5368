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
};

} // namespace cardlink::host
