#pragma once

#include "util/Result.h"

#include <memory>
#include <string>

struct evp_pkey_st;

namespace cardlink::host {

// An ECDSA P-256 key pair (OpenSSL EVP_PKEY) for the terminal CA, the host's
// TLS server key and the terminals' client keys.
class PkiKey
{
public:
    static Result<PkiKey> generate();
    static Result<PkiKey> fromPem(const std::string& pem);

    // PKCS#8, unencrypted: the file holding it is 0600.
    Result<std::string> privatePem() const;
    evp_pkey_st* get() const { return m_key.get(); }

private:
    struct Free
    {
        void operator()(evp_pkey_st* key) const;
    };
    explicit PkiKey(evp_pkey_st* key) : m_key(key) {}

    std::unique_ptr<evp_pkey_st, Free> m_key;
};

} // namespace cardlink::host
