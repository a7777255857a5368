#pragma once

#include "journal/JournalRecord.h"
#include "pin/SecretBytes.h"
#include "util/Result.h"

#include <string>
#include <string_view>

namespace cardlink::link {

struct TerminalBundle;

// The terminal's keys for its journal (docs/journal.md, "What is never
// stored"), derived from the bundle's DUKPT initial key with HMAC-SHA256
// (RFC 2104) under a label each, so they live where the bundle lives and
// never in the journal file: the CardSeal key for the PAN a reversal or an
// advice needs, and the key of the PAN token that matches a card again.
class JournalKeys
{
public:
    static Result<pin::SecretBytes> sealKey(const TerminalBundle& bundle);
    // Hex HMAC-SHA256 of the PAN under the token key.
    static Result<std::string> panToken(const TerminalBundle& bundle, std::string_view pan);
    // CardSeal's associated data for a record: "<terminal id>/<STAN>".
    static std::string recordIdentity(const journal::JournalRecord& record);
};

} // namespace cardlink::link
