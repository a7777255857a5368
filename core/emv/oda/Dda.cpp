#include "emv/oda/KeyRecovery.h"
#include "emv/oda/Oda.h"
#include "emv/oda/RecoveredData.h"
#include "iso7816/StatusWord.h"
#include "tlv/Dol.h"
#include "tlv/TlvParser.h"

#include <algorithm>

namespace cardlink::emv {

using namespace detail;

namespace {

constexpr std::uint8_t kInsInternalAuthenticate = 0x88;
constexpr tlv::Tag kUnpredictableNumber = 0x9F37;

// Book 2, 6.5.1: the DDOL from the card, else the terminal's default; the
// one used must ask for the Unpredictable Number.
Result<Bytes> ddolData(const TransactionData& data, ByteView defaultDdol)
{
    const auto cardDdol = data.get(0x9F49);
    const ByteView ddol = cardDdol ? *cardDdol : defaultDdol;
    if (ddol.empty())
        return makeError(ErrorCode::NotFound, "no DDOL (card 9F49 or terminal default)");
    auto entries = tlv::parseDol(ddol);
    if (!entries)
        return makeError(ErrorCode::Malformed, "DDOL: " + entries.error().message);
    if (std::none_of(entries->begin(), entries->end(),
                     [](const tlv::DolEntry& e) { return e.tag == kUnpredictableNumber; }))
        return makeError(ErrorCode::Malformed,
                         "DDOL does not contain the unpredictable number 9F37");
    return tlv::buildDolData(*entries, data.lookup());
}

// Book 3, 6.5.9.4: format 1 (80: the signature is the value) or format 2
// (77 with 9F4B).
Result<Bytes> signedDynamicData(ByteView response)
{
    auto objects = tlv::parse(response);
    if (!objects)
        return makeError(ErrorCode::Malformed,
                         "INTERNAL AUTHENTICATE response: " + objects.error().message);
    if (objects->size() != 1)
        return makeError(ErrorCode::Malformed, "INTERNAL AUTHENTICATE response: not one template");
    const tlv::TlvObject& top = objects->front();
    if (top.tag == 0x80)
        return top.value;
    if (top.tag == 0x77) {
        for (const auto& child : top.children) {
            if (child.tag == 0x9F4B)
                return child.value;
        }
        return makeError(ErrorCode::NotFound, "signed dynamic application data (9F4B) missing");
    }
    return makeError(ErrorCode::Malformed, "INTERNAL AUTHENTICATE response template " +
                                               tlv::tagToHex(top.tag) + " is neither 80 nor 77");
}

} // namespace

// EMV 4.4 Book 2, 6.5: dynamic data authentication.
OdaResult verifyDda(iso7816::CardChannel& card, TransactionData& data, ByteView staticData,
                    const CaPublicKeyStore& keys, ByteView defaultDdol)
{
    OdaResult keyResult = recoverIccKey(data, staticData, keys);
    if (!keyResult.ok)
        return keyResult;
    const IccPublicKey& icc = *keyResult.iccKey;

    auto terminalData = ddolData(data, defaultDdol);
    if (!terminalData)
        return failure(terminalData.error().message);

    // Book 3, 6.5.9: INTERNAL AUTHENTICATE, CLA 00, P1 P2 00 00, Le 00.
    iso7816::CommandApdu command{0x00,          kInsInternalAuthenticate,         0x00, 0x00,
                                 *terminalData, iso7816::CommandApdu::kMaxShortNe};
    auto response = card.transmit(command);
    if (!response) {
        OdaResult result = failure("INTERNAL AUTHENTICATE: " + response.error().describe());
        result.cardError = response.error();
        return result;
    }
    if (!response->isSuccess())
        return failure("INTERNAL AUTHENTICATE answered " +
                       iso7816::describeStatusWord(response->sw));
    auto signature = signedDynamicData(response->data);
    if (!signature)
        return failure(signature.error());

    // Book 2, 6.5.2 steps 1-4: length, trailer, header, format 05.
    auto recovered = rsaRecover(RecoveredKey{icc.modulus, icc.exponent}, *signature,
                                "signed dynamic application data");
    if (!recovered)
        return failure(recovered.error().message);
    auto sig = parseRecoveredDynamicSignature(*recovered);
    if (!sig)
        return failure("signed dynamic application data: " + sig.error().message);
    if (sig->hashAlgorithm != kHashAlgorithmSha1)
        return failure("signed dynamic application data: unknown hash algorithm");
    // Steps 5-7: items 2-6 of table 17 ‖ the terminal dynamic data (DDOL data).
    if (auto ok = checkSha1({sig->hashedPart, *terminalData}, sig->hash,
                            "signed dynamic application data");
        !ok)
        return failure(ok.error().message);
    // Step 8: the ICC Dynamic Number, for the kernel and the host.
    auto number = parseIccDynamicNumber(sig->iccDynamicData);
    if (!number)
        return failure("signed dynamic application data: " + number.error().message);
    data.set(0x9F4C, std::move(number).value());
    data.set(0x9F4B, std::move(signature).value());
    return keyResult;
}

} // namespace cardlink::emv
