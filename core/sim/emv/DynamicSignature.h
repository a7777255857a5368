#pragma once

#include "crypto/RsaPrivateKey.h"
#include "util/Bytes.h"
#include "util/Result.h"

namespace cardlink::sim::emv {

// Signed Dynamic Application Data (9F4B), EMV 4.4 Book 2, 6.5.1 (DDA, table
// 17) and 6.6.1 (CDA, table 19): the ICC private key signs
//   '6A' || '05' || '01' || LDD || ICC Dynamic Data || 'BB'..'BB' || H || 'BC'
// with H = SHA-1('05' || '01' || LDD || ICC Dynamic Data || pad || terminal
// data), where the terminal data are the DDOL data (DDA) or the Unpredictable
// Number 9F37 (CDA). The pad makes the whole the modulus length.
class DynamicSignature
{
public:
    static constexpr std::uint8_t kFormat = 0x05;
    static constexpr std::size_t kOverhead = 25; // header, format, alg, LDD, hash, trailer

    // InvalidArgument when the dynamic data do not fit (LDD > NIC - 25).
    static Result<Bytes> sign(const crypto::RsaPrivateKey& key, ByteView iccDynamicData,
                              ByteView terminalData);
};

} // namespace cardlink::sim::emv
