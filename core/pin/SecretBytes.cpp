#include "pin/SecretBytes.h"

#include <openssl/crypto.h>

#include <algorithm>

namespace cardlink::pin {

SecretBytes::SecretBytes(std::size_t size)
    : m_data(size > 0 ? std::make_unique<std::uint8_t[]>(size) : nullptr), m_size(size)
{}

SecretBytes::SecretBytes(ByteView bytes) : SecretBytes(bytes.size())
{
    std::copy(bytes.begin(), bytes.end(), m_data.get());
}

SecretBytes::~SecretBytes()
{
    wipe();
}

SecretBytes::SecretBytes(SecretBytes&& other) noexcept
    : m_data(std::move(other.m_data)), m_size(other.m_size)
{
    other.m_size = 0;
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        wipe();
        m_data = std::move(other.m_data);
        m_size = other.m_size;
        other.m_size = 0;
    }
    return *this;
}

namespace {
bool hexSeparator(std::uint8_t c)
{
    return c == ' ' || c == ':' || c == '\t';
}
} // namespace

Result<SecretBytes> SecretBytes::fromHex(ByteView text)
{
    std::size_t digits = 0;
    int pending = 0; // digits of the byte being read: 0 or 1
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (hexDigitValue(static_cast<char>(text[i])) >= 0) {
            ++digits;
            pending ^= 1;
        } else if (!hexSeparator(text[i]) || pending != 0) {
            return makeError(
                ErrorCode::Malformed,
                (hexSeparator(text[i]) ? "hex separator inside a byte" : "not a hex digit") +
                    std::string(" at offset ") + std::to_string(i));
        }
    }
    if (pending != 0)
        return makeError(ErrorCode::Malformed, "odd number of hex digits");
    SecretBytes secret(digits / 2);
    std::size_t at = 0;
    int high = -1;
    for (std::uint8_t c : text) {
        const int v = hexDigitValue(static_cast<char>(c));
        if (v < 0)
            continue;
        if (high < 0) {
            high = v;
        } else {
            secret[at++] = static_cast<std::uint8_t>((high << 4) | v);
            high = -1;
        }
    }
    return secret;
}

bool SecretBytes::equals(ByteView other) const
{
    if (other.size() != m_size)
        return false;
    return m_size == 0 || CRYPTO_memcmp(m_data.get(), other.data(), m_size) == 0;
}

void SecretBytes::wipe()
{
    if (m_data)
        secureWipe(m_data.get(), m_size);
}

} // namespace cardlink::pin
