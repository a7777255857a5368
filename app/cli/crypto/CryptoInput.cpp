#include "crypto/CryptoInput.h"

#include "SecretLine.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <unistd.h>

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

namespace {
// Longest key line: 32 bytes as hex with a separator after each byte.
constexpr std::size_t kMaxKeyLine = 3 * 32 + 16;

// The key of one line of hex; the error names `what` and says nothing
// about the digits.
Result<SecretHex> keyFromLine(const QString& what, const console::SecretLine& line,
                              std::initializer_list<std::size_t> lengths)
{
    if (line.endOfInput || line.bytes.empty())
        return invalid(QStringLiteral("%1: no key (an empty line or no input)").arg(what));
    if (line.tooLong)
        return invalid(QStringLiteral("%1: the key line is longer than %2 characters")
                           .arg(what)
                           .arg(kMaxKeyLine));
    auto key = pin::SecretBytes::fromHex(line.bytes.view());
    if (!key)
        return invalid(QStringLiteral("%1: not hex (%2)")
                           .arg(what, QString::fromStdString(key.error().message)));
    if (std::find(lengths.begin(), lengths.end(), key->size()) == lengths.end())
        return invalid(QStringLiteral("%1: expected %2 bytes, got %3")
                           .arg(what, lengthList(lengths))
                           .arg(key->size()));
    return SecretHex(Bytes(key->view().begin(), key->view().end()));
}
} // namespace

Result<SecretHex> readKeyFile(const QString& path, std::initializer_list<std::size_t> lengths)
{
    const QString what = QStringLiteral("--key-file %1").arg(path);
    const QByteArray name = path.toLocal8Bit();
    const int fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return invalid(
            QStringLiteral("%1: %2").arg(what, QString::fromLocal8Bit(std::strerror(errno))));
    const console::SecretLine line = console::readSecretLine(fd, kMaxKeyLine);
    ::close(fd);
    return keyFromLine(what, line, lengths);
}

Result<SecretHex> readKeyFd(const QString& fdText, std::initializer_list<std::size_t> lengths)
{
    bool ok = false;
    const int fd = fdText.toInt(&ok);
    const QString what = QStringLiteral("--key-fd %1").arg(fdText);
    if (!ok || fd < 0)
        return invalid(QStringLiteral("%1: expected a file descriptor number").arg(what));
    if (::fcntl(fd, F_GETFD) < 0)
        return invalid(QStringLiteral("%1: not an open file descriptor").arg(what));
    return keyFromLine(what, console::readSecretLine(fd, kMaxKeyLine), lengths);
}

Result<SecretHex> loadKey(const QCommandLineParser& parser, const QCommandLineOption& file,
                          const QCommandLineOption& fd, const QCommandLineOption& hex,
                          std::initializer_list<std::size_t> lengths)
{
    if (parser.isSet(file))
        return readKeyFile(parser.value(file), lengths);
    if (parser.isSet(fd))
        return readKeyFd(parser.value(fd), lengths);
    auto bytes = parseHexArgument(QStringLiteral("--") + hex.names().constFirst(),
                                  parser.value(hex), lengths);
    if (!bytes)
        return bytes.error();
    return SecretHex(std::move(*bytes));
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
