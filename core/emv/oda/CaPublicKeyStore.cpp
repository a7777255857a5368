#include "emv/oda/CaPublicKeyStore.h"

#include <algorithm>

namespace cardlink::emv {

Result<CaPublicKeyStore> CaPublicKeyStore::fromJson(std::string_view)
{
    return makeError(ErrorCode::Unsupported, "CA key store: not implemented yet");
}

Result<CaPublicKeyStore> CaPublicKeyStore::load(const std::string&)
{
    return makeError(ErrorCode::Unsupported, "CA key store: not implemented yet");
}

Result<void> CaPublicKeyStore::add(CaPublicKey)
{
    return makeError(ErrorCode::Unsupported, "CA key store: not implemented yet");
}

const CaPublicKey* CaPublicKeyStore::find(ByteView rid, std::uint8_t index) const
{
    for (const auto& key : m_keys) {
        if (key.index == index &&
            std::equal(rid.begin(), rid.end(), key.rid.begin(), key.rid.end()))
            return &key;
    }
    return nullptr;
}

std::vector<const CaPublicKey*> CaPublicKeyStore::expiredAt(ByteView date) const
{
    std::vector<const CaPublicKey*> out;
    for (const auto& key : m_keys) {
        if (key.isExpiredAt(date))
            out.push_back(&key);
    }
    return out;
}

} // namespace cardlink::emv
