#include "ExitCode.h"

namespace cardlink::cli {

ExitCode exitCodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Malformed:
    case ErrorCode::Truncated:
        return ExitCode::BadInput;
    case ErrorCode::InvalidArgument:
        return ExitCode::Usage;
    case ErrorCode::NoService:
        return ExitCode::NoService;
    case ErrorCode::NoReaders:
    case ErrorCode::NotFound:
        return ExitCode::NoReader;
    case ErrorCode::CardRemoved:
        return ExitCode::NoCard;
    case ErrorCode::Io:
    case ErrorCode::Unsupported:
        return ExitCode::CardIo;
    case ErrorCode::Timeout:
        return ExitCode::Timeout;
    case ErrorCode::Cancelled:
    case ErrorCode::Internal:
        break;
    }
    return ExitCode::Internal;
}

const char* exitCodeHelp()
{
    return "Exit codes:\n"
           "  0  success\n"
           "  1  internal error\n"
           "  2  bad command line (unknown command or option, missing argument)\n"
           "  3  malformed input (hex, ATR or APDU)\n"
           "  4  pcscd is not running\n"
           "  5  no reader, or the reader asked for does not exist\n"
           "  6  no card in the reader, or the card was removed\n"
           "  7  communication with the reader or the card failed\n"
           "  8  timed out (watch --timeout before --count events)\n"
           "  9  the card answered a command with an error status word\n"
           " 10  pay: declined (offline, by the issuer, or by the default action codes)\n"
           " 11  pay: cancelled (no PIN given, PIN entry cancelled)\n"
           " 12  pay/read: card not accepted (no application in common, blocked)\n"
           " 13  pay/read: card error (the card's answers break the EMV rules)\n";
}

} // namespace cardlink::cli
