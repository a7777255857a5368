#include "sim/emv/DolValues.h"

#include "tlv/Dol.h"

namespace cardlink::sim::emv {

std::size_t DolValues::expectedLength(ByteView dol)
{
    auto entries = tlv::parseDol(dol);
    return entries ? tlv::dolDataLength(*entries) : 0;
}

std::optional<Bytes> DolValues::value(ByteView dol, ByteView data, tlv::Tag tag)
{
    auto entries = tlv::parseDol(dol);
    if (!entries)
        return std::nullopt;
    std::size_t offset = 0;
    for (const auto& entry : *entries) {
        if (entry.tag == tag) {
            if (offset + entry.length > data.size())
                return std::nullopt;
            return Bytes(data.begin() + static_cast<std::ptrdiff_t>(offset),
                         data.begin() + static_cast<std::ptrdiff_t>(offset + entry.length));
        }
        offset += entry.length;
    }
    return std::nullopt;
}

} // namespace cardlink::sim::emv
