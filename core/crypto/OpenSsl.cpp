#include "crypto/OpenSsl.h"

#include <openssl/err.h>

#include <string>

namespace cardlink::crypto::detail {

Error opensslError(std::string_view what)
{
    std::string message(what);
    const unsigned long code = ERR_get_error();
    if (code != 0) {
        char text[256] = {};
        ERR_error_string_n(code, text, sizeof text);
        message += ": ";
        message += text;
    }
    ERR_clear_error();
    return makeError(ErrorCode::Internal, std::move(message));
}

} // namespace cardlink::crypto::detail
