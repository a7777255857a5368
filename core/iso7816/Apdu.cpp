#include "iso7816/Apdu.h"

namespace cardlink::iso7816 {

ApduCase CommandApdu::apduCase() const
{
    if (data.empty())
        return ne ? ApduCase::Case2 : ApduCase::Case1;
    return ne ? ApduCase::Case4 : ApduCase::Case3;
}

bool CommandApdu::isExtended() const
{
    return data.size() > kMaxShortData || (ne && *ne > kMaxShortNe);
}

Result<Bytes> CommandApdu::encode() const
{
    if (data.size() > kMaxExtendedData)
        return makeError(ErrorCode::InvalidArgument, "command data longer than 65535 bytes");
    if (ne && (*ne == 0 || *ne > kMaxExtendedNe))
        return makeError(ErrorCode::InvalidArgument, "Ne must be 1..65536");

    Bytes out{cla, ins, p1, p2};
    const bool extended = isExtended();
    if (!data.empty()) {
        if (extended) {
            // ISO/IEC 7816-4:2013, 5.1: extended Lc is 00 followed by two bytes.
            out.push_back(0x00);
            appendU16(out, static_cast<std::uint16_t>(data.size()));
        } else {
            out.push_back(static_cast<std::uint8_t>(data.size()));
        }
        out.insert(out.end(), data.begin(), data.end());
    }
    if (ne) {
        if (extended) {
            // Extended Le: two bytes after an extended Lc, three (00 + two) when
            // there is no Lc field; 0000 means 65536.
            if (data.empty())
                out.push_back(0x00);
            appendU16(out, static_cast<std::uint16_t>(*ne == kMaxExtendedNe ? 0 : *ne));
        } else {
            out.push_back(static_cast<std::uint8_t>(*ne == kMaxShortNe ? 0 : *ne));
        }
    }
    return out;
}

Result<CommandApdu> CommandApdu::parse(ByteView bytes)
{
    if (bytes.size() < 4)
        return makeError(ErrorCode::Truncated, "C-APDU shorter than its 4-byte header");

    CommandApdu apdu;
    apdu.cla = bytes[0];
    apdu.ins = bytes[1];
    apdu.p1 = bytes[2];
    apdu.p2 = bytes[3];
    const std::size_t length = bytes.size();
    if (length == 4)
        return apdu; // case 1

    const std::size_t b1 = bytes[4];
    if (length == 5) { // case 2S
        apdu.ne = b1 == 0 ? kMaxShortNe : static_cast<std::uint32_t>(b1);
        return apdu;
    }
    if (b1 != 0) { // short Lc
        if (length == 5 + b1 || length == 6 + b1) {
            apdu.data.assign(bytes.begin() + 5, bytes.begin() + 5 + static_cast<long>(b1));
            if (length == 6 + b1) {
                const std::uint8_t le = bytes[length - 1];
                apdu.ne = le == 0 ? kMaxShortNe : le;
            }
            return apdu;
        }
        return makeError(ErrorCode::Malformed, "C-APDU length " + std::to_string(length) +
                                                   " does not match Lc " + std::to_string(b1));
    }
    // b1 == 0 and more than 5 bytes: extended length fields.
    if (length == 7) { // case 2E
        const std::uint32_t le = readU16(bytes, 5);
        apdu.ne = le == 0 ? kMaxExtendedNe : le;
        return apdu;
    }
    if (length < 7)
        return makeError(ErrorCode::Malformed, "C-APDU with a truncated extended length");
    const std::size_t lc = readU16(bytes, 5);
    if (lc == 0)
        return makeError(ErrorCode::Malformed, "extended Lc of zero");
    if (length == 7 + lc || length == 9 + lc) {
        apdu.data.assign(bytes.begin() + 7, bytes.begin() + 7 + static_cast<long>(lc));
        if (length == 9 + lc) {
            const std::uint32_t le = readU16(bytes, length - 2);
            apdu.ne = le == 0 ? kMaxExtendedNe : le;
        }
        return apdu;
    }
    return makeError(ErrorCode::Malformed, "C-APDU length " + std::to_string(length) +
                                               " does not match extended Lc " + std::to_string(lc));
}

Bytes ResponseApdu::encode() const
{
    Bytes out = data;
    appendU16(out, sw);
    return out;
}

Result<ResponseApdu> ResponseApdu::parse(ByteView bytes)
{
    if (bytes.size() < 2)
        return makeError(ErrorCode::Truncated, "R-APDU shorter than its two status bytes");
    ResponseApdu response;
    response.data.assign(bytes.begin(), bytes.end() - 2);
    response.sw = readU16(bytes, bytes.size() - 2);
    return response;
}

} // namespace cardlink::iso7816
