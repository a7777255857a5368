#include "crypto/DukptCommand.h"

#include "CliOutput.h"
#include "crypto/CryptoInput.h"
#include "dukpt/KeyDerivation.h"

namespace cardlink::cli {

namespace {
std::optional<dukpt::KeyType> keyTypeFrom(const QString& text)
{
    const QString t = text.toLower();
    if (t == QLatin1String("aes128") || t == QLatin1String("aes-128"))
        return dukpt::KeyType::Aes128;
    if (t == QLatin1String("aes192") || t == QLatin1String("aes-192"))
        return dukpt::KeyType::Aes192;
    if (t == QLatin1String("aes256") || t == QLatin1String("aes-256"))
        return dukpt::KeyType::Aes256;
    return std::nullopt;
}

QString hexOf(ByteView bytes)
{
    return QString::fromStdString(toHex(bytes));
}
} // namespace

int DukptCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption keyFile(
        QStringLiteral("key-file"),
        QStringLiteral("The base derivation key (AES, 16, 24 or 32 bytes, hex on one line) "
                       "from FILE."),
        QStringLiteral("FILE"));
    const QCommandLineOption keyFd(
        QStringLiteral("key-fd"),
        QStringLiteral("The same from the open file descriptor N (e.g. 3<bdk.hex)."),
        QStringLiteral("N"));
    const QCommandLineOption initialKeySwitch(
        QStringLiteral("initial-key"),
        QStringLiteral("The key of --key-file/--key-fd is an initial key, not a BDK (terminal "
                       "view)."));
    const QCommandLineOption bdk(QStringLiteral("bdk"),
                                 QStringLiteral("The BDK in the command line. INSECURE: other "
                                                "users see it (ps). Test keys only."),
                                 QStringLiteral("HEX"));
    const QCommandLineOption ik(QStringLiteral("ik"),
                                QStringLiteral("An initial key in the command line. INSECURE, "
                                               "as --bdk."),
                                QStringLiteral("HEX"));
    const QCommandLineOption ksn(QStringLiteral("ksn"),
                                 QStringLiteral("Key serial number, 12 bytes (field 53)."),
                                 QStringLiteral("HEX"));
    const QCommandLineOption type(
        QStringLiteral("key-type"),
        QStringLiteral("Working key type aes128|aes192|aes256 (default: the BDK's)."),
        QStringLiteral("T"));
    parser.addOptions({keyFile, keyFd, initialKeySwitch, bdk, ik, ksn, type});
    if (auto done =
            parse(parser, arguments,
                  QStringLiteral("(--key-file FILE | --key-fd N) [--initial-key] --ksn HEX "
                                 "[--key-type T]"),
                  QStringLiteral(
                      "Derives the AES DUKPT keys (ANSI X9.24-3-2017) of a key serial number and\n"
                      "prints one per line: initial key, transaction key and the working keys\n"
                      "(PIN encryption 1000, MAC generation 2000, MAC verification 2001, data\n"
                      "encryption 3000/3001). See docs/dukpt.md.\n"
                      "The key (a BDK, or with --initial-key an initial key) is read from\n"
                      "--key-file FILE or --key-fd N, hex on one line, into a wiped buffer.\n"
                      "Example (the X9.24-3 supplement's AES-128 BDK, first KSN):\n"
                      "  crypto dukpt --key-fd 3 --ksn 123456789012345600000001 \\\n"
                      "    3<<<FEDCBA9876543210F1F1F1F1F1F1F1F1\n"
                      "--bdk HEX and --ik HEX put the key in the command line, where every user\n"
                      "sees it (ps, /proc) and the shell history keeps it: test keys only.")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()));
    const int keySources = int(parser.isSet(keyFile)) + int(parser.isSet(keyFd)) +
                           int(parser.isSet(bdk)) + int(parser.isSet(ik));
    if (keySources != 1)
        return usageError(QStringLiteral("give one key: --key-file FILE or --key-fd N (or, "
                                         "insecure, --bdk HEX or --ik HEX)"));
    if (parser.isSet(initialKeySwitch) && (parser.isSet(bdk) || parser.isSet(ik)))
        return usageError(QStringLiteral("--initial-key goes with --key-file or --key-fd"));
    if (!parser.isSet(ksn))
        return usageError(QStringLiteral("--ksn is required"));
    std::optional<dukpt::KeyType> workingType;
    if (parser.isSet(type)) {
        workingType = keyTypeFrom(parser.value(type));
        if (!workingType)
            return usageError(QStringLiteral("--key-type: expected aes128, aes192 or aes256"));
    }
    auto ksnBytes = parseHexArgument(QStringLiteral("--ksn"), parser.value(ksn), {12});
    if (!ksnBytes)
        return badInput(ksnBytes.error());
    const auto serial = dukpt::KeySerialNumber::fromBytes(*ksnBytes).value();
    if (!serial.isValid())
        return badInput(QStringLiteral("--ksn: transaction counter %1 is 0 or has more than 16 "
                                       "one bits; no such key exists")
                            .arg(serial.counter()));

    const bool fromBdk =
        parser.isSet(bdk) || (!parser.isSet(ik) && !parser.isSet(initialKeySwitch));
    auto loaded = loadKey(parser, keyFile, keyFd, parser.isSet(ik) ? ik : bdk, {16, 24, 32});
    if (!loaded)
        return badInput(loaded.error());
    const SecretHex key(std::move(*loaded));

    pin::SecretBytes initialKey;
    if (fromBdk) {
        auto derived = dukpt::KeyDerivation::initialKey(key.bytes(), serial.initialKeyId());
        if (!derived)
            return badInput(derived.error());
        initialKey = std::move(*derived);
    } else {
        initialKey = pin::SecretBytes(key.bytes());
    }
    auto transaction = dukpt::KeyDerivation::transactionKey(initialKey.view(), serial);
    if (!transaction)
        return badInput(transaction.error());
    auto working = dukpt::KeyDerivation::workingKeys(transaction->view(), serial, workingType);
    if (!working)
        return badInput(working.error());

    const auto line = [](const char* label, const QString& value) {
        printLine(QStringLiteral("%1 %2").arg(QLatin1String(label), -18).arg(value));
    };
    line("initial key ID", hexOf(serial.initialKeyId()));
    line("counter", QStringLiteral("%1 (%2)")
                        .arg(serial.counter(), 8, 16, QLatin1Char('0'))
                        .toUpper()
                        .arg(serial.counter()));
    line("initial key", hexOf(initialKey.view()));
    line("transaction key", hexOf(transaction->view()));
    line("PIN encryption", hexOf(working->pinEncryption.view()));
    line("MAC generation", hexOf(working->macGeneration.view()));
    line("MAC verification", hexOf(working->macVerification.view()));
    line("data encryption", hexOf(working->dataEncryption.view()));
    line("data decryption", hexOf(working->dataDecryption.view()));
    return 0;
}

} // namespace cardlink::cli
