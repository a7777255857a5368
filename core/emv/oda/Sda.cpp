#include "emv/oda/KeyRecovery.h"
#include "emv/oda/Oda.h"
#include "emv/oda/RecoveredData.h"

namespace cardlink::emv {

using namespace detail;

namespace {

// Book 3, 10.3: the SDA Tag List may only name the AIP (82); any other tag
// makes ODA fail. The kernel appends the AIP value to the static data.
bool sdaTagListAcceptable(const TransactionData& data)
{
    const auto list = data.get(0x9F4A);
    return !list || (list->size() == 1 && (*list)[0] == 0x82);
}

} // namespace

// EMV 4.4 Book 2, 5.3 (issuer key) and 5.4 (Signed Static Application Data).
OdaResult verifySda(TransactionData& data, ByteView staticData, const CaPublicKeyStore& keys)
{
    if (!sdaTagListAcceptable(data))
        return failure("SDA tag list (9F4A) names tags other than 82");
    auto issuerKey = recoverIssuerKey(data, keys);
    if (!issuerKey)
        return failure(issuerKey.error());
    const auto signedData = data.get(0x93);
    if (!signedData)
        return failure("signed static application data (93) missing", true);

    // 5.4 steps 1-4: length, trailer, header, format 03.
    auto recovered = rsaRecover(*issuerKey, *signedData, "signed static application data");
    if (!recovered)
        return failure(recovered.error().message);
    auto sig = parseRecoveredStaticSignature(*recovered);
    if (!sig)
        return failure("signed static application data: " + sig.error().message);
    if (sig->hashAlgorithm != kHashAlgorithmSha1)
        return failure("signed static application data: unknown hash algorithm");
    // Steps 5-7: items 2-5 of table 7 ‖ static data to be authenticated.
    if (auto ok =
            checkSha1({sig->hashedPart, staticData}, sig->hash, "signed static application data");
        !ok)
        return failure(ok.error().message);
    // Step 8 (and Book 3, 10.3): keep the Data Authentication Code.
    data.set(0x9F45, sig->dataAuthenticationCode);
    OdaResult result;
    result.ok = true;
    return result;
}

} // namespace cardlink::emv
