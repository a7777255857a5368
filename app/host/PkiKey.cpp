#include "PkiKey.h"

#include "PkiSupport.h"

#include <openssl/evp.h>
#include <openssl/pem.h>

namespace cardlink::host {

void PkiKey::Free::operator()(evp_pkey_st* key) const
{
    EVP_PKEY_free(key);
}

Result<PkiKey> PkiKey::generate()
{
    EVP_PKEY* key = EVP_EC_gen("P-256");
    if (!key)
        return opensslError("EC key generation");
    return PkiKey(key);
}

Result<PkiKey> PkiKey::fromPem(const std::string& pem)
{
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    EVP_PKEY* key = bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr;
    if (!key)
        return opensslError("private key PEM");
    return PkiKey(key);
}

Result<std::string> PkiKey::privatePem() const
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_PrivateKey(bio.get(), m_key.get(), nullptr, nullptr, 0, nullptr,
                                         nullptr) != 1)
        return opensslError("private key PEM");
    return bioText(bio.get());
}

} // namespace cardlink::host
