#include "emv/GenerateAc.h"

#include "emv/CardCommands.h"
#include "iso7816/StatusWord.h"
#include "tlv/TlvParser.h"

namespace cardlink::emv {

namespace {
// P1 b5: CDA signature requested (Book 3, 6.5.5.2, table 12).
constexpr std::uint8_t kCdaRequested = 0x10;

Error cardError(const std::string& what)
{
    return makeError(ErrorCode::Malformed, "GENERATE AC: " + what);
}

int rank(Cryptogram c)
{
    return c == Cryptogram::Aac ? 0 : c == Cryptogram::Arqc ? 1 : 2;
}
} // namespace

Result<GenerateAcResponse> generateAc(iso7816::CardChannel& card, TransactionData& data,
                                      Cryptogram requested, bool cda, ByteView cdolData)
{
    const auto p1 =
        static_cast<std::uint8_t>(static_cast<std::uint8_t>(requested) | (cda ? kCdaRequested : 0));
    auto response = card.transmit(commands::generateAc(p1, cdolData));
    if (!response)
        return response.error();
    if (!response->isSuccess())
        return cardError(iso7816::describeStatusWord(response->sw));
    auto objects = tlv::parse(response->data);
    if (!objects)
        return cardError(objects.error().message);
    if (objects->size() != 1)
        return cardError("expected one template");
    const auto& top = objects->front();
    GenerateAcResponse result;
    if (top.tag == 0x80) {
        // Book 3, 6.5.5.4, format 1: CID (1) || ATC (2) || AC (8) || IAD (0-32).
        const Bytes& v = top.value;
        if (v.size() < 11 || v.size() > 43)
            return cardError("format 1 with a bad length");
        data.set(0x9F27, Bytes(v.begin(), v.begin() + 1));
        data.set(0x9F36, Bytes(v.begin() + 1, v.begin() + 3));
        data.set(0x9F26, Bytes(v.begin() + 3, v.begin() + 11));
        if (v.size() > 11)
            data.set(0x9F10, Bytes(v.begin() + 11, v.end()));
    } else if (top.tag == 0x77) {
        if (!top.find(0x9F27) || top.find(0x9F27)->value.size() != 1 || !top.find(0x9F36))
            return cardError("format 2 without CID or ATC");
        for (const auto& child : top.children) {
            if (!child.isConstructed())
                data.set(child.tag, child.value);
        }
        result.signed_ = top.find(0x9F4B) != nullptr;
        if (!top.find(0x9F26) && !result.signed_)
            return cardError("format 2 without a cryptogram");
        // The CDA check hashes the template exactly as the card sent it.
        result.template77 = response->data;
    } else {
        return cardError("neither format 1 (80) nor format 2 (77)");
    }
    result.cid = (*data.get(0x9F27))[0];
    switch (result.cid & 0xC0) {
    case 0x00:
        result.cryptogram = Cryptogram::Aac;
        break;
    case 0x40:
        result.cryptogram = Cryptogram::Tc;
        break;
    case 0x80:
        result.cryptogram = Cryptogram::Arqc;
        break;
    default:
        return cardError("RFU cryptogram type in CID");
    }
    if (rank(result.cryptogram) > rank(requested))
        return cardError(std::string("card returned ") + cryptogramName(result.cryptogram) +
                         " when asked for " + cryptogramName(requested));
    return result;
}

} // namespace cardlink::emv
