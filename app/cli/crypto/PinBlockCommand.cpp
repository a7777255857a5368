#include "crypto/PinBlockCommand.h"

#include "CliOutput.h"
#include "crypto/CryptoInput.h"
#include "crypto/StdinPin.h"
#include "pin/PinBlock.h"

namespace cardlink::cli {

namespace {
std::optional<pin::PinBlockFormat> formatFrom(const QString& text)
{
    bool ok = false;
    const int n = text.toInt(&ok);
    if (!ok || n < 0 || n > 4)
        return std::nullopt;
    return static_cast<pin::PinBlockFormat>(n);
}
} // namespace

int PinBlockCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("PIN block format 0, 1, 2, 3 or 4."),
                                    QStringLiteral("N"));
    const QCommandLineOption pan(QStringLiteral("pan"),
                                 QStringLiteral("The PAN (formats 0, 3 and 4)."),
                                 QStringLiteral("PAN"));
    const QCommandLineOption keyFile(
        QStringLiteral("key-file"),
        QStringLiteral("Format 4: the AES key (16, 24 or 32 bytes, hex on one line) from FILE."),
        QStringLiteral("FILE"));
    const QCommandLineOption keyFd(
        QStringLiteral("key-fd"),
        QStringLiteral("Format 4: the AES key from the open file descriptor N (e.g. 3<key.hex)."),
        QStringLiteral("N"));
    const QCommandLineOption key(QStringLiteral("key"),
                                 QStringLiteral("Format 4: the AES key in the command line. "
                                                "INSECURE: other users see it (ps), the shell "
                                                "history keeps it. Test keys only."),
                                 QStringLiteral("HEX"));
    const QCommandLineOption decode(QStringLiteral("decode"),
                                    QStringLiteral("Check this block instead of building one."),
                                    QStringLiteral("HEX"));
    const QCommandLineOption showPin(QStringLiteral("show-pin"),
                                     QStringLiteral("With --decode: print the PIN as well."));
    const QCommandLineOption pinStdin(
        QStringLiteral("pin-stdin"),
        QStringLiteral("Read the PIN from standard input (the default and the only way)."));
    const QCommandLineOption pinArgument(
        QStringLiteral("pin"), QStringLiteral("Refused: see above."), QStringLiteral("PIN"));
    parser.addOptions({format, pan, keyFile, keyFd, key, decode, showPin, pinStdin, pinArgument});
    if (auto done = parse(
            parser, arguments,
            QStringLiteral("--format 0|1|2|3|4 [--pan PAN] [--key-file FILE | --key-fd N] "
                           "[--pin-stdin] [--decode HEX [--show-pin]]"),
            QStringLiteral(
                "Builds an ISO 9564-1 PIN block and prints it in hex: formats 0-3 as the\n"
                "clear 8-byte block, format 4 as the 16-byte block enciphered under an AES\n"
                "key. Formats 1, 3 and 4 contain random fill, so each run differs.\n"
                "The key comes from --key-file FILE or --key-fd N (hex on one line, read\n"
                "into a wiped buffer); --key HEX puts it in the command line, where every\n"
                "user sees it (ps, /proc) and the shell history keeps it: test keys only.\n"
                "The PIN (4-12 digits) is read from standard input, one line, never from\n"
                "the command line: arguments are visible to every user of the machine\n"
                "(ps, /proc) and stay in shell history. On a terminal it is not echoed.\n"
                "  echo 1234 | cardlink-cli crypto pinblock --format 0 --pan 4111111111111111\n"
                "A clear block (formats 0-3) gives the PIN away: use test PINs only.\n"
                "With --decode HEX the block is checked (control field, PIN length and\n"
                "digits, fill; format 4 deciphered with the key) and its format and PIN\n"
                "length are printed; --show-pin prints the PIN too. Nothing is read from\n"
                "stdin then.")))
        return *done;
    if (parser.isSet(pinArgument))
        return usageError(QStringLiteral("--pin is refused: a PIN on the command line is visible "
                                         "to other users and kept in shell history; pipe it "
                                         "into --pin-stdin"));
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(format))
        return usageError(QStringLiteral("--format is required"));
    const auto blockFormat = formatFrom(parser.value(format));
    if (!blockFormat)
        return usageError(QStringLiteral("--format: expected 0, 1, 2, 3 or 4"));
    const bool usesPan = *blockFormat == pin::PinBlockFormat::Iso0 ||
                         *blockFormat == pin::PinBlockFormat::Iso3 ||
                         *blockFormat == pin::PinBlockFormat::Iso4;
    std::string panDigits;
    if (usesPan) {
        if (!parser.isSet(pan))
            return usageError(
                QStringLiteral("--pan is required for format %1").arg(parser.value(format)));
        auto digits = parsePan(parser.value(pan));
        if (!digits)
            return badInput(digits.error());
        panDigits = *digits;
    }
    const int keySources =
        int(parser.isSet(key)) + int(parser.isSet(keyFile)) + int(parser.isSet(keyFd));
    if (keySources > 1)
        return usageError(QStringLiteral("give only one of --key-file, --key-fd, --key"));
    SecretHex aesKey;
    if (*blockFormat == pin::PinBlockFormat::Iso4) {
        if (keySources == 0)
            return usageError(QStringLiteral("format 4 needs its key: --key-file FILE or "
                                             "--key-fd N"));
        auto loaded = loadKey(parser, keyFile, keyFd, key, {16, 24, 32});
        if (!loaded)
            return badInput(loaded.error());
        aesKey = std::move(*loaded);
    } else if (keySources > 0) {
        return usageError(QStringLiteral("formats 0-3 take no key"));
    }

    if (parser.isSet(decode)) {
        const std::size_t size = *blockFormat == pin::PinBlockFormat::Iso4
                                     ? pin::PinBlock::kAesBlockSize
                                     : pin::PinBlock::kBlockSize;
        auto block = parseHexArgument(QStringLiteral("--decode"), parser.value(decode), {size});
        if (!block)
            return badInput(block.error());
        const SecretHex secretBlock(std::move(*block));
        auto decoded =
            *blockFormat == pin::PinBlockFormat::Iso4
                ? pin::PinBlock::decipherFormat4(secretBlock.bytes(), panDigits, aesKey.bytes())
                : pin::PinBlock::decode(*blockFormat, secretBlock.bytes(), panDigits);
        if (!decoded)
            return badInput(decoded.error());
        printLine(QStringLiteral("format %1, PIN length %2")
                      .arg(parser.value(format))
                      .arg(decoded->size()));
        if (parser.isSet(showPin))
            printLine(QStringLiteral("PIN %1").arg(
                QString::fromLatin1(reinterpret_cast<const char*>(decoded->data()),
                                    static_cast<qsizetype>(decoded->size()))));
        return 0;
    }

    auto pinDigits = readPinFromStdin();
    if (!pinDigits)
        return badInput(pinDigits.error());
    auto block = *blockFormat == pin::PinBlockFormat::Iso4
                     ? pin::PinBlock::encipherFormat4(pinDigits->view(), panDigits, aesKey.bytes())
                     : [&]() -> Result<Bytes> {
        auto clear = pin::PinBlock::encode(*blockFormat, pinDigits->view(), panDigits);
        if (!clear)
            return clear.error();
        return Bytes(clear->view().begin(), clear->view().end());
    }();
    if (!block)
        return badInput(block.error());
    const SecretHex secretBlock(std::move(*block));
    return printHex(secretBlock.bytes());
}

} // namespace cardlink::cli
