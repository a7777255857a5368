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
