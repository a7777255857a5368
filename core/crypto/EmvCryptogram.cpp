#include "crypto/EmvCryptogram.h"

#include "crypto/EmvMac.h"

#include <string>

namespace cardlink::crypto {

namespace {
Result<void> checkLength(ByteView value, std::size_t expected, const char* what)
{
    if (value.size() != expected)
        return makeError(ErrorCode::InvalidArgument,
                         std::string(what) + " must be " + std::to_string(expected) + " bytes");
    return {};
}
} // namespace

Bytes recommendedCryptogramInput(
    const std::function<Bytes(std::uint32_t tag, std::size_t length)>& terminalValue, ByteView aip,
    ByteView atc, ByteView cardData)
{
    Bytes input;
    for (const auto& element : kCryptogramTerminalData) {
        Bytes value = terminalValue(element.tag, element.length);
        value.resize(element.length, 0x00);
        input.insert(input.end(), value.begin(), value.end());
    }
    input.insert(input.end(), aip.begin(), aip.end());
    input.insert(input.end(), atc.begin(), atc.end());
    input.insert(input.end(), cardData.begin(), cardData.end());
    return input;
}

Result<Bytes> applicationCryptogram(CipherAlgorithm algorithm, ByteView sessionKey, ByteView data,
                                    Padding padding)
{
    return emvMac(algorithm, sessionKey, data, kCryptogramLength, padding);
}

Result<Bytes> arpcMethod1(CipherAlgorithm algorithm, ByteView sessionKey, ByteView arqc,
                          ByteView arc)
{
    if (auto ok = checkLength(arqc, kCryptogramLength, "ARQC"); !ok)
        return ok.error();
    if (auto ok = checkLength(arc, kArcLength, "ARC"); !ok)
        return ok.error();
    Bytes block(blockSize(algorithm), 0x00);
    for (std::size_t i = 0; i < kCryptogramLength; ++i)
        block[i] = arqc[i];
    block[0] ^= arc[0];
    block[1] ^= arc[1];
    auto enciphered = encryptBlock(algorithm, sessionKey, block);
    if (!enciphered)
        return enciphered.error();
    enciphered->resize(kCryptogramLength);
    return enciphered;
}

Result<Bytes> arpcMethod2(CipherAlgorithm algorithm, ByteView sessionKey, ByteView arqc,
                          ByteView csu, ByteView proprietaryAuthData)
{
    if (auto ok = checkLength(arqc, kCryptogramLength, "ARQC"); !ok)
        return ok.error();
    if (auto ok = checkLength(csu, kCsuLength, "CSU"); !ok)
        return ok.error();
    if (proprietaryAuthData.size() > kMaxProprietaryAuthDataLength)
        return makeError(ErrorCode::InvalidArgument,
                         "Proprietary Authentication Data is at most 8 bytes");
    Bytes input(arqc.begin(), arqc.end());
    input.insert(input.end(), csu.begin(), csu.end());
    input.insert(input.end(), proprietaryAuthData.begin(), proprietaryAuthData.end());
    return emvMac(algorithm, sessionKey, input, kArpcMethod2Length);
}

} // namespace cardlink::crypto
