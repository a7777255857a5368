#include "tlv/Dol.h"

#include "tlv/Length.h"

#include <algorithm>
#include <string>

namespace cardlink::tlv {

Result<std::vector<DolEntry>> parseDol(ByteView dol)
{
    std::vector<DolEntry> entries;
    std::size_t total = 0;
    std::size_t pos = 0;
    while (pos < dol.size()) {
        const auto where = [start = pos] {
            return " at offset " + std::to_string(start);
        };
        // Padding is allowed between TLV objects, not inside a DOL, which
        // holds no values: a 00 or FF here is a broken list.
        if (dol[pos] == 0x00 || dol[pos] == 0xFF)
            return makeError(ErrorCode::Malformed, "invalid tag byte in DOL" + where());
        std::size_t consumed = 0;
        auto tag = readTag(dol.subspan(pos), consumed);
        if (!tag)
            return makeError(tag.error().code, tag.error().message + where());
        pos += consumed;
        auto length = readLength(dol.subspan(pos), consumed);
        if (!length)
            return makeError(length.error().code, length.error().message + where());
        pos += consumed;
        if (*length > kMaxDolEntryLength)
            return makeError(ErrorCode::Malformed, "DOL entry for " + tagToHex(*tag) +
                                                       " asks for " + std::to_string(*length) +
                                                       " bytes" + where());
        total += *length;
        if (total > kMaxDolDataLength)
            return makeError(ErrorCode::Malformed, "DOL asks for more than " +
                                                       std::to_string(kMaxDolDataLength) +
                                                       " bytes");
        entries.push_back(DolEntry{*tag, *length});
    }
    return entries;
}

std::size_t dolDataLength(std::span<const DolEntry> entries)
{
    std::size_t total = 0;
    for (const auto& entry : entries)
        total += entry.length;
    return total;
}

Bytes fitDolValue(ByteView value, std::size_t length, TagFormat format)
{
    const bool numeric = format == TagFormat::N;
    if (value.size() >= length) {
        // Too long (or exact): n is right-justified, everything else left-justified.
        const auto start =
            numeric ? value.end() - static_cast<std::ptrdiff_t>(length) : value.begin();
        return Bytes(start, start + static_cast<std::ptrdiff_t>(length));
    }
    const std::size_t missing = length - value.size();
    Bytes out;
    out.reserve(length);
    if (numeric) {
        out.assign(missing, 0x00);
        out.insert(out.end(), value.begin(), value.end());
    } else {
        out.assign(value.begin(), value.end());
        out.insert(out.end(), missing, format == TagFormat::Cn ? 0xFF : 0x00);
    }
    return out;
}

Bytes buildDolData(std::span<const DolEntry> entries, const DolValueLookup& values,
                   const DolFormatLookup& formats)
{
    Bytes data;
    data.reserve(dolDataLength(entries));
    for (const auto& entry : entries) {
        // EMV 4.4 Book 3, 5.4: a constructed tag in a DOL is filled with zeros,
        // as is a data object the terminal does not have.
        std::optional<ByteView> value;
        if (!isConstructed(entry.tag) && values)
            value = values(entry.tag);
        if (!value) {
            data.insert(data.end(), entry.length, 0x00);
            continue;
        }
        const TagFormat format = formats ? formats(entry.tag) : formatOf(entry.tag);
        const Bytes fitted = fitDolValue(*value, entry.length, format);
        data.insert(data.end(), fitted.begin(), fitted.end());
    }
    return data;
}

Result<Bytes> buildDolData(ByteView dol, const DolValueLookup& values,
                           const DolFormatLookup& formats)
{
    auto entries = parseDol(dol);
    if (!entries)
        return entries.error();
    return buildDolData(*entries, values, formats);
}

} // namespace cardlink::tlv
