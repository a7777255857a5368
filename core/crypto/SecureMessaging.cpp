#include "crypto/SecureMessaging.h"

#include "crypto/EmvCryptogram.h"
#include "crypto/EmvMac.h"

namespace cardlink::crypto {

namespace {
constexpr std::size_t kHeaderLength = 4;
constexpr std::size_t kMinScriptMacLength = 4;
constexpr std::size_t kMaxShortLc = 255;
} // namespace

Result<Bytes> scriptCommandMac(CipherAlgorithm algorithm, ByteView sessionKey, ByteView header,
                               std::uint16_t atc, ByteView cryptogram, ByteView commandData,
                               std::size_t macLength)
{
    if (header.size() != kHeaderLength)
        return makeError(ErrorCode::InvalidArgument, "command header must be CLA INS P1 P2");
    if (cryptogram.size() != kCryptogramLength)
        return makeError(ErrorCode::InvalidArgument, "application cryptogram must be 8 bytes");
    if (macLength < kMinScriptMacLength || macLength > kEmvMacLength)
        return makeError(ErrorCode::InvalidArgument, "script MAC length must be 4..8 bytes");
    if (commandData.size() + macLength > kMaxShortLc)
        return makeError(ErrorCode::InvalidArgument, "command data too long for a short APDU");

    Bytes input(header.begin(), header.end());
    input.push_back(static_cast<std::uint8_t>(commandData.size() + macLength));
    appendU16(input, atc);
    input.insert(input.end(), cryptogram.begin(), cryptogram.end());
    input.insert(input.end(), commandData.begin(), commandData.end());
    return emvMac(algorithm, sessionKey, input, macLength);
}

Result<Bytes> buildScriptCommand(CipherAlgorithm algorithm, ByteView sessionKey, ByteView header,
                                 std::uint16_t atc, ByteView cryptogram, ByteView commandData,
                                 std::size_t macLength)
{
    auto mac =
        scriptCommandMac(algorithm, sessionKey, header, atc, cryptogram, commandData, macLength);
    if (!mac)
        return mac.error();
    Bytes apdu(header.begin(), header.end());
    apdu.push_back(static_cast<std::uint8_t>(commandData.size() + macLength));
    apdu.insert(apdu.end(), commandData.begin(), commandData.end());
    apdu.insert(apdu.end(), mac->begin(), mac->end());
    return apdu;
}

} // namespace cardlink::crypto
