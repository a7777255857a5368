#pragma once

#include "PkiCertificate.h"
#include "PkiKey.h"
#include "util/Result.h"

#include <string>
#include <vector>

namespace cardlink::host {

// What a certificate is for: the host's TLS server or a terminal's TLS client
// (RFC 5280, 4.2.1.12 extended key usage).
enum class CertificatePurpose { Server, Client };

struct CertificateRequest
{
    std::string commonName;
    CertificatePurpose purpose = CertificatePurpose::Client;
    std::vector<std::string> dnsNames;    // subjectAltName (server)
    std::vector<std::string> ipAddresses; // subjectAltName (server), "127.0.0.1"
    int days = 825;
};

// The host's terminal CA: a self-signed ECDSA P-256 root that signs the
// host's TLS server certificate and one client certificate per terminal.
class CertificateAuthority
{
public:
    static Result<CertificateAuthority> create(const std::string& commonName, int days);
    static Result<CertificateAuthority> load(const std::string& keyPem,
                                             const std::string& certificatePem);

    Result<PkiCertificate> issue(const CertificateRequest& request, const PkiKey& subjectKey) const;

    const PkiKey& key() const { return m_key; }
    const PkiCertificate& certificate() const { return m_certificate; }

private:
    CertificateAuthority(PkiKey key, PkiCertificate certificate)
        : m_key(std::move(key)), m_certificate(std::move(certificate))
    {}

    PkiKey m_key;
    PkiCertificate m_certificate;
};

} // namespace cardlink::host
