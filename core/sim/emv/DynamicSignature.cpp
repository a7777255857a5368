#include "sim/emv/DynamicSignature.h"

#include "crypto/Hash.h"

namespace cardlink::sim::emv {

namespace {
constexpr std::uint8_t kHeader = 0x6A;
constexpr std::uint8_t kTrailer = 0xBC;
constexpr std::uint8_t kPad = 0xBB;
constexpr std::uint8_t kSha1 = 0x01; // Book 2, Annex B3
} // namespace

Result<Bytes> DynamicSignature::sign(const crypto::RsaPrivateKey& key, ByteView iccDynamicData,
                                     ByteView terminalData)
{
    const std::size_t nic = key.modulusLength();
    if (nic < kOverhead || iccDynamicData.size() > nic - kOverhead || iccDynamicData.size() > 255)
        return makeError(ErrorCode::InvalidArgument,
                         "ICC dynamic data do not fit the ICC key (Book 2, 6.5.1)");
    Bytes body{kFormat, kSha1, static_cast<std::uint8_t>(iccDynamicData.size())};
    body.insert(body.end(), iccDynamicData.begin(), iccDynamicData.end());
    body.insert(body.end(), nic - kOverhead - iccDynamicData.size(), kPad);
    auto hash = crypto::hash(crypto::HashAlgorithm::Sha1, {body, terminalData});
    if (!hash)
        return hash.error();
    Bytes message{kHeader};
    message.insert(message.end(), body.begin(), body.end());
    message.insert(message.end(), hash->begin(), hash->end());
    message.push_back(kTrailer);
    return key.sign(message);
}

} // namespace cardlink::sim::emv
