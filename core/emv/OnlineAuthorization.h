#pragma once

#include "emv/TransactionData.h"
#include "emv/Tvr.h"
#include "pin/SecretBytes.h"
#include "util/Bytes.h"

#include <functional>

namespace cardlink::emv {

// What the kernel hands to the host layer after the card asked for an ARQC:
// every data object of the transaction (the ARQC 9F26, 9F27, 9F36, 9F10, TVR
// 95 ... for ISO 8583 field 55) and the online PIN when one was captured
// (ASCII digits; the host layer enciphers it and must not log or keep it).
struct OnlineRequest
{
    TransactionData data;
    bool hasOnlinePin = false;
    pin::SecretBytes onlinePin;
};

enum class OnlineDecision { Approved, Declined, UnableToGoOnline };

// The host's answer (EMV 4.4 Book 3, 10.9 and 10.10). `issuerScripts` holds
// zero or more complete 71/72 templates (tag, length, value) as received.
struct OnlineResponse
{
    OnlineDecision decision = OnlineDecision::UnableToGoOnline;
    Bytes authorisationResponseCode; // 8A, 2 bytes an ("00", "05")
    Bytes issuerAuthenticationData;  // 91, 8..16 bytes
    Bytes issuerScripts;             // 71/72 templates
    Bytes authorisationCode;         // 89, 6 bytes an
};

// The host layer: called on the kernel's worker thread; may block until the
// host answers or the link gives up (then UnableToGoOnline).
using OnlineAuthorizer = std::function<OnlineResponse(const OnlineRequest&)>;

} // namespace cardlink::emv
