#include "crypto/ArqcCommand.h"

#include "crypto/CryptoInput.h"
#include "crypto/EmvCryptogram.h"
#include "crypto/SessionKeyOptions.h"

namespace cardlink::cli {

int ArqcCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption algorithm = algorithmOption();
    const QCommandLineOption padding(
        QStringLiteral("padding"),
        QStringLiteral("3des only: ISO/IEC 9797-1 padding method 1 or 2 (default 2)."),
        QStringLiteral("1|2"));
    const SessionKeyOptions keyOptions;
    parser.addOptions({algorithm, padding});
    keyOptions.addTo(parser);
    if (auto done =
            parse(parser, arguments,
                  QStringLiteral("(--sk KEY | --mk KEY --atc HHHH | --imk KEY --pan PAN [--psn NN] "
                                 "--atc HHHH) [--algorithm 3des|aes] [--padding 1|2] DATA"),
                  QStringLiteral(
                      "Prints the application cryptogram (ARQC, TC or AAC: the same MAC), EMV 4.4\n"
                      "Book 2, 8.1.2: the A1.2 MAC under the AC session key over DATA, the values\n"
                      "the card MACs in order. For CardLink's test cards (docs/emv-test-cards.md)\n"
                      "that is 9F02 9F03 9F1A 95 5F2A 9A 9C 9F37 (the CDOL1 values, 29 bytes)\n"
                      "followed by AIP (2), ATC (2) and the CVR (4, from 9F10).\n"
                      "3des: ISO/IEC 9797-1 MAC algorithm 3; aes: CMAC, leftmost 8 bytes.\n\n") +
                      SessionKeyOptions::help() +
                      QStringLiteral(
                          "\nExample: crypto arqc --sk DC43A16846233E20CB1ACD7A0D0BC485 \\\n"
                          "  000000001000000000000000084000000000000978240101001234567858000001"
                          "03A00000\n"
                          "         -> 555093D6520E3085")))
        return *done;

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usageError(positional.isEmpty() ? QStringLiteral("no DATA given")
                                               : QStringLiteral("give DATA as one argument"));
    auto alg = parseAlgorithm(parser.value(algorithm));
    if (!alg)
        return badInput(alg.error());
    crypto::Padding pad = crypto::Padding::Method2;
    if (parser.isSet(padding)) {
        if (*alg == crypto::CipherAlgorithm::Aes)
            return usageError(QStringLiteral("--padding applies to 3des only (CMAC pads itself)"));
        auto parsed = parsePadding(parser.value(padding));
        if (!parsed)
            return badInput(parsed.error());
        pad = *parsed;
    }
    auto key = keyOptions.resolve(parser, *alg);
    if (!key)
        return badInput(key.error());
    auto data = parseHexArgument(QStringLiteral("DATA"), positional.constFirst());
    if (!data)
        return badInput(data.error());
    auto ac = crypto::applicationCryptogram(*alg, key->bytes(), *data, pad);
    if (!ac)
        return badInput(ac.error());
    return printHex(*ac);
}

} // namespace cardlink::cli
