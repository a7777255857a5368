#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace cardlink::dukpt {

// The 96-bit AES DUKPT key serial number (ANSI X9.24-3-2017): the
// 64-bit initial key ID (32-bit BDK ID, 32-bit derivation ID) followed by
// the 32-bit transaction counter, big-endian. It travels in ISO 8583 field 53.
class KeySerialNumber
{
public:
    static constexpr std::size_t kSize = 12;
    static constexpr std::size_t kInitialKeyIdSize = 8;
    // X9.24-3-2017: a counter with more than 16 one bits is never used,
    // which bounds the host's derivation to 16 steps.
    static constexpr int kMaxOneBits = 16;

    // All zero: initial key ID 0, counter 0 (not a valid transaction KSN).
    KeySerialNumber() = default;

    // Exactly 12 bytes (InvalidArgument otherwise). The counter is not
    // checked: a host reads whatever the terminal sent, see isValid().
    static Result<KeySerialNumber> fromBytes(ByteView bytes);
    static Result<KeySerialNumber> fromHex(std::string_view hex);
    // `initialKeyId` must be 8 bytes.
    static Result<KeySerialNumber> make(ByteView initialKeyId, std::uint32_t counter);

    ByteView initialKeyId() const { return ByteView(m_bytes).first(kInitialKeyIdSize); }
    // The rightmost 32 bits of the initial key ID: bytes 8-11 of the
    // derivation data of every key below the initial key.
    ByteView derivationId() const { return ByteView(m_bytes).subspan(4, 4); }
    std::uint32_t counter() const;
    ByteView bytes() const { return m_bytes; }
    Bytes toBytes() const { return Bytes(m_bytes.begin(), m_bytes.end()); }
    std::string hex() const { return toHex(m_bytes); }

    // Counter not zero and at most 16 one bits.
    bool isValid() const { return isValidCounter(counter()); }
    static bool isValidCounter(std::uint32_t counter);

    // The counter that follows `counter` (X9.24-3-2017, Annex B "Update
    // State for next Transaction"): +1 while it has fewer than 16 one bits, else
    // + its lowest set bit, which skips every counter with more than 16. Zero
    // when the counter space is exhausted (0xFFFF0000 is the last one).
    static std::uint32_t nextCounter(std::uint32_t counter);
    // This KSN with the next counter; InvalidArgument "exhausted" after the last.
    Result<KeySerialNumber> next() const;

    bool operator==(const KeySerialNumber&) const = default;

private:
    std::array<std::uint8_t, kSize> m_bytes{};
};

} // namespace cardlink::dukpt
