#include "crypto/Iso9797Mac.h"

#include <string>

namespace cardlink::crypto {

namespace {
Result<std::size_t> checkMacLength(std::size_t macLength, std::size_t block)
{
    if (macLength == 0)
        return block;
    if (macLength > block)
        return makeError(ErrorCode::InvalidArgument,
                         "MAC length " + std::to_string(macLength) + " exceeds the block size");
    return macLength;
}

Bytes leftmost(const Bytes& block, std::size_t length)
{
    return Bytes(block.begin(), block.begin() + static_cast<std::ptrdiff_t>(length));
}
} // namespace

Result<Bytes> iso9797Mac1(CipherAlgorithm algorithm, ByteView key, ByteView data, Padding padding,
                          std::size_t macLength)
{
    const std::size_t block = blockSize(algorithm);
    auto length = checkMacLength(macLength, block);
    if (!length)
        return length.error();
    if (auto ok = checkKeyLength(algorithm, key); !ok)
        return ok.error();
    const Bytes padded = pad(data, block, padding);
    auto chain = encrypt(algorithm, key, padded, CipherMode::Cbc);
    if (!chain)
        return chain.error();
    const Bytes last(chain->end() - static_cast<std::ptrdiff_t>(block), chain->end());
    return leftmost(last, *length);
}

Result<Bytes> iso9797Mac3(ByteView key, ByteView data, Padding padding, std::size_t macLength)
{
    auto length = checkMacLength(macLength, kDesBlockSize);
    if (!length)
        return length.error();
    if (key.size() != 16)
        return makeError(ErrorCode::InvalidArgument,
                         "MAC algorithm 3 needs a 16-byte key K || K', got " +
                             std::to_string(key.size()));
    const ByteView k = key.first(8);
    const Bytes padded = pad(data, kDesBlockSize, padding);

    // Chaining value before the last block: single-DES CBC under K over the
    // first q-1 blocks (zero when there is only one block).
    Bytes chaining(kDesBlockSize, 0x00);
    const std::size_t head = padded.size() - kDesBlockSize;
    if (head > 0) {
        auto chain =
            encrypt(CipherAlgorithm::Des, k, ByteView(padded).first(head), CipherMode::Cbc);
        if (!chain)
            return chain.error();
        chaining.assign(chain->end() - static_cast<std::ptrdiff_t>(kDesBlockSize), chain->end());
    }
    for (std::size_t i = 0; i < kDesBlockSize; ++i)
        chaining[i] ^= padded[head + i];

    // Last block: E_K, then the output transformation D_K' and E_K. Together
    // that is two-key TDES (EDE) under K || K' on the chained block.
    auto mac = encryptBlock(CipherAlgorithm::Des, key, chaining);
    if (!mac)
        return mac.error();
    return leftmost(*mac, *length);
}

} // namespace cardlink::crypto
