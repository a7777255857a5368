#pragma once

#include "util/Result.h"

namespace cardlink::cli {

// cardlink-cli's exit status; distinct per kind of failure so scripts can act
// on it. The table is printed by `cardlink-cli --help` (see exitCodeHelp()).
enum class ExitCode {
    Ok = 0,
    Internal = 1,
    Usage = 2,      // unknown command or option, missing argument
    BadInput = 3,   // malformed hex, ATR or APDU
    NoService = 4,  // pcscd is not running
    NoReader = 5,   // no reader, or the one asked for does not exist
    NoCard = 6,     // no card in the reader, or it was removed
    CardIo = 7,     // the reader or the card failed to communicate
    Timeout = 8,    // watch --timeout passed before --count events
    CardStatus = 9, // the card answered a command with an error status word
    // EMV transaction outcomes (pay) and card findings (read):
    Declined = 10,    // declined offline, online, or by the default action codes
    Cancelled = 11,   // cancelled (PIN entry cancelled or no PIN given)
    NotAccepted = 12, // no application in common, application or card blocked
    CardError = 13,   // the card's answers break the EMV rules
};

ExitCode exitCodeFor(ErrorCode code);

// The "Exit codes:" block of the global help.
const char* exitCodeHelp();

} // namespace cardlink::cli
