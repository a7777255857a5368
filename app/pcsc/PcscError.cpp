#include "PcscError.h"

#include <cstdio>
#include <string>

namespace cardlink::pcsc {

ErrorCode pcscErrorCode(LONG rv)
{
    switch (rv) {
    case SCARD_E_NO_SERVICE:
    case SCARD_E_SERVICE_STOPPED:
    case SCARD_P_SHUTDOWN:
        return ErrorCode::NoService;
    case SCARD_E_NO_READERS_AVAILABLE:
        return ErrorCode::NoReaders;
    case SCARD_W_REMOVED_CARD:
    case SCARD_E_NO_SMARTCARD:
        return ErrorCode::CardRemoved;
    case SCARD_E_TIMEOUT:
    case SCARD_F_WAITED_TOO_LONG:
        return ErrorCode::Timeout;
    case SCARD_E_CANCELLED:
    case SCARD_E_SYSTEM_CANCELLED:
    case SCARD_W_CANCELLED_BY_USER:
        return ErrorCode::Cancelled;
    case SCARD_E_UNKNOWN_READER:
    case SCARD_E_READER_UNAVAILABLE:
        return ErrorCode::NotFound;
    case SCARD_E_INVALID_PARAMETER:
    case SCARD_E_INVALID_VALUE:
    case SCARD_E_INVALID_HANDLE:
    case SCARD_E_INSUFFICIENT_BUFFER:
    case SCARD_E_PCI_TOO_SMALL:
        return ErrorCode::InvalidArgument;
    case SCARD_W_UNSUPPORTED_CARD:
    case SCARD_E_CARD_UNSUPPORTED:
    case SCARD_E_READER_UNSUPPORTED:
    case SCARD_E_UNSUPPORTED_FEATURE:
    case SCARD_E_PROTO_MISMATCH:
        return ErrorCode::Unsupported;
    case SCARD_F_INTERNAL_ERROR:
    case SCARD_E_NO_MEMORY:
    case SCARD_F_UNKNOWN_ERROR:
        return ErrorCode::Internal;
    default:
        // Sharing violations, unresponsive or unpowered cards, communication
        // errors, SCARD_W_RESET_CARD that was not recovered, ...
        return ErrorCode::Io;
    }
}

Error pcscError(LONG rv, std::string_view operation)
{
    const ErrorCode code = pcscErrorCode(rv);
    char number[16];
    std::snprintf(number, sizeof number, "0x%08lX", static_cast<unsigned long>(rv) & 0xFFFFFFFFul);

    std::string message(operation);
    message += ": ";
    if (code == ErrorCode::NoService)
        message += "the PC/SC service (pcscd) is not running";
    else
        message += pcsc_stringify_error(rv);
    message += " (";
    message += number;
    message += ')';
    return makeError(code, std::move(message));
}

} // namespace cardlink::pcsc
