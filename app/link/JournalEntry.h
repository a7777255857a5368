#pragma once

#include "iso8583/Message.h"
#include "journal/JournalRecord.h"
#include "util/Result.h"

#include <string>

namespace cardlink::link {

struct TerminalBundle;

// A journal record for a message the terminal built (a 0100/0200 before it
// leaves, or the 0220 of an offline approval): terminal id, STAN, field 7,
// amount, currency and card from the message; the request as StoredRequest
// keeps it (no PAN, track, PIN block or MAC); the PAN only masked, as a
// token, and sealed with CardSeal under the bundle's journal key for the
// reversal or advice recovery may have to send (docs/journal.md).
class JournalEntry
{
public:
    static Result<journal::JournalRecord> fromRequest(const iso8583::Message& request,
                                                      const TerminalBundle& bundle,
                                                      journal::AuthorizationMode mode);
    // The clear PAN of a request: field 2, else the PAN part of field 35.
    static std::string panOf(const iso8583::Message& request);
};

} // namespace cardlink::link
