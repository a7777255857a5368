#include "sim/emv/EmvTlv.h"

#include "tlv/Length.h"
#include "tlv/TlvParser.h"

namespace cardlink::sim::emv {

void appendTlv(Bytes& out, tlv::Tag tag, ByteView value)
{
    tlv::appendTag(out, tag);
    tlv::appendLength(out, value.size());
    out.insert(out.end(), value.begin(), value.end());
}

Bytes makeTlv(tlv::Tag tag, ByteView value)
{
    Bytes out;
    appendTlv(out, tag, value);
    return out;
}

std::optional<Bytes> findValue(ByteView data, tlv::Tag tag)
{
    auto objects = tlv::parse(data);
    if (!objects)
        return std::nullopt;
    const tlv::TlvObject* found = tlv::findTag(*objects, tag);
    if (!found || found->isConstructed())
        return std::nullopt;
    return found->value;
}

std::optional<std::string> panDigits(ByteView pan)
{
    std::string digits;
    for (auto byte : pan) {
        for (int shift : {4, 0}) {
            const int nibble = (byte >> shift) & 0x0F;
            if (nibble == 0x0F)
                return digits.empty() ? std::nullopt : std::optional(digits);
            if (nibble > 9)
                return std::nullopt;
            digits.push_back(static_cast<char>('0' + nibble));
        }
    }
    if (digits.empty())
        return std::nullopt;
    return digits;
}

} // namespace cardlink::sim::emv
