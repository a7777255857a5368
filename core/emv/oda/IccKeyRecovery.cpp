#include "emv/oda/KeyRecovery.h"
#include "emv/oda/Oda.h"

namespace cardlink::emv {

using namespace detail;

// EMV 4.4 Book 2, 6.3 (issuer key) and 6.4 (ICC key).
OdaResult recoverIccKey(TransactionData& data, ByteView staticData, const CaPublicKeyStore& keys)
{
    // Book 3, 10.3: the SDA Tag List applies to DDA and CDA too.
    if (const auto list = data.get(0x9F4A); list && !(list->size() == 1 && (*list)[0] == 0x82))
        return failure("SDA tag list (9F4A) names tags other than 82");
    auto issuerKey = recoverIssuerKey(data, keys);
    if (!issuerKey)
        return failure(issuerKey.error());
    auto iccKey = recoverIccCertificateKey(*issuerKey, data, staticData, kIccTags);
    if (!iccKey)
        return failure(iccKey.error());
    OdaResult result;
    result.ok = true;
    result.iccKey = IccPublicKey{std::move(iccKey->modulus), std::move(iccKey->exponent)};
    return result;
}

} // namespace cardlink::emv
