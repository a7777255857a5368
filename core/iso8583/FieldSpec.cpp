#include "iso8583/FieldSpec.h"

namespace cardlink::iso8583 {

const char* formatName(FieldFormat format)
{
    switch (format) {
    case FieldFormat::N:
        return "n";
    case FieldFormat::An:
        return "an";
    case FieldFormat::Ans:
        return "ans";
    case FieldFormat::B:
        return "b";
    case FieldFormat::Z:
        return "z";
    case FieldFormat::XN:
        return "x+n";
    }
    return "?";
}

const char* lengthTypeName(LengthType type)
{
    switch (type) {
    case LengthType::Fixed:
        return "fixed";
    case LengthType::LlVar:
        return "LLVAR";
    case LengthType::LllVar:
        return "LLLVAR";
    }
    return "?";
}

const char* encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Bcd:
        return "BCD";
    case Encoding::Ascii:
        return "ASCII";
    case Encoding::Binary:
        return "binary";
    }
    return "?";
}

std::string FieldSpec::notation() const
{
    std::string text = formatName(format);
    switch (lengthType) {
    case LengthType::Fixed:
        text += ' ';
        break;
    case LengthType::LlVar:
        text += "..";
        break;
    case LengthType::LllVar:
        text += "...";
        break;
    }
    text += std::to_string(maxLength);
    if (lengthType != LengthType::Fixed) {
        text += ' ';
        text += lengthTypeName(lengthType);
    }
    return text;
}

} // namespace cardlink::iso8583
