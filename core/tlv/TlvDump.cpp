#include "tlv/TlvDump.h"

#include "tlv/EmvTags.h"
#include "tlv/Length.h"
#include "tlv/TlvParser.h"
#include "util/PanMask.h"

namespace cardlink::tlv {

namespace {

constexpr Tag kPan = 0x5A;
constexpr Tag kTrack1Data = 0x56;
constexpr Tag kTrack2Equivalent = 0x57;
constexpr Tag kTrack2Data = 0x9F6B;
constexpr Tag kTrack1Discretionary = 0x9F1F;
constexpr Tag kTrack2Discretionary = 0x9F20;
constexpr Tag kPinData = 0x99;
constexpr std::string_view kHidden = "**";
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

// Size of the object's value once encoded, for the "[n]" of a template.
std::size_t contentLength(const TlvObject& object, std::size_t depth)
{
    if (!object.isConstructed())
        return object.value.size();
    std::size_t total = 0;
    if (depth > kMaxDepth)
        return total;
    for (const auto& child : object.children) {
        const std::size_t length = contentLength(child, depth + 1);
        Bytes header;
        appendTag(header, child.tag);
        appendLength(header, length);
        total += header.size() + length;
    }
    return total;
}

// cn and track 2 nibbles: digits up to the field separator D or the F padding.
std::string panFromNibbles(ByteView value, bool& more)
{
    const std::string hex = toHex(value);
    const auto end = hex.find_first_not_of("0123456789");
    more = end != std::string::npos && hex[end] == 'D';
    return hex.substr(0, end);
}

// Track 1 (ISO/IEC 7813): format code 'B', PAN, '^', name, '^', ...
std::string panFromTrack1(ByteView value)
{
    std::string digits;
    for (std::size_t i = 0; i < value.size() && value[i] != '^'; ++i) {
        if (value[i] >= '0' && value[i] <= '9')
            digits.push_back(static_cast<char>(value[i]));
    }
    return digits;
}

bool isTextFormat(TagFormat format)
{
    return format == TagFormat::A || format == TagFormat::An || format == TagFormat::Ans;
}

std::string printableText(ByteView value)
{
    std::string text;
    for (const auto b : value) {
        if (b < 0x20 || b > 0x7E)
            return {};
        text.push_back(static_cast<char>(b));
    }
    return text;
}

std::string renderValue(const TlvObject& object, const std::optional<TagInfo>& info)
{
    bool more = false;
    switch (object.tag) {
    case kPan:
        return maskPan(panFromNibbles(object.value, more));
    case kTrack2Equivalent:
    case kTrack2Data: {
        std::string text = maskPan(panFromNibbles(object.value, more));
        return more ? text + "D" + std::string(kEllipsis) : text;
    }
    case kTrack1Data:
        return maskPan(panFromTrack1(object.value)) + "^" + std::string(kEllipsis);
    case kTrack1Discretionary:
    case kTrack2Discretionary:
        return std::string(kHidden);
    default:
        break;
    }
    std::string text = toHex(object.value);
    if (info && isTextFormat(info->format) && !object.value.empty()) {
        const std::string printable = printableText(object.value);
        if (!printable.empty())
            text += " \"" + printable + "\"";
    }
    return text;
}

void dumpInto(std::string& out, const TlvObject& object, std::size_t depth)
{
    const auto info = lookupEmvTag(object.tag);
    out.append(2 * (depth - 1), ' ');
    out += tagToHex(object.tag);
    out += ' ';
    out += info ? info->name : std::string_view("Unknown");
    // A PIN never reaches a trace (ARCHITECTURE.md, security rules), not even
    // its length: a plaintext PIN block would give the PIN length away.
    if (object.tag == kPinData) {
        out += ' ';
        out += kHidden;
        out += '\n';
        return;
    }
    out += " [" + std::to_string(contentLength(object, depth)) + "]";
    if (object.isConstructed()) {
        out += '\n';
        if (depth >= kMaxDepth) {
            if (!object.children.empty())
                out.append(2 * depth, ' ').append(kEllipsis).append("\n");
            return;
        }
        for (const auto& child : object.children)
            dumpInto(out, child, depth + 1);
        return;
    }
    if (!object.value.empty())
        out += ' ' + renderValue(object, info);
    out += '\n';
}

} // namespace

std::string dump(std::span<const TlvObject> objects)
{
    std::string out;
    for (const auto& object : objects)
        dumpInto(out, object, 1);
    return out;
}

std::string dump(const TlvObject& object)
{
    return dump(std::span<const TlvObject>(&object, 1));
}

} // namespace cardlink::tlv
