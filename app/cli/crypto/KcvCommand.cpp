#include "crypto/KcvCommand.h"

#include "crypto/CryptoInput.h"
#include "crypto/KeyCheckValue.h"
#include "crypto/SessionKeyOptions.h"

namespace cardlink::cli {

int KcvCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption algorithm = algorithmOption();
    const QCommandLineOption method(
        QStringLiteral("method"),
        QStringLiteral("zero (default): encrypt a zero block; cmac: CMAC of a zero block."),
        QStringLiteral("M"), QStringLiteral("zero"));
    const QCommandLineOption length(
        QStringLiteral("length"),
        QStringLiteral("Bytes to keep (default: 3 for zero, 5 for cmac)."), QStringLiteral("N"));
    parser.addOptions({algorithm, method, length});
    if (auto done = parse(
            parser, arguments,
            QStringLiteral("[--algorithm 3des|aes] [--method zero|cmac] [--length N] KEY"),
            QStringLiteral(
                "Prints the key check value of KEY (ANSI X9.24-1):\n"
                "  zero  the leftmost bytes of the key's encryption of one block of zeros\n"
                "        (the figure on TDES key component forms; also the legacy AES KCV)\n"
                "  cmac  the leftmost bytes of the CMAC of one block of zeros (for AES keys)\n"
                "KEY: 3des 8, 16 or 24 bytes (cmac: 16 or 24); aes 16, 24 or 32 bytes.\n"
                "Example: crypto kcv 0123456789ABCDEFFEDCBA9876543210  ->  08D7B4")))
        return *done;

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(positional.isEmpty() ? QStringLiteral("no KEY given")
                                               : QStringLiteral("give one KEY"));
    auto alg = parseAlgorithm(parser.value(algorithm));
    if (!alg)
        return badInput(alg.error());
    crypto::KcvMethod kcvMethod = crypto::KcvMethod::ZeroBlock;
    if (parser.value(method) == QLatin1String("cmac"))
        kcvMethod = crypto::KcvMethod::Cmac;
    else if (parser.value(method) != QLatin1String("zero"))
        return usageError(QStringLiteral("--method: expected zero or cmac"));
    std::size_t keep = 0;
    if (parser.isSet(length)) {
        bool ok = false;
        const int n = parser.value(length).toInt(&ok);
        if (!ok || n < 1)
            return usageError(QStringLiteral("--length wants a positive number"));
        keep = static_cast<std::size_t>(n);
    }
    auto key = parseHexArgument(QStringLiteral("KEY"), positional.constFirst(), keyLengths(*alg));
    if (!key)
        return badInput(key.error());
    const SecretHex secret(std::move(*key));
    auto kcv = crypto::keyCheckValue(*alg, secret.bytes(), kcvMethod, keep);
    if (!kcv)
        return badInput(kcv.error());
    return printHex(*kcv);
}

} // namespace cardlink::cli
