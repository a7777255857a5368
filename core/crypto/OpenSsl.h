#pragma once

// Internal helpers shared by the crypto files: owning handles for OpenSSL
// objects and a way to turn OpenSSL's error queue into a cardlink::Error.
// Not part of the public API of cardlink::crypto.

#include "util/Bytes.h"
#include "util/Result.h"

#include <openssl/bn.h>
#include <openssl/evp.h>

#include <memory>
#include <string_view>

namespace cardlink::crypto::detail {

struct CipherCtxFree
{
    void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
struct MacFree
{
    void operator()(EVP_MAC* mac) const { EVP_MAC_free(mac); }
};
struct MacCtxFree
{
    void operator()(EVP_MAC_CTX* ctx) const { EVP_MAC_CTX_free(ctx); }
};
struct PkeyFree
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct PkeyCtxFree
{
    void operator()(EVP_PKEY_CTX* ctx) const { EVP_PKEY_CTX_free(ctx); }
};
struct BnClearFree
{
    // BN_clear_free: a BIGNUM may hold a private exponent or a prime.
    void operator()(BIGNUM* bn) const { BN_clear_free(bn); }
};

using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxFree>;
using MacPtr = std::unique_ptr<EVP_MAC, MacFree>;
using MacCtxPtr = std::unique_ptr<EVP_MAC_CTX, MacCtxFree>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using BnPtr = std::unique_ptr<BIGNUM, BnClearFree>;

// Builds an Internal error from `what` and the oldest entry of OpenSSL's
// thread-local error queue, and empties the queue so that a later failure is
// not blamed on this one.
Error opensslError(std::string_view what);

// Wipes a buffer that held key material when it leaves scope, on every return
// path including early error returns.
class WipeOnExit
{
public:
    explicit WipeOnExit(Bytes& bytes) : m_bytes(bytes) {}
    ~WipeOnExit() { secureWipe(m_bytes); }
    WipeOnExit(const WipeOnExit&) = delete;
    WipeOnExit& operator=(const WipeOnExit&) = delete;

private:
    Bytes& m_bytes;
};

} // namespace cardlink::crypto::detail
