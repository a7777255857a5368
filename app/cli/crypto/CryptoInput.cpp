#include "crypto/CryptoInput.h"

#include <algorithm>

namespace cardlink::cli {

namespace {
Error invalid(const QString& message)
{
    return makeError(ErrorCode::InvalidArgument, message.toStdString());
}

QString lengthList(std::initializer_list<std::size_t> lengths)
{
    QString text;
    std::size_t i = 0;
    for (auto length : lengths) {
        if (i > 0)
            text += i + 1 == lengths.size() ? QStringLiteral(" or ") : QStringLiteral(", ");
        text += QString::number(length);
        ++i;
    }
    return text;
}
} // namespace

Result<Bytes> parseHexArgument(const QString& what, const QString& text,
                               std::initializer_list<std::size_t> lengths)
{
    auto bytes = fromHex(text.trimmed().toStdString());
    if (!bytes)
        return invalid(QStringLiteral("%1: not hex (%2)")
                           .arg(what, QString::fromStdString(bytes.error().message)));
    if (lengths.size() > 0 &&
        std::find(lengths.begin(), lengths.end(), bytes->size()) == lengths.end()) {
        const std::size_t got = bytes->size();
        secureWipe(*bytes);
        return invalid(QStringLiteral("%1: expected %2 bytes, got %3")
                           .arg(what, lengthList(lengths))
                           .arg(got));
    }
    return bytes;
}

Result<crypto::CipherAlgorithm> parseAlgorithm(const QString& text)
{
    const QString name = text.trimmed().toLower();
    if (name == QLatin1String("3des") || name == QLatin1String("tdes") ||
        name == QLatin1String("des"))
        return crypto::CipherAlgorithm::Des;
    if (name == QLatin1String("aes"))
        return crypto::CipherAlgorithm::Aes;
    return invalid(QStringLiteral("--algorithm: expected 3des or aes, got '%1'").arg(text));
}

std::initializer_list<std::size_t> keyLengths(crypto::CipherAlgorithm algorithm)
{
    static constexpr std::initializer_list<std::size_t> kDes = {8, 16, 24};
    static constexpr std::initializer_list<std::size_t> kAes = {16, 24, 32};
    return algorithm == crypto::CipherAlgorithm::Des ? kDes : kAes;
}

Result<crypto::Padding> parsePadding(const QString& text)
{
    if (text.trimmed() == QLatin1String("1"))
        return crypto::Padding::Method1;
    if (text.trimmed() == QLatin1String("2"))
        return crypto::Padding::Method2;
    return invalid(QStringLiteral("--padding: expected 1 or 2, got '%1'").arg(text));
}

Result<std::uint16_t> parseAtc(const QString& text)
{
    auto bytes = parseHexArgument(QStringLiteral("--atc"), text, {2});
    if (!bytes)
        return bytes.error();
    return readU16(*bytes, 0);
}

Result<std::string> parsePan(const QString& text)
{
    std::string digits;
    for (const QChar c : text) {
        if (c == QLatin1Char(' '))
            continue;
        digits += static_cast<char>(c.toLatin1());
    }
    // The PAN as read from tag 5A may end in the 'F' filler.
    while (!digits.empty() && (digits.back() == 'F' || digits.back() == 'f'))
        digits.pop_back();
    if (digits.empty() ||
        !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return invalid(QStringLiteral("--pan: expected decimal digits, got '%1'").arg(text));
    return digits;
}

Result<std::optional<std::uint8_t>> parsePsn(const QString& text)
{
    if (text.isEmpty())
        return std::optional<std::uint8_t>{};
    auto bytes = parseHexArgument(QStringLiteral("--psn"), text, {1});
    if (!bytes)
        return bytes.error();
    return std::optional<std::uint8_t>((*bytes)[0]);
}

} // namespace cardlink::cli
