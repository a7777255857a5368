#include "emv/oda/KeyRecovery.h"
#include "emv/oda/Oda.h"
#include "emv/oda/RecoveredData.h"
#include "tlv/Length.h"
#include "tlv/Tag.h"

#include <vector>

namespace cardlink::emv {

using namespace detail;

namespace {

constexpr tlv::Tag kSignedDynamicData = 0x9F4B;
constexpr tlv::Tag kCid = 0x9F27;
constexpr tlv::Tag kAtc = 0x9F36;

// One data object of the response, as the card encoded it.
struct RawObject
{
    tlv::Tag tag = 0;
    ByteView encoded; // tag, length and value
    ByteView value;
};

// Reads one TLV at `pos` of `bytes`; Truncated/Malformed on bad input.
Result<RawObject> readObject(ByteView bytes, std::size_t pos)
{
    std::size_t tagBytes = 0;
    auto tag = tlv::readTag(bytes.subspan(pos), tagBytes);
    if (!tag)
        return tag.error();
    std::size_t lengthBytes = 0;
    auto length = tlv::readLength(bytes.subspan(pos + tagBytes), lengthBytes);
    if (!length)
        return length.error();
    const std::size_t header = tagBytes + lengthBytes;
    if (*length > bytes.size() - pos - header)
        return makeError(ErrorCode::Truncated, "GENERATE AC response: object " +
                                                   tlv::tagToHex(*tag) + " runs past its end");
    return RawObject{*tag, bytes.subspan(pos, header + *length),
                     bytes.subspan(pos + header, *length)};
}

// The primitive objects directly inside the 77 template, in card order,
// keeping their encoding: Book 2, 6.6.2 step 9 hashes them as returned.
Result<std::vector<RawObject>> responseObjects(ByteView template77)
{
    auto outer = readObject(template77, 0);
    if (!outer)
        return outer.error();
    if (outer->tag != 0x77)
        return makeError(ErrorCode::Malformed, "GENERATE AC response is not in format 2 (77)");
    std::vector<RawObject> objects;
    const ByteView inner = outer->value;
    std::size_t pos = 0;
    while (pos < inner.size()) {
        // Book 3, Annex B1: 00 and FF between objects are padding.
        if (inner[pos] == 0x00 || inner[pos] == 0xFF) {
            ++pos;
            continue;
        }
        auto object = readObject(inner, pos);
        if (!object)
            return object.error();
        pos += object->encoded.size();
        objects.push_back(*object);
    }
    return objects;
}

const RawObject* findObject(const std::vector<RawObject>& objects, tlv::Tag tag)
{
    for (const auto& object : objects) {
        if (object.tag == tag)
            return &object;
    }
    return nullptr;
}

} // namespace

// EMV 4.4 Book 2, 6.6.2: combined DDA / Application Cryptogram generation,
// the terminal's checks of a GENERATE AC response.
OdaResult verifyCdaSignature(const IccPublicKey& key, TransactionData& data,
                             ByteView genAcResponseTemplate77, ByteView pdolData, ByteView cdolData)
{
    auto objects = responseObjects(genAcResponseTemplate77);
    if (!objects)
        return failure("GENERATE AC response: " + objects.error().message);
    const RawObject* signature = findObject(*objects, kSignedDynamicData);
    if (!signature)
        return failure("signed dynamic application data (9F4B) missing", true);
    const RawObject* cid = findObject(*objects, kCid);
    if (!cid || cid->value.size() != 1)
        return failure("cryptogram information data (9F27) missing", true);
    const auto unpredictableNumber = data.get(0x9F37);
    if (!unpredictableNumber)
        return failure("unpredictable number (9F37) missing in the terminal data");

    // Steps 1-4: length N_IC, recovery, trailer BC, header 6A, format 05.
    auto recovered = rsaRecover(RecoveredKey{key.modulus, key.exponent}, signature->value,
                                "signed dynamic application data");
    if (!recovered)
        return failure(recovered.error().message);
    auto sig = parseRecoveredDynamicSignature(*recovered);
    if (!sig)
        return failure("signed dynamic application data: " + sig.error().message);
    if (sig->hashAlgorithm != kHashAlgorithmSha1)
        return failure("signed dynamic application data: unknown hash algorithm");
    auto dynamic = parseCdaDynamicData(sig->iccDynamicData);
    if (!dynamic)
        return failure("CDA ICC dynamic data: " + dynamic.error().message);
    // Step 5: the CID inside the signature equals the CID the card returned.
    if (dynamic->cryptogramInformationData != cid->value[0])
        return failure("CID in the signature (" + toHex(Bytes{dynamic->cryptogramInformationData}) +
                       ") differs from 9F27 (" + toHex(cid->value) + ")");
    // Steps 6-8: items 2-6 of table 17 ‖ the Unpredictable Number, the
    // terminal dynamic data of CDA (6.6.1).
    if (auto ok = checkSha1({sig->hashedPart, *unpredictableNumber}, sig->hash,
                            "signed dynamic application data");
        !ok)
        return failure(ok.error().message);
    // Steps 9-11: Transaction Data Hash Code over the PDOL data values (GPO),
    // the CDOL1 (and for the second GENERATE AC also CDOL2) data values, then
    // every data object of the response in the order returned (tag, length,
    // value), except the Signed Dynamic Application Data itself.
    Bytes transactionData(pdolData.begin(), pdolData.end());
    transactionData.insert(transactionData.end(), cdolData.begin(), cdolData.end());
    for (const auto& object : *objects) {
        if (object.tag != kSignedDynamicData)
            transactionData.insert(transactionData.end(), object.encoded.begin(),
                                   object.encoded.end());
    }
    if (auto ok = checkSha1({transactionData}, dynamic->transactionDataHash,
                            "transaction data hash code");
        !ok)
        return failure(ok.error().message);

    // Step 12: the cryptogram comes from the signature.
    data.set(0x9F4C, dynamic->iccDynamicNumber);
    data.set(0x9F26, dynamic->applicationCryptogram);
    data.set(kCid, Bytes(cid->value.begin(), cid->value.end()));
    if (const RawObject* atc = findObject(*objects, kAtc))
        data.set(kAtc, Bytes(atc->value.begin(), atc->value.end()));
    data.set(kSignedDynamicData, Bytes(signature->value.begin(), signature->value.end()));
    OdaResult result;
    result.ok = true;
    result.iccKey = key;
    return result;
}

} // namespace cardlink::emv
