#pragma once

#include "crypto/BlockCipher.h"
#include "emv/OnlineAuthorization.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <QString>

#include <string>

namespace cardlink::cli {

// A stand-in issuer host for `pay --online stub:FILE` until the real host
// answers over ISO 8583: it holds the test issuer master keys written by
// cardlink-personalize (issuer-keys.json: {"3DES": hex, "AES": hex}) and
// does what an issuer does with an ARQC:
//   - derives the ICC master key (EMV 4.4 Book 2, A1.4.1 option A) from the
//     PAN 5A and PSN 5F34, then the AC session key (A1.3) from the ATC 9F36,
//     picking 3DES or AES by the cryptogram version in 9F10
//     (docs/emv-test-cards.md: '06' || DKI || CVN || CVR, CVN 0A 3DES, 11 AES);
//   - recomputes the ARQC over 9F02 9F03 9F1A 95 5F2A 9A 9C 9F37, AIP, ATC
//     and CVR and compares it with 9F26: a mismatch declines (ARC "05")
//     without an ARPC;
//   - declines an expired card (5F24 before 9A: ARC "54") and a wrong online
//     PIN (not the test cards' PIN: ARC "55"); approves otherwise (ARC "00");
//   - answers with Issuer Authentication Data 91 = ARPC || ARC, ARPC method 1
//     (Book 2, 8.2.1), so the card's issuer authentication really runs.
// Thread-safe (const); called on the kernel's worker thread.
class StubIssuer
{
public:
    static Result<StubIssuer> load(const QString& path);

    emv::OnlineResponse authorize(const emv::OnlineRequest& request) const;

    // What it decided and why, e.g. "ARQC verified (3DES, ATC 0001); approved
    // (00)". Also printed as "Issuer (stub): ..." by authorize().
    struct Decision
    {
        emv::OnlineResponse response;
        std::string reason;
    };
    Decision decide(const emv::OnlineRequest& request) const;

    ~StubIssuer();
    StubIssuer(StubIssuer&&) noexcept = default;
    StubIssuer& operator=(StubIssuer&&) noexcept = default;

private:
    StubIssuer() = default;

    Bytes m_imkDes;
    Bytes m_imkAes;
};

} // namespace cardlink::cli
