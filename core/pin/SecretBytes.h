#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>

namespace cardlink::pin {

// A fixed-size buffer for a PIN or a clear PIN block. It is wiped with
// secureWipe when destroyed or overwritten by a move, cannot be copied, and
// never reallocates, so no stray copy of the secret is left on the heap.
class SecretBytes
{
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size);
    explicit SecretBytes(ByteView bytes);
    ~SecretBytes();

    // A secret written as hex text (a key file's line): hex digits, with
    // spaces, tabs or colons allowed between bytes. Decoded straight into a
    // buffer of the final size, so no growing copy is left behind. Malformed
    // when anything else is in the text; the error gives the offset, never
    // the digits.
    static Result<SecretBytes> fromHex(ByteView text);

    SecretBytes(SecretBytes&& other) noexcept;
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    SecretBytes(const SecretBytes&) = delete;
    SecretBytes& operator=(const SecretBytes&) = delete;

    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    std::uint8_t* data() { return m_data.get(); }
    const std::uint8_t* data() const { return m_data.get(); }
    std::uint8_t& operator[](std::size_t i) { return m_data[i]; }
    std::uint8_t operator[](std::size_t i) const { return m_data[i]; }
    ByteView view() const { return {m_data.get(), m_size}; }
    std::span<std::uint8_t> span() { return {m_data.get(), m_size}; }

    // Constant-time comparison (CRYPTO_memcmp), for tests and PIN checks.
    bool equals(ByteView other) const;

private:
    void wipe();

    std::unique_ptr<std::uint8_t[]> m_data;
    std::size_t m_size = 0;
};

} // namespace cardlink::pin
