#include "iso8583/FieldCodec.h"

namespace cardlink::iso8583 {

namespace {
constexpr std::uint8_t kTrack2Separator = 0x0D; // '=' in the 4-bit track 2 set
constexpr std::uint8_t kTrack2Pad = 0x0F;
constexpr char kHexDigits[] = "0123456789ABCDEF";

Error fieldError(const FieldSpec& spec, ErrorCode code, const std::string& why)
{
    return makeError(code, "field " + std::to_string(spec.number) + ": " + why);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isLetter(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

bool charFits(FieldFormat format, char c)
{
    switch (format) {
    case FieldFormat::N:
    case FieldFormat::XN:
        return isDigit(c);
    case FieldFormat::Z:
        return isDigit(c) || c == '=';
    case FieldFormat::An:
        return isDigit(c) || isLetter(c) || c == ' ';
    case FieldFormat::Ans:
        return c >= 0x20 && c <= 0x7E;
    case FieldFormat::B:
        return false;
    }
    return false;
}

bool isSign(char c)
{
    return c == 'C' || c == 'D';
}

std::size_t prefixDigits(LengthType type)
{
    return type == LengthType::LlVar ? 2 : 3;
}

std::size_t prefixSize(LengthType type, Encoding lengthEncoding)
{
    if (type == LengthType::Fixed)
        return 0;
    if (lengthEncoding == Encoding::Ascii)
        return prefixDigits(type);
    return type == LengthType::LlVar ? 1 : 2;
}

// Bytes the content of a field of `length` (digits, characters or bytes) takes.
std::size_t contentSize(const FieldSpec& spec, std::size_t length)
{
    const std::size_t sign = spec.format == FieldFormat::XN ? 1 : 0;
    if (spec.format == FieldFormat::B)
        return spec.encoding == Encoding::Ascii ? 2 * length : length;
    if (spec.encoding == Encoding::Bcd)
        return sign + (length + 1) / 2;
    return sign + length;
}

void encodePrefix(LengthType type, Encoding lengthEncoding, std::size_t length, Bytes& out)
{
    if (type == LengthType::Fixed)
        return;
    const auto hundreds = static_cast<std::uint8_t>(length / 100);
    const auto tens = static_cast<std::uint8_t>(length / 10 % 10);
    const auto units = static_cast<std::uint8_t>(length % 10);
    switch (lengthEncoding) {
    case Encoding::Ascii:
        if (type == LengthType::LllVar)
            out.push_back(static_cast<std::uint8_t>('0' + hundreds));
        out.push_back(static_cast<std::uint8_t>('0' + tens));
        out.push_back(static_cast<std::uint8_t>('0' + units));
        break;
    case Encoding::Bcd:
        if (type == LengthType::LllVar)
            out.push_back(hundreds);
        out.push_back(static_cast<std::uint8_t>((tens << 4) | units));
        break;
    case Encoding::Binary:
        if (type == LengthType::LllVar)
            appendU16(out, static_cast<std::uint16_t>(length));
        else
            out.push_back(static_cast<std::uint8_t>(length));
        break;
    }
}

Result<std::size_t> decodePrefix(const FieldSpec& spec, Encoding lengthEncoding, ByteView in)
{
    const std::size_t maxValue = spec.lengthType == LengthType::LlVar ? 99 : 999;
    std::size_t value = 0;
    switch (lengthEncoding) {
    case Encoding::Ascii:
        for (auto b : in) {
            if (!isDigit(static_cast<char>(b)))
                return fieldError(spec, ErrorCode::Malformed, "length prefix is not ASCII digits");
            value = value * 10 + static_cast<std::size_t>(b - '0');
        }
        break;
    case Encoding::Bcd:
        for (std::size_t i = 0; i < in.size(); ++i) {
            const int high = in[i] >> 4;
            const int low = in[i] & 0x0F;
            // LLL in two bytes: the first nibble is a 0 pad.
            const bool padNibble = spec.lengthType == LengthType::LllVar && i == 0;
            if (high > 9 || low > 9 || (padNibble && high != 0))
                return fieldError(spec, ErrorCode::Malformed, "length prefix is not BCD");
            value = value * 100 + static_cast<std::size_t>(high * 10 + low);
        }
        break;
    case Encoding::Binary:
        for (auto b : in)
            value = (value << 8) | b;
        break;
    }
    if (value > maxValue)
        return fieldError(spec, ErrorCode::Malformed, "length prefix out of range");
    return value;
}

Result<void> checkLength(const FieldSpec& spec, std::size_t length)
{
    if (spec.lengthType == LengthType::Fixed && length != spec.maxLength)
        return fieldError(spec, ErrorCode::Malformed,
                          "length " + std::to_string(length) + ", fixed length is " +
                              std::to_string(spec.maxLength));
    if (length > spec.maxLength)
        return fieldError(spec, ErrorCode::Malformed,
                          "length " + std::to_string(length) + " above maximum " +
                              std::to_string(spec.maxLength));
    return {};
}

std::uint8_t digitNibble(char c)
{
    return c == '=' ? kTrack2Separator : static_cast<std::uint8_t>(c - '0');
}

// Packs digits (and '=' for z) two a byte; n pads on the left with 0, z on
// the right with F.
void packBcd(FieldFormat format, std::string_view digits, Bytes& out)
{
    std::vector<std::uint8_t> nibbles;
    nibbles.reserve(digits.size() + 1);
    const bool odd = digits.size() % 2 != 0;
    if (odd && format != FieldFormat::Z)
        nibbles.push_back(0);
    for (char c : digits)
        nibbles.push_back(digitNibble(c));
    if (odd && format == FieldFormat::Z)
        nibbles.push_back(kTrack2Pad);
    for (std::size_t i = 0; i < nibbles.size(); i += 2)
        out.push_back(static_cast<std::uint8_t>((nibbles[i] << 4) | nibbles[i + 1]));
}

Result<std::string> unpackBcd(const FieldSpec& spec, ByteView in, std::size_t digits)
{
    std::string text;
    text.reserve(digits);
    const bool odd = digits % 2 != 0;
    const bool track2 = spec.format == FieldFormat::Z;
    for (std::size_t i = 0; i < in.size() * 2; ++i) {
        const std::uint8_t nibble = (i % 2 == 0) ? (in[i / 2] >> 4) : (in[i / 2] & 0x0F);
        if (odd && !track2 && i == 0) {
            if (nibble != 0)
                return fieldError(spec, ErrorCode::Malformed, "BCD pad nibble is not 0");
            continue;
        }
        if (odd && track2 && i == in.size() * 2 - 1) {
            if (nibble != kTrack2Pad)
                return fieldError(spec, ErrorCode::Malformed, "track 2 pad nibble is not F");
            continue;
        }
        if (nibble <= 9)
            text.push_back(static_cast<char>('0' + nibble));
        else if (track2 && nibble == kTrack2Separator)
            text.push_back('=');
        else
            return fieldError(spec, ErrorCode::Malformed, "not a BCD digit");
    }
    return text;
}

int hexValue(std::uint8_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1; // lower case is refused: one spelling per value
}
} // namespace

Result<void> FieldCodec::validate(const FieldSpec& spec, const FieldValue& value)
{
    if (spec.format == FieldFormat::B) {
        const Bytes* bytes = std::get_if<Bytes>(&value);
        if (!bytes)
            return fieldError(spec, ErrorCode::InvalidArgument, "b field needs bytes, not text");
        return checkLength(spec, bytes->size());
    }
    const std::string* text = std::get_if<std::string>(&value);
    if (!text)
        return fieldError(spec, ErrorCode::InvalidArgument, "text field needs text, not bytes");
    std::string_view chars(*text);
    if (spec.format == FieldFormat::XN) {
        if (chars.empty() || !isSign(chars.front()))
            return fieldError(spec, ErrorCode::Malformed, "x+n needs a C or D sign");
        chars.remove_prefix(1);
    }
    if (auto length = checkLength(spec, chars.size()); !length)
        return length;
    for (char c : chars) {
        if (!charFits(spec.format, c))
            return fieldError(spec, ErrorCode::Malformed,
                              std::string("character not allowed in ") + formatName(spec.format));
    }
    return {};
}

Result<void> FieldCodec::encode(const FieldSpec& spec, Encoding lengthEncoding,
                                const FieldValue& value, Bytes& out)
{
    if (auto valid = validate(spec, value); !valid)
        return valid;
    if (const Bytes* bytes = std::get_if<Bytes>(&value)) {
        encodePrefix(spec.lengthType, lengthEncoding, bytes->size(), out);
        if (spec.encoding == Encoding::Ascii) {
            for (auto b : *bytes) {
                out.push_back(static_cast<std::uint8_t>(kHexDigits[b >> 4]));
                out.push_back(static_cast<std::uint8_t>(kHexDigits[b & 0x0F]));
            }
        } else {
            out.insert(out.end(), bytes->begin(), bytes->end());
        }
        return {};
    }
    std::string_view chars(std::get<std::string>(value));
    if (spec.format == FieldFormat::XN) {
        encodePrefix(spec.lengthType, lengthEncoding, chars.size() - 1, out);
        out.push_back(static_cast<std::uint8_t>(chars.front()));
        chars.remove_prefix(1);
    } else {
        encodePrefix(spec.lengthType, lengthEncoding, chars.size(), out);
    }
    if (spec.encoding == Encoding::Bcd)
        packBcd(spec.format, chars, out);
    else
        out.insert(out.end(), chars.begin(), chars.end());
    return {};
}

Result<FieldValue> FieldCodec::decode(const FieldSpec& spec, Encoding lengthEncoding,
                                      ByteView input, std::size_t& offset)
{
    if (offset > input.size())
        return fieldError(spec, ErrorCode::Truncated, "no data");
    ByteView rest = input.subspan(offset);
    std::size_t length = spec.maxLength;
    const std::size_t prefix = prefixSize(spec.lengthType, lengthEncoding);
    if (prefix > 0) {
        if (rest.size() < prefix)
            return fieldError(spec, ErrorCode::Truncated, "length prefix truncated");
        auto decoded = decodePrefix(spec, lengthEncoding, rest.first(prefix));
        if (!decoded)
            return decoded.error();
        length = *decoded;
        if (auto checked = checkLength(spec, length); !checked)
            return checked.error();
        rest = rest.subspan(prefix);
    }
    const std::size_t size = contentSize(spec, length);
    if (rest.size() < size)
        return fieldError(spec, ErrorCode::Truncated,
                          "needs " + std::to_string(size) + " bytes, " +
                              std::to_string(rest.size()) + " left");
    const ByteView content = rest.first(size);

    FieldValue value;
    if (spec.format == FieldFormat::B) {
        Bytes bytes;
        if (spec.encoding == Encoding::Ascii) {
            bytes.reserve(length);
            for (std::size_t i = 0; i < content.size(); i += 2) {
                const int high = hexValue(content[i]);
                const int low = hexValue(content[i + 1]);
                if (high < 0 || low < 0)
                    return fieldError(spec, ErrorCode::Malformed, "not upper-case hex");
                bytes.push_back(static_cast<std::uint8_t>((high << 4) | low));
            }
        } else {
            bytes.assign(content.begin(), content.end());
        }
        value = std::move(bytes);
    } else {
        ByteView digits = content;
        std::string text;
        if (spec.format == FieldFormat::XN) {
            text.push_back(static_cast<char>(content[0]));
            digits = content.subspan(1);
        }
        if (spec.encoding == Encoding::Bcd) {
            auto unpacked = unpackBcd(spec, digits, length);
            if (!unpacked)
                return unpacked.error();
            text += *unpacked;
        } else {
            text.append(digits.begin(), digits.end());
        }
        value = std::move(text);
    }
    if (auto valid = validate(spec, value); !valid)
        return valid.error();
    offset += prefix + size;
    return value;
}

} // namespace cardlink::iso8583
