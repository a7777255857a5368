#include "crypto/KeyCheckValue.h"

#include "crypto/Cmac.h"

#include <string>

namespace cardlink::crypto {

Result<Bytes> keyCheckValue(CipherAlgorithm algorithm, ByteView key, KcvMethod method,
                            std::size_t length)
{
    const std::size_t block = blockSize(algorithm);
    if (length == 0)
        length = method == KcvMethod::ZeroBlock ? kKcvLegacyLength : kKcvCmacLength;
    if (length > block)
        return makeError(ErrorCode::InvalidArgument,
                         "KCV length " + std::to_string(length) + " exceeds the block size");
    const Bytes zeros(block, 0x00);
    if (method == KcvMethod::Cmac)
        return cmac(algorithm, key, zeros, length);
    auto encrypted = encryptBlock(algorithm, key, zeros);
    if (!encrypted)
        return encrypted.error();
    encrypted->resize(length);
    return encrypted;
}

} // namespace cardlink::crypto
