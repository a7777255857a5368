#pragma once

#include "emv/TransactionData.h"
#include "emv/Tvr.h"
#include "util/Bytes.h"

#include <string>

namespace cardlink::emv {

enum class OutcomeKind {
    ApprovedOffline,
    ApprovedOnline,
    Declined,       // offline or online: see `online` and `reason`
    GoOnlineFailed, // unable to go online, then decided by the default codes: see `approved`
    CardError,      // the card misbehaved: see `reason` and `action`
    Cancelled,      // the cardholder or the operator cancelled
    CardBlocked,    // SELECT answered 6A81 (EMV 4.4 Book 1, 12.3.2)
    NotAccepted,    // no application in common with the terminal
};

const char* outcomeKindName(OutcomeKind kind);

// The end of a transaction and everything the receipt, the journal and the
// host message need. `data` holds every data object (card and terminal side,
// TVR 95, TSI 9B, CVM results 9F34, cryptogram 9F26, CID 9F27, ATC 9F36, AID
// 4F/84 ...). The PIN is never part of it.
struct TransactionOutcome
{
    OutcomeKind kind = OutcomeKind::CardError;
    bool online = false;   // Declined: declined by the host (true) or offline
    bool approved = false; // GoOnlineFailed: approved (true) or declined by default codes
    std::string reason;    // why, in words, for the log and the operator
    std::string action;    // CardError: what to do next ("remove and retry", ...)
    bool signatureRequired = false;

    TransactionData data;
    Tvr tvr;
    Tsi tsi;
    Bytes aid;             // 84 of the selected application (empty before selection)
    std::string label;     // Application Label / Preferred Name for the receipt
    std::string maskedPan; // first 6, last 4
};

} // namespace cardlink::emv
