#include "PkiCertificate.h"

#include "PkiSupport.h"
#include "util/Bytes.h"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace cardlink::host {

void PkiCertificate::Free::operator()(x509_st* certificate) const
{
    X509_free(certificate);
}

Result<PkiCertificate> PkiCertificate::fromPem(const std::string& pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    X509* certificate = bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!certificate)
        return opensslError("certificate PEM");
    return PkiCertificate(certificate);
}

Result<std::string> PkiCertificate::pem() const
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), m_certificate.get()) != 1)
        return opensslError("certificate PEM");
    return bioText(bio.get());
}

Result<std::string> PkiCertificate::sha256() const
{
    Bytes digest(EVP_MAX_MD_SIZE);
    unsigned int size = 0;
    if (X509_digest(m_certificate.get(), EVP_sha256(), digest.data(), &size) != 1)
        return opensslError("certificate digest");
    digest.resize(size);
    return toHex(digest);
}

std::string PkiCertificate::commonName() const
{
    char buffer[256] = {};
    X509_NAME* name = X509_get_subject_name(m_certificate.get());
    if (!name || X509_NAME_get_text_by_NID(name, NID_commonName, buffer, sizeof buffer) < 0)
        return {};
    return buffer;
}

} // namespace cardlink::host
