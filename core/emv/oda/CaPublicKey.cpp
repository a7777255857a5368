#include "emv/oda/CaPublicKey.h"

#include "crypto/Hash.h"

namespace cardlink::emv {

namespace {

bool isBcdDate(ByteView date)
{
    if (date.size() != 3)
        return false;
    for (std::uint8_t b : date) {
        if ((b >> 4) > 9 || (b & 0x0F) > 9)
            return false;
    }
    return true;
}

} // namespace

bool CaPublicKey::isExpiredAt(ByteView transactionDate) const
{
    if (!isBcdDate(transactionDate))
        return true;
    // YYMMDD in BCD compares correctly byte by byte within one century
    // (Book 3, Annex A: years 00-49 are 20xx, 50-99 19xx).
    auto century = [](std::uint8_t yy) {
        return yy < 0x50 ? 1 : 0;
    };
    const int keyCentury = century(expiry[0]);
    const int txnCentury = century(transactionDate[0]);
    if (keyCentury != txnCentury)
        return txnCentury > keyCentury;
    for (std::size_t i = 0; i < 3; ++i) {
        if (transactionDate[i] != expiry[i])
            return transactionDate[i] > expiry[i];
    }
    return false;
}

Bytes CaPublicKey::computeChecksum() const
{
    const std::uint8_t indexByte[1] = {index};
    auto digest = crypto::hash(crypto::HashAlgorithm::Sha1,
                               {ByteView(rid), ByteView(indexByte), modulus, exponent});
    return digest ? std::move(digest).value() : Bytes{};
}

} // namespace cardlink::emv
