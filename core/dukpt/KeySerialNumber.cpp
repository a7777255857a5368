#include "dukpt/KeySerialNumber.h"

#include <algorithm>
#include <bit>

namespace cardlink::dukpt {

Result<KeySerialNumber> KeySerialNumber::fromBytes(ByteView bytes)
{
    if (bytes.size() != kSize)
        return makeError(ErrorCode::InvalidArgument,
                         "an AES DUKPT key serial number has 12 bytes, not " +
                             std::to_string(bytes.size()));
    KeySerialNumber ksn;
    std::copy(bytes.begin(), bytes.end(), ksn.m_bytes.begin());
    return ksn;
}

Result<KeySerialNumber> KeySerialNumber::fromHex(std::string_view hex)
{
    auto bytes = cardlink::fromHex(hex);
    if (!bytes)
        return bytes.error();
    return fromBytes(*bytes);
}

Result<KeySerialNumber> KeySerialNumber::make(ByteView initialKeyId, std::uint32_t counter)
{
    if (initialKeyId.size() != kInitialKeyIdSize)
        return makeError(ErrorCode::InvalidArgument,
                         "an AES DUKPT initial key ID has 8 bytes, not " +
                             std::to_string(initialKeyId.size()));
    KeySerialNumber ksn;
    std::copy(initialKeyId.begin(), initialKeyId.end(), ksn.m_bytes.begin());
    for (int i = 0; i < 4; ++i)
        ksn.m_bytes[kInitialKeyIdSize + i] = static_cast<std::uint8_t>(counter >> (24 - 8 * i));
    return ksn;
}

std::uint32_t KeySerialNumber::counter() const
{
    std::uint32_t value = 0;
    for (std::size_t i = kInitialKeyIdSize; i < kSize; ++i)
        value = (value << 8) | m_bytes[i];
    return value;
}

bool KeySerialNumber::isValidCounter(std::uint32_t counter)
{
    return counter != 0 && std::popcount(counter) <= kMaxOneBits;
}

std::uint32_t KeySerialNumber::nextCounter(std::uint32_t counter)
{
    const std::uint64_t step =
        std::popcount(counter) < kMaxOneBits ? 1 : (counter & (~counter + 1)); // lowest one bit
    const std::uint64_t next = std::uint64_t{counter} + step;
    return next > 0xFFFFFFFFu ? 0 : static_cast<std::uint32_t>(next);
}

Result<KeySerialNumber> KeySerialNumber::next() const
{
    const std::uint32_t following = nextCounter(counter());
    if (following == 0)
        return makeError(ErrorCode::InvalidArgument, "DUKPT key serial number exhausted");
    return make(initialKeyId(), following);
}

} // namespace cardlink::dukpt
