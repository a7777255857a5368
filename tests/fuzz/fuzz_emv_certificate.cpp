// Fuzzes what ODA and CVM read from the card after the RSA step: recovered
// certificates and signatures (EMV 4.4 Book 2, tables 6, 7, 14, 17, 19), the
// CVM List (Book 3, Annex C3) and the CDA GENERATE AC response walk (Book 2,
// 6.6.2). The first byte picks the parser; the rest is the input.
#include "emv/TransactionData.h"
#include "emv/cvm/CvmList.h"
#include "emv/oda/Oda.h"
#include "emv/oda/RecoveredData.h"

#include <cstdlib>

using namespace cardlink;
using namespace cardlink::emv;

namespace {

void checkCertificate(ByteView input, std::uint8_t format)
{
    auto cert = parseRecoveredCertificate(input, format);
    if (!cert)
        return;
    // The fields tile the input: header, hashed part, hash, trailer.
    if (1 + cert->hashedPart.size() + cert->hash.size() + 1 != input.size() ||
        cert->hash.size() != kSha1HashLength || cert->keyPart.empty())
        std::abort();
}

void checkDynamic(ByteView input)
{
    auto sig = parseRecoveredDynamicSignature(input);
    if (!sig)
        return;
    if (sig->iccDynamicData.size() + 25 > input.size())
        std::abort();
    if (auto number = parseIccDynamicNumber(sig->iccDynamicData)) {
        if (number->size() < 2 || number->size() > 8)
            std::abort();
    }
    (void)parseCdaDynamicData(sig->iccDynamicData);
}

void checkCda(ByteView input)
{
    // A fixed odd modulus: the response walk and the checks before the
    // signature runs on any input; recovery fails or yields garbage.
    IccPublicKey key;
    key.modulus.assign(64, 0xA5);
    key.modulus.back() = 0x01;
    key.exponent = {0x03};
    TransactionData data;
    data.set(0x9F37, Bytes{1, 2, 3, 4});
    const OdaResult result = verifyCdaSignature(key, data, input, {}, {});
    if (result.ok)
        std::abort(); // nobody holds the private half of this modulus
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    const ByteView input(data + 1, size - 1);
    switch (data[0] % 8) {
    case 0:
        checkCertificate(input, kFormatIssuerCertificate);
        break;
    case 1:
        checkCertificate(input, kFormatIccCertificate);
        break;
    case 2:
        if (auto sig = parseRecoveredStaticSignature(input);
            sig && sig->dataAuthenticationCode.size() != 2)
            std::abort();
        break;
    case 3:
        checkDynamic(input);
        break;
    case 4:
        if (auto list = CvmList::parse(input); list && 8 + 2 * list->rules.size() != input.size())
            std::abort();
        break;
    case 5:
        (void)parseCdaDynamicData(input);
        break;
    case 6:
        checkCda(input);
        break;
    default:
        (void)selectOdaMethod(input.first(std::min<std::size_t>(input.size(), 2)), input);
        break;
    }
    return 0;
}
