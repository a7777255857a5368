#include "iso8583/MessageDump.h"

#include "iso8583/MtiRules.h"
#include "iso8583/ResponseCodes.h"
#include "tlv/TlvDump.h"
#include "tlv/TlvParser.h"
#include "util/PanMask.h"

#include <cstdio>

namespace cardlink::iso8583 {

namespace {
constexpr int kIccDataField = 55; // ISO 8583:1993 and EMV: ICC data as BER-TLV
constexpr int kResponseCodeField = 39;
constexpr std::string_view kHidden = "****";
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
constexpr std::string_view kTlvIndent = "    ";

std::string fieldNumber(int number)
{
    char text[16];
    std::snprintf(text, sizeof text, "%03d", number);
    return text;
}

// Quotes text, escaping anything outside printable ASCII so a hostile value
// cannot forge extra lines in a log.
std::string quoted(const std::string& text)
{
    std::string out = "\"";
    for (unsigned char c : text) {
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
        } else if (c >= 0x20 && c <= 0x7E) {
            out.push_back(static_cast<char>(c));
        } else {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\x%02X", c);
            out += escape;
        }
    }
    return out + "\"";
}

std::string digitsOnly(std::string_view text)
{
    std::string digits;
    for (char c : text) {
        if (c >= '0' && c <= '9')
            digits.push_back(c);
    }
    return digits;
}

std::string maskTrack2(const std::string& track2)
{
    const auto separator = track2.find('=');
    std::string masked = maskPan(digitsOnly(track2.substr(0, separator)));
    if (separator != std::string::npos)
        masked += "=" + std::string(kEllipsis);
    return masked;
}

std::string iccData(const Bytes& bytes)
{
    auto objects = tlv::parse(bytes);
    if (!objects)
        return " (not BER-TLV, hidden)\n";
    std::string out = "\n";
    const std::string tree = tlv::dump(*objects);
    std::size_t start = 0;
    while (start < tree.size()) {
        const auto end = tree.find('\n', start);
        const auto stop = end == std::string::npos ? tree.size() : end;
        out += kTlvIndent;
        out.append(tree, start, stop - start);
        out += '\n';
        start = stop + 1;
    }
    return out;
}

std::size_t valueLength(const FieldValue& value)
{
    if (const Bytes* bytes = std::get_if<Bytes>(&value))
        return bytes->size();
    return std::get<std::string>(value).size();
}

// The text after the field name, including the trailing newline.
std::string renderSensitive(int number, const FieldSpec& spec, const FieldValue& value)
{
    const std::string length = " [" + std::to_string(valueLength(value)) + "]";
    const std::string* text = std::get_if<std::string>(&value);
    if (text && spec.format == FieldFormat::N)
        return length + " " + maskPan(digitsOnly(*text)) + "\n";
    if (text && spec.format == FieldFormat::Z)
        return length + " " + maskTrack2(*text) + "\n";
    const Bytes* bytes = std::get_if<Bytes>(&value);
    if (bytes && number == kIccDataField)
        return length + iccData(*bytes);
    return " " + std::string(kHidden) + "\n";
}

std::string renderPlain(int number, const FieldValue& value)
{
    const std::string length = " [" + std::to_string(valueLength(value)) + "] ";
    if (const Bytes* bytes = std::get_if<Bytes>(&value))
        return length + toHex(*bytes) + "\n";
    const std::string& text = std::get<std::string>(value);
    std::string out = length + quoted(text);
    if (number == kResponseCodeField)
        out += " (" + std::string(describeResponseCode(text)) + ")";
    return out + "\n";
}
} // namespace

std::string dump(const Message& message, const Profile& profile)
{
    const std::string& mti = message.mti();
    const bool plainMti = !mti.empty() && digitsOnly(mti).size() == mti.size() && mti.size() <= 4;
    std::string out = "MTI " + (plainMti ? mti : quoted(mti));
    if (const MtiRule* rule = findMtiRule(message.mti()))
        out += " " + std::string(rule->name);
    out += '\n';
    for (const auto& [number, value] : message.fields()) {
        out += fieldNumber(number);
        const FieldSpec* spec = profile.field(number);
        if (!spec) {
            out += " (not in profile) [" + std::to_string(valueLength(value)) + "] " +
                   std::string(kHidden) + "\n";
            continue;
        }
        out += " " + spec->name;
        out += spec->sensitive ? renderSensitive(number, *spec, value) : renderPlain(number, value);
    }
    return out;
}

} // namespace cardlink::iso8583
