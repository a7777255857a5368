#include "sim/FileControlInfo.h"

#include "tlv/Length.h"
#include "tlv/Tag.h"

#include <algorithm>

namespace cardlink::sim {

namespace {
constexpr tlv::Tag kFcpTemplate = 0x62;
constexpr tlv::Tag kFmdTemplate = 0x64;
constexpr tlv::Tag kFciTemplate = 0x6F;
constexpr tlv::Tag kDataBytes = 0x80;
constexpr tlv::Tag kFileDescriptor = 0x82;
constexpr tlv::Tag kFileIdentifier = 0x83;
constexpr tlv::Tag kDfName = 0x84;
constexpr tlv::Tag kShortEfIdentifier = 0x88;
constexpr tlv::Tag kLifeCycleStatus = 0x8A;
constexpr tlv::Tag kProprietary = 0xA5;

// ISO/IEC 7816-4:2013, 7.4: file descriptor byte. DF = 0x38; working EF, transparent = 0x01;
// working EF, linear variable records = 0x04.
constexpr std::uint8_t kDescriptorDf = 0x38;
constexpr std::uint8_t kDescriptorTransparent = 0x01;
constexpr std::uint8_t kDescriptorLinearVariable = 0x04;
// 7.4: data coding byte 21 (one-byte data units, the common value).
constexpr std::uint8_t kDataCoding = 0x21;
// 7.4: life cycle status byte "operational state (activated)".
constexpr std::uint8_t kOperationalActivated = 0x05;

void appendTlv(Bytes& out, tlv::Tag tag, ByteView value)
{
    tlv::appendTag(out, tag);
    tlv::appendLength(out, value.size());
    out.insert(out.end(), value.begin(), value.end());
}

Bytes u16(std::size_t value)
{
    Bytes out;
    appendU16(out, static_cast<std::uint16_t>(value));
    return out;
}

Bytes descriptor(const FileNode& file)
{
    switch (file.kind) {
    case FileKind::Dedicated:
        return {kDescriptorDf};
    case FileKind::Transparent:
        return {kDescriptorTransparent};
    case FileKind::Records:
        break;
    }
    // 7.4: descriptor, data coding, maximum record size and number of
    // records, each of the last two on two bytes.
    std::size_t largest = 0;
    for (const auto& record : file.records)
        largest = std::max(largest, record.size());
    Bytes value{kDescriptorLinearVariable, kDataCoding};
    appendU16(value, static_cast<std::uint16_t>(largest));
    appendU16(value, static_cast<std::uint16_t>(file.records.size()));
    return value;
}

// The objects inside the FCP template, in tag order.
Bytes fcpObjects(const FileNode& file)
{
    Bytes out;
    if (file.kind == FileKind::Transparent)
        appendTlv(out, kDataBytes, u16(file.content.size()));
    appendTlv(out, kFileDescriptor, descriptor(file));
    if (file.fid)
        appendTlv(out, kFileIdentifier, u16(*file.fid));
    if (!file.dfName.empty())
        appendTlv(out, kDfName, file.dfName);
    if (file.sfi) {
        // 7.4: SFI in b8-b4, b3-b1 = 000.
        const std::uint8_t sfi = static_cast<std::uint8_t>(*file.sfi << 3);
        appendTlv(out, kShortEfIdentifier, ByteView(&sfi, 1));
    }
    const std::uint8_t lifeCycle = kOperationalActivated;
    appendTlv(out, kLifeCycleStatus, ByteView(&lifeCycle, 1));
    return out;
}
} // namespace

Bytes FileControlInfo::fcp(const FileNode& file)
{
    Bytes out;
    appendTlv(out, kFcpTemplate, fcpObjects(file));
    return out;
}

Bytes FileControlInfo::fci(const FileNode& file)
{
    Bytes out;
    if (file.isDf() && !file.dfName.empty()) {
        Bytes inner;
        appendTlv(inner, kDfName, file.dfName);
        if (!file.fciProprietary.empty())
            appendTlv(inner, kProprietary, file.fciProprietary);
        appendTlv(out, kFciTemplate, inner);
    } else {
        appendTlv(out, kFciTemplate, fcpObjects(file));
    }
    return out;
}

Bytes FileControlInfo::fmd(const FileNode&)
{
    Bytes out;
    appendTlv(out, kFmdTemplate, {});
    return out;
}

} // namespace cardlink::sim
