#include "crypto/SessionKeyCommand.h"

#include "crypto/CryptoInput.h"
#include "crypto/SessionKey.h"
#include "crypto/SessionKeyOptions.h"

namespace cardlink::cli {

int SessionKeyCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption algorithm = algorithmOption();
    const QCommandLineOption mk(QStringLiteral("mk"),
                                QStringLiteral("The ICC master key (for ACs, or for secure "
                                               "messaging): 3des 16 bytes, aes 16, 24 or 32."),
                                QStringLiteral("KEY"));
    const QCommandLineOption atc(
        QStringLiteral("atc"),
        QStringLiteral("The application transaction counter 9F36, 2 bytes of hex."),
        QStringLiteral("HHHH"));
    parser.addOptions({algorithm, mk, atc});
    if (auto done = parse(
            parser, arguments, QStringLiteral("--mk KEY --atc HHHH [--algorithm 3des|aes]"),
            QStringLiteral(
                "Prints the EMV common session key, EMV 4.4 Book 2, A1.3:\n"
                "  R = ATC || 00..00, F1 = E(MK)[R0 R1 F0 R3..], F2 = E(MK)[R0 R1 0F R3..]\n"
                "  3des: SK = F1 || F2 (odd parity); aes: the leftmost |MK| bytes of F1 || F2.\n"
                "The same derivation serves the AC, SMI and SMC master keys.\n"
                "Example: crypto session-key --mk 2F02C8B0E9CBC7B05B5167F7A1CDE6E5 --atc 0001\n"
                "         -> DC43A16846233E20CB1ACD7A0D0BC485")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(mk) || !parser.isSet(atc))
        return usageError(QStringLiteral("--mk and --atc are required"));

    auto alg = parseAlgorithm(parser.value(algorithm));
    if (!alg)
        return badInput(alg.error());
    auto key = parseHexArgument(QStringLiteral("--mk"), parser.value(mk),
                                *alg == crypto::CipherAlgorithm::Des
                                    ? std::initializer_list<std::size_t>{16}
                                    : keyLengths(*alg));
    if (!key)
        return badInput(key.error());
    const SecretHex secret(std::move(*key));
    auto counter = parseAtc(parser.value(atc));
    if (!counter)
        return badInput(counter.error());
    auto sk = crypto::deriveSessionKey(*alg, secret.bytes(), *counter);
    if (!sk)
        return badInput(sk.error());
    const SecretHex result(std::move(*sk));
    return printHex(result.bytes());
}

} // namespace cardlink::cli
