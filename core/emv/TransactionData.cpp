#include "emv/TransactionData.h"

namespace cardlink::emv {

void TransactionData::set(tlv::Tag tag, Bytes value)
{
    m_values[tag] = std::move(value);
}

bool TransactionData::has(tlv::Tag tag) const
{
    return m_values.contains(tag);
}

std::optional<ByteView> TransactionData::get(tlv::Tag tag) const
{
    const auto it = m_values.find(tag);
    if (it == m_values.end())
        return std::nullopt;
    return ByteView(it->second);
}

void TransactionData::erase(tlv::Tag tag)
{
    m_values.erase(tag);
    m_fromCard.erase(tag);
}

bool TransactionData::storeCardObjects(std::span<const tlv::TlvObject> objects,
                                       bool rejectDuplicates)
{
    for (const auto& object : objects) {
        if (object.isConstructed()) {
            if (!storeCardObjects(object.children, rejectDuplicates))
                return false;
            continue;
        }
        if (rejectDuplicates && m_fromCard.contains(object.tag))
            return false;
        m_values[object.tag] = object.value;
        m_fromCard[object.tag] = true;
    }
    return true;
}

Bytes TransactionData::bcd(std::uint64_t value, std::size_t bytes)
{
    Bytes out(bytes, 0);
    for (std::size_t i = bytes; i-- > 0;) {
        const auto low = static_cast<std::uint8_t>(value % 10);
        value /= 10;
        const auto high = static_cast<std::uint8_t>(value % 10);
        value /= 10;
        out[i] = static_cast<std::uint8_t>((high << 4) | low);
    }
    return out;
}

std::optional<std::uint64_t> TransactionData::getBcd(tlv::Tag tag) const
{
    const auto value = get(tag);
    if (!value || value->size() > 10)
        return std::nullopt;
    std::uint64_t result = 0;
    for (const auto byte : *value) {
        const int high = byte >> 4;
        const int low = byte & 0x0F;
        if (high > 9 || low > 9)
            return std::nullopt;
        result = result * 100 + static_cast<std::uint64_t>(high * 10 + low);
    }
    return result;
}

std::optional<std::uint64_t> TransactionData::getUnsigned(tlv::Tag tag) const
{
    const auto value = get(tag);
    if (!value || value->size() > 8)
        return std::nullopt;
    std::uint64_t result = 0;
    for (const auto byte : *value)
        result = (result << 8) | byte;
    return result;
}

tlv::DolValueLookup TransactionData::lookup() const
{
    return [this](tlv::Tag tag) {
        return get(tag);
    };
}

} // namespace cardlink::emv
