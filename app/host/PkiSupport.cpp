#include "PkiSupport.h"

#include <openssl/bio.h>
#include <openssl/err.h>

namespace cardlink::host {

void BioFree::operator()(bio_st* bio) const
{
    BIO_free(bio);
}

std::string bioText(bio_st* bio)
{
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

Error opensslError(const std::string& what)
{
    char buffer[256] = "unknown error";
    if (const unsigned long code = ERR_get_error())
        ERR_error_string_n(code, buffer, sizeof buffer);
    ERR_clear_error();
    return makeError(ErrorCode::Internal, "openssl: " + what + ": " + buffer);
}

} // namespace cardlink::host
