#include "crypto/SessionKeyOptions.h"

#include "crypto/IccMasterKey.h"
#include "crypto/SessionKey.h"

namespace cardlink::cli {

namespace {
Error invalid(const char* message)
{
    return makeError(ErrorCode::InvalidArgument, message);
}
} // namespace

SessionKeyOptions::SessionKeyOptions()
    : m_sk(QStringLiteral("sk"), QStringLiteral("The AC session key (hex)."),
           QStringLiteral("KEY")),
      m_mk(QStringLiteral("mk"), QStringLiteral("The ICC master key for ACs (hex); needs --atc."),
           QStringLiteral("KEY")),
      m_imk(QStringLiteral("imk"),
            QStringLiteral("The issuer master key (hex); needs --pan and --atc."),
            QStringLiteral("KEY")),
      m_pan(QStringLiteral("pan"), QStringLiteral("The PAN, decimal digits (with --imk)."),
            QStringLiteral("PAN")),
      m_psn(QStringLiteral("psn"),
            QStringLiteral("The PAN sequence number 5F34, one byte of hex (default: absent, "
                           "taken as 00)."),
            QStringLiteral("NN")),
      m_atc(QStringLiteral("atc"),
            QStringLiteral("The application transaction counter 9F36, 2 bytes of hex."),
            QStringLiteral("HHHH"))
{}

void SessionKeyOptions::addTo(QCommandLineParser& parser) const
{
    parser.addOptions({m_sk, m_mk, m_imk, m_pan, m_psn, m_atc});
}

QString SessionKeyOptions::help()
{
    return QStringLiteral(
        "The AC session key is given with --sk, or derived as card and host do:\n"
        "  --mk KEY --atc HHHH                   from the ICC master key (Book 2, A1.3)\n"
        "  --imk KEY --pan PAN [--psn NN] --atc HHHH\n"
        "                                        from the issuer master key (A1.4 option A;\n"
        "                                        option B for PANs of more than 16 digits)\n");
}

Result<SecretHex> SessionKeyOptions::resolve(const QCommandLineParser& parser,
                                             crypto::CipherAlgorithm algorithm) const
{
    const int given = int(parser.isSet(m_sk)) + int(parser.isSet(m_mk)) + int(parser.isSet(m_imk));
    if (given == 0)
        return invalid("give the key: --sk, --mk with --atc, or --imk with --pan and --atc");
    if (given > 1)
        return invalid("give only one of --sk, --mk and --imk");
    const auto lengths = keyLengths(algorithm);

    if (parser.isSet(m_sk)) {
        if (parser.isSet(m_atc) || parser.isSet(m_pan) || parser.isSet(m_psn))
            return invalid("--sk is the session key itself: --atc, --pan and --psn do not apply");
        auto sk = parseHexArgument(QStringLiteral("--sk"), parser.value(m_sk), lengths);
        if (!sk)
            return sk.error();
        return SecretHex(std::move(*sk));
    }
    if (!parser.isSet(m_atc))
        return invalid("--atc is needed to derive the session key");
    auto atc = parseAtc(parser.value(m_atc));
    if (!atc)
        return atc.error();

    SecretHex mk;
    if (parser.isSet(m_mk)) {
        if (parser.isSet(m_pan) || parser.isSet(m_psn))
            return invalid("--pan and --psn go with --imk, not --mk");
        auto given = parseHexArgument(QStringLiteral("--mk"), parser.value(m_mk), lengths);
        if (!given)
            return given.error();
        mk = SecretHex(std::move(*given));
    } else {
        if (!parser.isSet(m_pan))
            return invalid("--pan is needed with --imk");
        auto imk = parseHexArgument(QStringLiteral("--imk"), parser.value(m_imk), lengths);
        if (!imk)
            return imk.error();
        const SecretHex imkSecret(std::move(*imk));
        auto pan = parsePan(parser.value(m_pan));
        if (!pan)
            return pan.error();
        auto psn = parsePsn(parser.value(m_psn));
        if (!psn)
            return psn.error();
        auto derived = crypto::deriveIccMasterKey(algorithm, imkSecret.bytes(), *pan, *psn,
                                                  crypto::defaultIccMkOption(*pan));
        if (!derived)
            return derived.error();
        mk = SecretHex(std::move(*derived));
    }
    auto sk = crypto::deriveSessionKey(algorithm, mk.bytes(), *atc);
    if (!sk)
        return sk.error();
    return SecretHex(std::move(*sk));
}

QCommandLineOption algorithmOption()
{
    QCommandLineOption option(QStringLiteral("algorithm"), QStringLiteral("3des (default) or aes."),
                              QStringLiteral("ALG"), QStringLiteral("3des"));
    return option;
}

} // namespace cardlink::cli
