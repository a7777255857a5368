#include "online/CardFields.h"

#include <cstdio>

namespace cardlink::online {

namespace {
// EMV 4.4 Book 3, Annex A: cn (5A) and track 2 (57) are BCD digits padded
// with F; in 57 the separator is D.
std::optional<std::string> nibbles(ByteView value, bool track2)
{
    std::string out;
    for (std::size_t i = 0; i < value.size() * 2; ++i) {
        const std::uint8_t nibble = (value[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0x0F;
        if (nibble <= 9)
            out.push_back(static_cast<char>('0' + nibble));
        else if (track2 && nibble == 0x0D)
            out.push_back('=');
        else if (nibble == 0x0F && i + 1 == value.size() * 2)
            break; // pad nibble, only at the end
        else
            return std::nullopt;
    }
    return out;
}
} // namespace

Result<CardFields> CardFields::fromTransaction(const emv::TransactionData& data)
{
    CardFields fields;
    if (auto track = data.get(0x57)) {
        auto text = nibbles(*track, true);
        const auto separator = text ? text->find('=') : std::string::npos;
        if (!text || separator == 0 || separator == std::string::npos || separator > 19)
            return makeError(ErrorCode::Malformed, "track 2 equivalent data (57) is not valid");
        fields.track2 = *text;
        fields.pan = text->substr(0, separator);
    }
    if (auto pan = data.get(0x5A)) {
        auto text = nibbles(*pan, false);
        if (!text || text->empty() || text->size() > 19)
            return makeError(ErrorCode::Malformed, "application PAN (5A) is not valid");
        fields.pan = *text;
    }
    if (fields.pan.empty())
        return makeError(ErrorCode::Malformed, "the card gave neither 5A nor 57");
    if (auto expiry = data.get(0x5F24)) {
        auto text = nibbles(*expiry, false);
        if (!text || text->size() != 6)
            return makeError(ErrorCode::Malformed, "expiration date (5F24) is not YYMMDD");
        fields.expiry = text->substr(0, 4);
    }
    if (data.has(0x5F34)) {
        const auto psn = data.getBcd(0x5F34);
        if (!psn || *psn > 99)
            return makeError(ErrorCode::Malformed, "PAN sequence number (5F34) is not n2");
        char buffer[4];
        std::snprintf(buffer, sizeof buffer, "%03u", static_cast<unsigned>(*psn));
        fields.sequenceNumber = buffer;
    }
    return fields;
}

} // namespace cardlink::online
