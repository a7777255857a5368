#include "crypto/MacCommand.h"

#include "crypto/Cmac.h"
#include "crypto/CryptoInput.h"
#include "crypto/Iso9797Mac.h"

namespace cardlink::cli {

int MacCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("The MAC key (hex)."),
                                 QStringLiteral("KEY"));
    const QCommandLineOption method(QStringLiteral("method"),
                                    QStringLiteral("alg3 (default), aes-cmac or tdes-cmac."),
                                    QStringLiteral("M"), QStringLiteral("alg3"));
    const QCommandLineOption padding(
        QStringLiteral("padding"),
        QStringLiteral("alg3 only: ISO/IEC 9797-1 padding method 1 or 2 (default 2)."),
        QStringLiteral("1|2"));
    const QCommandLineOption length(
        QStringLiteral("length"),
        QStringLiteral("Bytes of the MAC to keep, from the left (default: a whole block)."),
        QStringLiteral("N"));
    parser.addOptions({key, method, padding, length});
    if (auto done =
            parse(parser, arguments,
                  QStringLiteral("--key KEY [--method alg3|aes-cmac|tdes-cmac] [--padding 1|2] "
                                 "[--length N] DATA"),
                  QStringLiteral(
                      "Prints the MAC of DATA (hex; \"\" for none):\n"
                      "  alg3       ISO/IEC 9797-1 MAC algorithm 3 (the retail MAC, ANSI X9.19):\n"
                      "             single-DES CBC under K, the last block D(K') then E(K);\n"
                      "             KEY = K || K' (16 bytes). EMV's A1.2.1 MAC with padding 2.\n"
                      "  aes-cmac   CMAC (NIST SP 800-38B), KEY 16, 24 or 32 bytes; EMV's A1.2.2\n"
                      "             MAC is its leftmost 8 bytes (--length 8).\n"
                      "  tdes-cmac  CMAC with TDES, KEY 16 or 24 bytes.\n"
                      "Example: crypto mac --key 0123456789ABCDEFFEDCBA9876543210 --padding 1 \\\n"
                      "           4E6F77206973207468652074696D6520666F7220616C6C20\n"
                      "         -> A1C72E74EA3FA9B6 (ISO/IEC 9797-1, Annex B)")))
        return *done;

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(positional.isEmpty() ? QStringLiteral("no DATA given")
                                               : QStringLiteral("give DATA as one argument"));
    if (!parser.isSet(key))
        return usageError(QStringLiteral("--key is required"));
    const QString kind = parser.value(method);
    const bool alg3 = kind == QLatin1String("alg3");
    if (!alg3 && kind != QLatin1String("aes-cmac") && kind != QLatin1String("tdes-cmac"))
        return usageError(QStringLiteral("--method: expected alg3, aes-cmac or tdes-cmac"));
    if (!alg3 && parser.isSet(padding))
        return usageError(QStringLiteral("--padding applies to alg3 only (CMAC pads itself)"));
    std::size_t keep = 0;
    if (parser.isSet(length)) {
        bool ok = false;
        const int n = parser.value(length).toInt(&ok);
        if (!ok || n < 1)
            return usageError(QStringLiteral("--length wants a positive number"));
        keep = static_cast<std::size_t>(n);
    }
    crypto::Padding pad = crypto::Padding::Method2;
    if (parser.isSet(padding)) {
        auto parsed = parsePadding(parser.value(padding));
        if (!parsed)
            return badInput(parsed.error());
        pad = *parsed;
    }

    const auto algorithm = kind == QLatin1String("aes-cmac") ? crypto::CipherAlgorithm::Aes
                                                             : crypto::CipherAlgorithm::Des;
    auto keyBytes =
        alg3 ? parseHexArgument(QStringLiteral("--key"), parser.value(key), {16})
        : kind == QLatin1String("tdes-cmac")
            ? parseHexArgument(QStringLiteral("--key"), parser.value(key), {16, 24})
            : parseHexArgument(QStringLiteral("--key"), parser.value(key), keyLengths(algorithm));
    if (!keyBytes)
        return badInput(keyBytes.error());
    const SecretHex secret(std::move(*keyBytes));
    auto data = parseHexArgument(QStringLiteral("DATA"), positional.constFirst());
    if (!data)
        return badInput(data.error());

    auto mac = alg3 ? crypto::iso9797Mac3(secret.bytes(), *data, pad,
                                          keep == 0 ? crypto::kDesBlockSize : keep)
                    : crypto::cmac(algorithm, secret.bytes(), *data, keep);
    if (!mac)
        return badInput(mac.error());
    return printHex(*mac);
}

} // namespace cardlink::cli
