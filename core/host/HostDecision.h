#pragma once

#include "host/CommitUnit.h"
#include "util/Bytes.h"

#include <optional>
#include <string>
#include <vector>

namespace cardlink::host {

enum class Disposition {
    Respond, // send `response` (after committing `unit`, when there is one)
    Close,   // no answer possible (not ISO 8583, unknown MTI, bad MAC): close the link
};

// What the engine decided for one request.
struct HostDecision
{
    Disposition disposition = Disposition::Close;
    Bytes response;           // the encoded response, without the length header
    std::string responseCode; // field 39, empty when closing
    // The changes to commit before `response` may be sent. Absent for answers
    // that change nothing (a repeat's stored response, 94, format errors).
    std::optional<CommitUnit> unit;
    bool repeat = false; // `response` is a stored response sent again
    // Lines for the server's log; PANs masked, never a PIN.
    std::vector<std::string> log;
};

} // namespace cardlink::host
