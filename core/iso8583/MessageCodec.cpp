#include "iso8583/MessageCodec.h"

#include "iso8583/FieldCodec.h"

#include <algorithm>
#include <array>

namespace cardlink::iso8583 {

namespace {
constexpr std::size_t kBitmapSize = 8;
constexpr std::size_t kMtiDigits = 4;
constexpr int kSecondaryBitmapBit = 1;
constexpr int kFieldsPerBitmap = 64;

using Bitmap = std::array<std::uint8_t, 2 * kBitmapSize>;

// ISO 8583:1987, 4.4: bit 1 is the most significant bit of the first byte.
bool testBit(const Bitmap& bitmap, int bit)
{
    const auto index = static_cast<std::size_t>(bit - 1);
    return (bitmap[index / 8] & (0x80 >> (index % 8))) != 0;
}

void setBit(Bitmap& bitmap, int bit)
{
    const auto index = static_cast<std::size_t>(bit - 1);
    bitmap[index / 8] = static_cast<std::uint8_t>(bitmap[index / 8] | (0x80 >> (index % 8)));
}

bool isDigit(std::uint8_t c)
{
    return c >= '0' && c <= '9';
}

Result<void> checkMti(const std::string& mti)
{
    if (mti.size() != kMtiDigits)
        return makeError(ErrorCode::Malformed, "MTI must be four digits");
    for (char c : mti) {
        if (!isDigit(static_cast<std::uint8_t>(c)))
            return makeError(ErrorCode::Malformed, "MTI must be four digits");
    }
    // ISO 8583:1987, 4.1: the first digit is the version, 0 for 1987.
    if (mti[0] != '0')
        return makeError(ErrorCode::Unsupported,
                         "MTI version " + mti.substr(0, 1) + " is not 1987");
    return {};
}

std::size_t mtiSize(Encoding encoding)
{
    return encoding == Encoding::Bcd ? kMtiDigits / 2 : kMtiDigits;
}

Result<std::string> decodeMti(Encoding encoding, ByteView bytes)
{
    std::string mti;
    if (encoding == Encoding::Bcd) {
        for (auto b : bytes) {
            if ((b >> 4) > 9 || (b & 0x0F) > 9)
                return makeError(ErrorCode::Malformed, "MTI is not BCD");
            mti.push_back(static_cast<char>('0' + (b >> 4)));
            mti.push_back(static_cast<char>('0' + (b & 0x0F)));
        }
    } else {
        mti.assign(bytes.begin(), bytes.end());
    }
    if (auto checked = checkMti(mti); !checked)
        return checked.error();
    return mti;
}

void encodeMti(Encoding encoding, const std::string& mti, Bytes& out)
{
    if (encoding == Encoding::Bcd) {
        for (std::size_t i = 0; i < kMtiDigits; i += 2)
            out.push_back(static_cast<std::uint8_t>(((mti[i] - '0') << 4) | (mti[i + 1] - '0')));
    } else {
        out.insert(out.end(), mti.begin(), mti.end());
    }
}

Error tooLarge(std::size_t size, std::size_t limit)
{
    return makeError(ErrorCode::Malformed, "message of " + std::to_string(size) +
                                               " bytes exceeds the limit of " +
                                               std::to_string(limit));
}
} // namespace

Result<Bytes> MessageCodec::encode(const Message& message) const
{
    if (auto checked = checkMti(message.mti()); !checked)
        return checked.error();
    Bitmap bitmap{};
    for (const auto& [number, value] : message.fields()) {
        if (number == kSecondaryBitmapBit || number == Profile::kTertiaryBitmapField)
            return makeError(ErrorCode::InvalidArgument,
                             "field " + std::to_string(number) + " is a bitmap, not data");
        if (!m_profile.field(number))
            return makeError(ErrorCode::InvalidArgument, "field " + std::to_string(number) +
                                                             " is not in profile " +
                                                             m_profile.name());
        setBit(bitmap, number);
    }
    const bool secondary =
        !message.fields().empty() && message.fields().rbegin()->first > kFieldsPerBitmap;
    if (secondary)
        setBit(bitmap, kSecondaryBitmapBit);

    Bytes out;
    encodeMti(m_profile.mtiEncoding(), message.mti(), out);
    out.insert(out.end(), bitmap.begin(),
               bitmap.begin() +
                   static_cast<std::ptrdiff_t>(secondary ? 2 * kBitmapSize : kBitmapSize));
    for (const auto& [number, value] : message.fields()) {
        auto encoded =
            FieldCodec::encode(*m_profile.field(number), m_profile.lengthEncoding(), value, out);
        if (!encoded)
            return encoded.error();
        if (out.size() > m_profile.maxMessageSize())
            return tooLarge(out.size(), m_profile.maxMessageSize());
    }
    return out;
}

Result<Message> MessageCodec::decode(ByteView bytes) const
{
    if (bytes.size() > m_profile.maxMessageSize())
        return tooLarge(bytes.size(), m_profile.maxMessageSize());
    const std::size_t mtiBytes = mtiSize(m_profile.mtiEncoding());
    if (bytes.size() < mtiBytes + kBitmapSize)
        return makeError(ErrorCode::Truncated, "message shorter than MTI and primary bitmap");
    auto mti = decodeMti(m_profile.mtiEncoding(), bytes.first(mtiBytes));
    if (!mti)
        return mti.error();

    Bitmap bitmap{};
    std::size_t offset = mtiBytes;
    std::copy_n(bytes.begin() + static_cast<std::ptrdiff_t>(offset), kBitmapSize, bitmap.begin());
    offset += kBitmapSize;
    int lastField = kFieldsPerBitmap;
    if (testBit(bitmap, kSecondaryBitmapBit)) {
        if (bytes.size() < offset + kBitmapSize)
            return makeError(ErrorCode::Truncated, "secondary bitmap truncated");
        std::copy_n(bytes.begin() + static_cast<std::ptrdiff_t>(offset), kBitmapSize,
                    bitmap.begin() + kBitmapSize);
        offset += kBitmapSize;
        lastField = 2 * kFieldsPerBitmap;
        if (testBit(bitmap, Profile::kTertiaryBitmapField))
            return makeError(ErrorCode::Unsupported, "bit 65: tertiary bitmap not supported");
        bool any = false;
        for (std::size_t i = kBitmapSize; i < bitmap.size(); ++i)
            any = any || bitmap[i] != 0;
        if (!any)
            return makeError(ErrorCode::Malformed, "secondary bitmap present but empty");
    }

    Message message(std::move(*mti));
    for (int number = kSecondaryBitmapBit + 1; number <= lastField; ++number) {
        if (!testBit(bitmap, number))
            continue;
        const FieldSpec* spec = m_profile.field(number);
        if (!spec)
            return makeError(ErrorCode::Malformed, "field " + std::to_string(number) +
                                                       " is not in profile " + m_profile.name());
        auto value = FieldCodec::decode(*spec, m_profile.lengthEncoding(), bytes, offset);
        if (!value)
            return value.error();
        if (std::holds_alternative<Bytes>(*value))
            message.set(number, std::get<Bytes>(std::move(*value)));
        else
            message.set(number, std::get<std::string>(std::move(*value)));
    }
    if (offset != bytes.size())
        return makeError(ErrorCode::Malformed,
                         std::to_string(bytes.size() - offset) + " bytes after the last field");
    return message;
}

} // namespace cardlink::iso8583
