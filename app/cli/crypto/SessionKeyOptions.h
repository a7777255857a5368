#pragma once

#include "crypto/BlockCipher.h"
#include "crypto/CryptoInput.h"
#include "util/Result.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace cardlink::cli {

// The AC session key of `crypto arqc` and `crypto arpc`, given or derived
// the way card and host derive it:
//   --sk KEY                            the session key itself;
//   --mk KEY --atc HHHH                 from the ICC master key (Book 2, A1.3);
//   --imk KEY --pan PAN [--psn NN] --atc HHHH
//                                       from the issuer master key (A1.4
//                                       option A, B for PANs > 16 digits).
class SessionKeyOptions
{
public:
    SessionKeyOptions();

    void addTo(QCommandLineParser& parser) const;
    // The lines for a command's --help description.
    static QString help();

    // InvalidArgument for a missing or conflicting choice, bad hex or
    // lengths; core's errors for keys it refuses.
    Result<SecretHex> resolve(const QCommandLineParser& parser,
                              crypto::CipherAlgorithm algorithm) const;

private:
    QCommandLineOption m_sk;
    QCommandLineOption m_mk;
    QCommandLineOption m_imk;
    QCommandLineOption m_pan;
    QCommandLineOption m_psn;
    QCommandLineOption m_atc;
};

// --algorithm 3des|aes (default 3des), shared by the subcommands.
QCommandLineOption algorithmOption();

} // namespace cardlink::cli
