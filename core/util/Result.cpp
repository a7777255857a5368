#include "util/Result.h"

namespace cardlink {

const char* errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::Malformed:
        return "malformed";
    case ErrorCode::Truncated:
        return "truncated";
    case ErrorCode::InvalidArgument:
        return "invalid argument";
    case ErrorCode::Unsupported:
        return "unsupported";
    case ErrorCode::NotFound:
        return "not found";
    case ErrorCode::Io:
        return "I/O error";
    case ErrorCode::CardRemoved:
        return "card removed";
    case ErrorCode::NoService:
        return "PC/SC service not running";
    case ErrorCode::NoReaders:
        return "no readers";
    case ErrorCode::Timeout:
        return "timeout";
    case ErrorCode::Cancelled:
        return "cancelled";
    case ErrorCode::Internal:
        return "internal error";
    }
    return "unknown error";
}

std::string Error::describe() const
{
    std::string text = errorCodeName(code);
    if (!message.empty()) {
        text += ": ";
        text += message;
    }
    return text;
}

} // namespace cardlink
