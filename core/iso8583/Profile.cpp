#include "iso8583/Profile.h"

#include <algorithm>

namespace cardlink::iso8583 {

namespace {
// MTI (2 bytes in BCD) plus the primary bitmap: the smallest message.
constexpr std::size_t kSmallestMessage = 2 + 8;
constexpr std::size_t kMaxLlLength = 99;
constexpr std::size_t kMaxLllLength = 999;

bool encodingFits(FieldFormat format, Encoding encoding)
{
    switch (format) {
    case FieldFormat::N:
    case FieldFormat::Z:
    case FieldFormat::XN:
        return encoding == Encoding::Bcd || encoding == Encoding::Ascii;
    case FieldFormat::An:
    case FieldFormat::Ans:
        return encoding == Encoding::Ascii;
    case FieldFormat::B:
        return encoding == Encoding::Binary || encoding == Encoding::Ascii;
    }
    return false;
}

Error badField(const FieldSpec& spec, const std::string& why)
{
    return makeError(ErrorCode::InvalidArgument,
                     "profile field " + std::to_string(spec.number) + ": " + why);
}

Result<void> checkField(const FieldSpec& spec)
{
    if (spec.number < Profile::kMinField || spec.number > Profile::kMaxField)
        return badField(spec, "number out of range 2..128");
    if (spec.number == Profile::kTertiaryBitmapField)
        return badField(spec, "field 65 is the tertiary bitmap indicator");
    if (spec.maxLength == 0)
        return badField(spec, "zero length");
    if (spec.lengthType == LengthType::LlVar && spec.maxLength > kMaxLlLength)
        return badField(spec, "LLVAR length above 99");
    if (spec.lengthType == LengthType::LllVar && spec.maxLength > kMaxLllLength)
        return badField(spec, "LLLVAR length above 999");
    if (!encodingFits(spec.format, spec.encoding))
        return badField(spec, std::string(encodingName(spec.encoding)) +
                                  " encoding does not fit format " + formatName(spec.format));
    return {};
}
} // namespace

Result<Profile> Profile::create(std::string name, Encoding mtiEncoding, Encoding lengthEncoding,
                                std::size_t maxMessageSize, std::vector<FieldSpec> fields)
{
    if (mtiEncoding == Encoding::Binary)
        return makeError(ErrorCode::InvalidArgument, "profile: MTI must be BCD or ASCII");
    if (maxMessageSize < kSmallestMessage || maxMessageSize > kMaxFramedSize)
        return makeError(ErrorCode::InvalidArgument, "profile: maximum message size out of range");

    Profile profile;
    profile.m_name = std::move(name);
    profile.m_mtiEncoding = mtiEncoding;
    profile.m_lengthEncoding = lengthEncoding;
    profile.m_maxMessageSize = maxMessageSize;
    std::sort(fields.begin(), fields.end(),
              [](const FieldSpec& a, const FieldSpec& b) { return a.number < b.number; });
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (auto checked = checkField(fields[i]); !checked)
            return checked.error();
        int& slot = profile.m_index[static_cast<std::size_t>(fields[i].number)];
        if (slot != 0)
            return badField(fields[i], "defined twice");
        slot = static_cast<int>(i) + 1;
    }
    profile.m_fields = std::move(fields);
    return profile;
}

const FieldSpec* Profile::field(int number) const
{
    if (number < 0 || number > kMaxField)
        return nullptr;
    const int slot = m_index[static_cast<std::size_t>(number)];
    return slot == 0 ? nullptr : &m_fields[static_cast<std::size_t>(slot - 1)];
}

} // namespace cardlink::iso8583
