#include "crypto/IccMkCommand.h"

#include "crypto/CryptoInput.h"
#include "crypto/IccMasterKey.h"
#include "crypto/SessionKeyOptions.h"

namespace cardlink::cli {

int IccMkCommand::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    const QCommandLineOption algorithm = algorithmOption();
    const QCommandLineOption imk(QStringLiteral("imk"),
                                 QStringLiteral("The issuer master key (hex): 3des 16 bytes, aes "
                                                "16, 24 or 32 bytes."),
                                 QStringLiteral("KEY"));
    const QCommandLineOption pan(QStringLiteral("pan"),
                                 QStringLiteral("The PAN, 1..19 decimal digits (tag 5A without "
                                                "the F filler)."),
                                 QStringLiteral("PAN"));
    const QCommandLineOption psn(
        QStringLiteral("psn"),
        QStringLiteral("The PAN sequence number 5F34, one BCD byte in hex (default: absent = "
                       "00)."),
        QStringLiteral("NN"));
    const QCommandLineOption option(
        QStringLiteral("option"),
        QStringLiteral("a or b (default: a for PANs of up to 16 digits, b beyond)."),
        QStringLiteral("X"));
    parser.addOptions({algorithm, imk, pan, psn, option});
    if (auto done = parse(
            parser, arguments,
            QStringLiteral("--imk KEY --pan PAN [--psn NN] [--option a|b] [--algorithm 3des|aes]"),
            QStringLiteral(
                "Prints the ICC master key derived from an issuer master key, EMV 4.4 Book 2,\n"
                "A1.4: option A (A1.4.1) takes the rightmost 16 digits of PAN || PSN, option B\n"
                "(A1.4.2) condenses longer PANs with SHA-1 first. 3des: 16 bytes, odd parity.\n"
                "Example: crypto icc-mk --imk 0123456789ABCDEFFEDCBA9876543210 \\\n"
                "           --pan 4761739001010010 --psn 01\n"
                "         -> 2F02C8B0E9CBC7B05B5167F7A1CDE6E5")))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return usageError(QStringLiteral("unexpected argument '%1'")
                              .arg(parser.positionalArguments().constFirst()));
    if (!parser.isSet(imk) || !parser.isSet(pan))
        return usageError(QStringLiteral("--imk and --pan are required"));

    auto alg = parseAlgorithm(parser.value(algorithm));
    if (!alg)
        return badInput(alg.error());
    auto key = parseHexArgument(QStringLiteral("--imk"), parser.value(imk),
                                *alg == crypto::CipherAlgorithm::Des
                                    ? std::initializer_list<std::size_t>{16}
                                    : keyLengths(*alg));
    if (!key)
        return badInput(key.error());
    const SecretHex secret(std::move(*key));
    auto digits = parsePan(parser.value(pan));
    if (!digits)
        return badInput(digits.error());
    auto sequence = parsePsn(parser.value(psn));
    if (!sequence)
        return badInput(sequence.error());
    crypto::IccMkOption chosen = crypto::defaultIccMkOption(*digits);
    if (parser.isSet(option)) {
        const QString value = parser.value(option).toLower();
        if (value == QLatin1String("a"))
            chosen = crypto::IccMkOption::A;
        else if (value == QLatin1String("b"))
            chosen = crypto::IccMkOption::B;
        else
            return usageError(QStringLiteral("--option: expected a or b"));
    }
    auto mk = crypto::deriveIccMasterKey(*alg, secret.bytes(), *digits, *sequence, chosen);
    if (!mk)
        return badInput(mk.error());
    const SecretHex result(std::move(*mk));
    return printHex(result.bytes());
}

} // namespace cardlink::cli
