#include "CertificateAuthority.h"

#include "PkiSupport.h"

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace cardlink::host {

namespace {
struct X509Free
{
    void operator()(X509* certificate) const { X509_free(certificate); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

bool addExtension(X509* certificate, X509* issuer, int nid, const std::string& value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str());
    if (!extension)
        return false;
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

// RFC 5280, 4.1.2.2: a positive serial of up to 20 bytes; 16 random bytes
// keep serials unique without a counter.
bool setRandomSerial(X509* certificate)
{
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        return false;
    bytes[0] &= 0x7F;
    BIGNUM* number = BN_bin2bn(bytes, sizeof bytes, nullptr);
    const bool ok = number && BN_to_ASN1_INTEGER(number, X509_get_serialNumber(certificate));
    BN_free(number);
    return ok;
}

X509Ptr newCertificate(const std::string& commonName, EVP_PKEY* subjectKey, int days)
{
    X509Ptr certificate(X509_new());
    if (!certificate || X509_set_version(certificate.get(), 2) != 1 ||
        !setRandomSerial(certificate.get()))
        return nullptr;
    X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -300); // clock skew
    X509_gmtime_adj(X509_getm_notAfter(certificate.get()), 86400L * days);
    X509_NAME* name = X509_get_subject_name(certificate.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("CardLink"), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(commonName.c_str()), -1, -1,
                               0);
    if (X509_set_pubkey(certificate.get(), subjectKey) != 1)
        return nullptr;
    return certificate;
}

std::string subjectAltNames(const CertificateRequest& request)
{
    std::string names;
    for (const auto& dns : request.dnsNames)
        names += (names.empty() ? "DNS:" : ",DNS:") + dns;
    for (const auto& ip : request.ipAddresses)
        names += (names.empty() ? "IP:" : ",IP:") + ip;
    return names;
}
} // namespace

Result<CertificateAuthority> CertificateAuthority::create(const std::string& commonName, int days)
{
    auto key = PkiKey::generate();
    if (!key)
        return key.error();
    X509Ptr certificate = newCertificate(commonName, key->get(), days);
    if (!certificate ||
        X509_set_issuer_name(certificate.get(), X509_get_subject_name(certificate.get())) != 1)
        return opensslError("CA certificate");
    X509* raw = certificate.get();
    if (!addExtension(raw, raw, NID_basic_constraints, "critical,CA:TRUE,pathlen:0") ||
        !addExtension(raw, raw, NID_key_usage, "critical,keyCertSign,cRLSign") ||
        !addExtension(raw, raw, NID_subject_key_identifier, "hash") ||
        X509_sign(raw, key->get(), EVP_sha256()) == 0)
        return opensslError("CA certificate");
    return CertificateAuthority(std::move(*key), PkiCertificate::adopt(certificate.release()));
}

Result<CertificateAuthority> CertificateAuthority::load(const std::string& keyPem,
                                                        const std::string& certificatePem)
{
    auto key = PkiKey::fromPem(keyPem);
    if (!key)
        return key.error();
    auto certificate = PkiCertificate::fromPem(certificatePem);
    if (!certificate)
        return certificate.error();
    if (X509_check_private_key(certificate->get(), key->get()) != 1)
        return makeError(ErrorCode::InvalidArgument,
                         "the CA key does not match the CA certificate");
    return CertificateAuthority(std::move(*key), std::move(*certificate));
}

Result<PkiCertificate> CertificateAuthority::issue(const CertificateRequest& request,
                                                   const PkiKey& subjectKey) const
{
    X509Ptr certificate = newCertificate(request.commonName, subjectKey.get(), request.days);
    X509* ca = m_certificate.get();
    if (!certificate || X509_set_issuer_name(certificate.get(), X509_get_subject_name(ca)) != 1)
        return opensslError("certificate");
    X509* raw = certificate.get();
    const bool server = request.purpose == CertificatePurpose::Server;
    const std::string altNames = subjectAltNames(request);
    if (!addExtension(raw, ca, NID_basic_constraints, "critical,CA:FALSE") ||
        !addExtension(raw, ca, NID_key_usage, "critical,digitalSignature,keyAgreement") ||
        !addExtension(raw, ca, NID_ext_key_usage, server ? "serverAuth" : "clientAuth") ||
        !addExtension(raw, ca, NID_authority_key_identifier, "keyid:always") ||
        (!altNames.empty() && !addExtension(raw, ca, NID_subject_alt_name, altNames)) ||
        X509_sign(raw, m_key.get(), EVP_sha256()) == 0)
        return opensslError("certificate");
    return PkiCertificate::adopt(certificate.release());
}

} // namespace cardlink::host
