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
    const QCommandLineOption bdk(QStringLiteral("bdk"),
                                 QStringLiteral("Base derivation key, AES 16, 24 or 32 bytes."),
                                 QStringLiteral("HEX"));
    const QCommandLineOption ik(QStringLiteral("ik"),
                                QStringLiteral("Initial key instead of the BDK (terminal view)."),
                                QStringLiteral("HEX"));
    const QCommandLineOption ksn(QStringLiteral("ksn"),
                                 QStringLiteral("Key serial number, 12 bytes (field 53)."),
                                 QStringLiteral("HEX"));
    const QCommandLineOption type(
        QStringLiteral("key-type"),
        QStringLiteral("Working key type aes128|aes192|aes256 (default: the BDK's)."),
        QStringLiteral("T"));
    parser.addOptions({bdk, ik, ksn, type});
    if (auto done = parse(
            parser, arguments, QStringLiteral("(--bdk HEX | --ik HEX) --ksn HEX [--key-type T]"),
            QStringLiteral(
                "Derives the AES DUKPT keys (ANSI X9.24-3-2017) of a key serial number and\n"
                "prints one per line: initial key, transaction key and the working keys\n"
                "(PIN encryption 1000, MAC generation 2000, MAC verification 2001, data\n"
                "encryption 3000/3001). See docs/dukpt.md.\n"
                "Example (the X9.24-3 supplement's AES-128 BDK, first KSN):\n"
                "  crypto dukpt --bdk FEDCBA9876543210F1F1F1F1F1F1F1F1 "
                "--ksn 123456789012345600000001\n"
                "Keys on the command line are visible to other users (ps): test keys only.")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()));
    if (parser.isSet(bdk) == parser.isSet(ik))
        return usageError(QStringLiteral("give either --bdk or --ik"));
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

    const bool fromBdk = parser.isSet(bdk);
    auto keyBytes = parseHexArgument(fromBdk ? QStringLiteral("--bdk") : QStringLiteral("--ik"),
                                     parser.value(fromBdk ? bdk : ik), {16, 24, 32});
    if (!keyBytes)
        return badInput(keyBytes.error());
    const SecretHex key(std::move(*keyBytes));

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
