#include "host/IccRequestData.h"

#include "crypto/EmvCryptogram.h"
#include "tlv/TlvParser.h"

#include <array>
#include <utility>

namespace cardlink::host {

namespace {

constexpr std::size_t kCryptogramLength = 8;
constexpr std::size_t kAipLength = 2;
constexpr std::size_t kIadCvrOffset = 3;
constexpr std::size_t kCvrLength = 4;
constexpr std::uint8_t kIadFormat = 0x06;

Bytes fixed(const tlv::TlvObject* object, std::size_t length)
{
    Bytes out = object ? object->value : Bytes{};
    out.resize(length, 0x00);
    return out;
}

Error malformed(const char* what)
{
    return makeError(ErrorCode::Malformed, std::string("field 55: ") + what);
}

} // namespace

Result<IccRequestData> IccRequestData::parse(ByteView field55)
{
    auto objects = tlv::parse(field55);
    if (!objects)
        return malformed("not BER-TLV");
    const auto find = [&](tlv::Tag tag) {
        return tlv::findTag(*objects, tag);
    };
    const auto* ac = find(0x9F26);
    const auto* cid = find(0x9F27);
    const auto* atc = find(0x9F36);
    const auto* iad = find(0x9F10);
    if (!ac || ac->value.size() != kCryptogramLength)
        return malformed("no 8-byte cryptogram 9F26");
    if (!cid || cid->value.size() != 1)
        return malformed("no cryptogram information data 9F27");
    if (!atc || atc->value.size() != 2)
        return malformed("no ATC 9F36");
    if (!iad || iad->value.size() < kIadCvrOffset + kCvrLength || iad->value[0] != kIadFormat)
        return malformed("issuer application data 9F10 not in CardLink's layout");

    IccRequestData data;
    data.cryptogram = ac->value;
    data.cid = cid->value[0];
    data.atc = readU16(atc->value, 0);
    data.issuerApplicationData = iad->value;
    data.cvr.assign(iad->value.begin() + kIadCvrOffset,
                    iad->value.begin() + kIadCvrOffset + kCvrLength);
    if (const auto* psn = find(0x5F34); psn && psn->value.size() == 1) {
        const std::uint8_t bcd = psn->value[0];
        if ((bcd >> 4) > 9 || (bcd & 0x0F) > 9)
            return malformed("PAN sequence number 5F34 not BCD");
        data.psn = static_cast<std::uint8_t>((bcd >> 4) * 10 + (bcd & 0x0F));
    }
    Bytes atcBytes;
    appendU16(atcBytes, data.atc);
    data.cryptogramInput = crypto::recommendedCryptogramInput(
        [&find](std::uint32_t tag, std::size_t) {
            const auto* object = find(tag);
            return object ? object->value : Bytes{};
        },
        fixed(find(0x82), kAipLength), atcBytes, data.cvr);
    return data;
}

} // namespace cardlink::host
