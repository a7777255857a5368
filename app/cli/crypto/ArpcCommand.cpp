#include "crypto/ArpcCommand.h"

#include "crypto/CryptoInput.h"
#include "crypto/EmvCryptogram.h"
#include "crypto/SessionKeyOptions.h"

namespace cardlink::cli {

int ArpcCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption algorithm = algorithmOption();
    const QCommandLineOption arqc(QStringLiteral("arqc"),
                                  QStringLiteral("The card's ARQC (9F26), 8 bytes of hex."),
                                  QStringLiteral("AC"));
    const QCommandLineOption arc(
        QStringLiteral("arc"),
        QStringLiteral("Method 1: the Authorisation Response Code, 2 bytes of hex (3030 = "
                       "\"00\")."),
        QStringLiteral("XXXX"));
    const QCommandLineOption csu(
        QStringLiteral("csu"), QStringLiteral("Method 2: the Card Status Update, 4 bytes of hex."),
        QStringLiteral("XXXXXXXX"));
    const QCommandLineOption proprietary(
        QStringLiteral("prop-data"),
        QStringLiteral("Method 2: Proprietary Authentication Data, 0..8 bytes of hex."),
        QStringLiteral("HEX"));
    const QCommandLineOption iad(
        QStringLiteral("iad"),
        QStringLiteral("Print the whole Issuer Authentication Data (91) instead: ARPC || ARC, "
                       "or ARPC || CSU || proprietary data."));
    const SessionKeyOptions keyOptions;
    parser.addOptions({algorithm, arqc, arc, csu, proprietary, iad});
    keyOptions.addTo(parser);
    if (auto done = parse(
            parser, arguments,
            QStringLiteral("KEY-OPTIONS --arqc AC (--arc XXXX | --csu XXXXXXXX [--prop-data HEX]) "
                           "[--algorithm 3des|aes] [--iad]"),
            QStringLiteral(
                "Prints the ARPC, EMV 4.4 Book 2, 8.2, under the AC session key:\n"
                "  --arc  method 1 (8.2.1): E(SK)[ARQC xor (ARC || 00..00)], 8 bytes\n"
                "  --csu  method 2 (8.2.2): the A1.2 MAC over ARQC || CSU || proprietary\n"
                "         data, leftmost 4 bytes\n\n") +
                SessionKeyOptions::help() +
                QStringLiteral("\nExample: crypto arpc --sk DC43A16846233E20CB1ACD7A0D0BC485 \\\n"
                               "           --arqc 555093D6520E3085 --arc 3030\n"
                               "         -> DB844EC69CF2CFCF")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(arqc))
        return usageError(QStringLiteral("--arqc is required"));
    if (parser.isSet(arc) == parser.isSet(csu))
        return usageError(QStringLiteral("give --arc (method 1) or --csu (method 2)"));
    if (parser.isSet(proprietary) && !parser.isSet(csu))
        return usageError(QStringLiteral("--prop-data goes with --csu (method 2)"));

    auto alg = parseAlgorithm(parser.value(algorithm));
    if (!alg)
        return badInput(alg.error());
    auto key = keyOptions.resolve(parser, *alg);
    if (!key)
        return badInput(key.error());
    auto cryptogram =
        parseHexArgument(QStringLiteral("--arqc"), parser.value(arqc), {crypto::kCryptogramLength});
    if (!cryptogram)
        return badInput(cryptogram.error());

    if (parser.isSet(arc)) {
        auto code =
            parseHexArgument(QStringLiteral("--arc"), parser.value(arc), {crypto::kArcLength});
        if (!code)
            return badInput(code.error());
        auto arpc = crypto::arpcMethod1(*alg, key->bytes(), *cryptogram, *code);
        if (!arpc)
            return badInput(arpc.error());
        if (parser.isSet(iad))
            arpc->insert(arpc->end(), code->begin(), code->end());
        return printHex(*arpc);
    }
    auto status =
        parseHexArgument(QStringLiteral("--csu"), parser.value(csu), {crypto::kCsuLength});
    if (!status)
        return badInput(status.error());
    auto extra = parseHexArgument(QStringLiteral("--prop-data"), parser.value(proprietary));
    if (!extra)
        return badInput(extra.error());
    if (extra->size() > crypto::kMaxProprietaryAuthDataLength)
        return badInput(
            QStringLiteral("--prop-data: expected 0..8 bytes, got %1").arg(extra->size()));
    auto arpc = crypto::arpcMethod2(*alg, key->bytes(), *cryptogram, *status, *extra);
    if (!arpc)
        return badInput(arpc.error());
    if (parser.isSet(iad)) {
        arpc->insert(arpc->end(), status->begin(), status->end());
        arpc->insert(arpc->end(), extra->begin(), extra->end());
    }
    return printHex(*arpc);
}

} // namespace cardlink::cli
