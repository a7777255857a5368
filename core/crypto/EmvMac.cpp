#include "crypto/EmvMac.h"

#include "crypto/Cmac.h"
#include "crypto/Iso9797Mac.h"

namespace cardlink::crypto {

Result<Bytes> emvMac(CipherAlgorithm algorithm, ByteView key, ByteView data, std::size_t macLength,
                     Padding padding)
{
    if (macLength == 0 || macLength > kEmvMacLength)
        return makeError(ErrorCode::InvalidArgument, "EMV MAC length must be 1..8 bytes");
    if (algorithm == CipherAlgorithm::Des)
        return iso9797Mac3(key, data, padding, macLength);
    return cmac(CipherAlgorithm::Aes, key, data, macLength);
}

} // namespace cardlink::crypto
