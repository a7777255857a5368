#pragma once

#include "util/Result.h"

#include <memory>
#include <string>

struct x509_st;

namespace cardlink::host {

// An X.509 certificate of the host PKI (OpenSSL X509).
class PkiCertificate
{
public:
    static Result<PkiCertificate> fromPem(const std::string& pem);
    // Takes ownership.
    static PkiCertificate adopt(x509_st* certificate) { return PkiCertificate(certificate); }

    Result<std::string> pem() const;
    // SHA-256 over the DER encoding, upper-case hex: how the host recognises a
    // terminal's certificate (ARCHITECTURE.md: the host accepts only terminals it knows).
    Result<std::string> sha256() const;
    std::string commonName() const;
    x509_st* get() const { return m_certificate.get(); }

private:
    struct Free
    {
        void operator()(x509_st* certificate) const;
    };
    explicit PkiCertificate(x509_st* certificate) : m_certificate(certificate) {}

    std::unique_ptr<x509_st, Free> m_certificate;
};

} // namespace cardlink::host
