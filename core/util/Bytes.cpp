#include "util/Bytes.h"

#include <openssl/crypto.h>

namespace cardlink {

namespace {
constexpr char kHexDigits[] = "0123456789ABCDEF";

} // namespace

std::string hexByte(std::uint8_t value)
{
    static constexpr char kDigits[] = "0123456789ABCDEF";
    return {kDigits[value >> 4], kDigits[value & 0x0F]};
}

std::string toHex(ByteView bytes)
{
    std::string text;
    text.reserve(bytes.size() * 2);
    for (auto b : bytes) {
        text.push_back(kHexDigits[b >> 4]);
        text.push_back(kHexDigits[b & 0x0F]);
    }
    return text;
}

std::string toSpacedHex(ByteView bytes)
{
    std::string text;
    text.reserve(bytes.size() * 3);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i > 0)
            text.push_back(' ');
        text.push_back(kHexDigits[bytes[i] >> 4]);
        text.push_back(kHexDigits[bytes[i] & 0x0F]);
    }
    return text;
}

int hexDigitValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

Result<Bytes> fromHex(std::string_view text)
{
    Bytes out;
    out.reserve(text.size() / 2);
    int high = -1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ' || c == ':' || c == '\t' || c == '\n') {
            if (high >= 0)
                return makeError(ErrorCode::Malformed,
                                 "hex separator inside a byte at offset " + std::to_string(i));
            continue;
        }
        const int v = hexDigitValue(c);
        if (v < 0)
            return makeError(ErrorCode::Malformed,
                             "not a hex digit at offset " + std::to_string(i));
        if (high < 0) {
            high = v;
        } else {
            out.push_back(static_cast<std::uint8_t>((high << 4) | v));
            high = -1;
        }
    }
    if (high >= 0)
        return makeError(ErrorCode::Malformed, "odd number of hex digits");
    return out;
}

void secureWipe(void* data, std::size_t size)
{
    OPENSSL_cleanse(data, size);
}

} // namespace cardlink
