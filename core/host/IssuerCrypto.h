#pragma once

#include "host/Card.h"
#include "host/IccRequestData.h"
#include "host/IssuerKeys.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <string_view>

namespace cardlink::host {

// The issuer's side of EMV 4.4 Book 2, 8 and 9, for one card and one
// transaction: the ICC master keys come from the issuer master keys, the PAN
// and the PSN (A1.4, option A up to 16 digits, B beyond), the session keys
// from those and the ATC (A1.3), exactly as core/sim/emv computes them.
class IssuerCrypto
{
public:
    IssuerCrypto(const IssuerKeys& keys, const Card& card, const IccRequestData& icc);

    // Recomputes the application cryptogram (8.1.2) and compares it in
    // constant time. false = the card did not make this cryptogram.
    Result<bool> cryptogramMatches() const;

    // Issuer Authentication Data (tag 91) for the card's ARPC method:
    // method 1 (8.2.1): ARPC (8) || ARC (2), ARC = the response code in ASCII;
    // method 2 (8.2.2): ARPC (4) || CSU (4).
    Result<Bytes> issuerAuthenticationData(std::string_view responseCode, bool approved,
                                           PendingScript script) const;

    // An issuer script template 72 (Book 3, 10.10: processed after the second
    // GENERATE AC) with script identifier 9F18 and one command 86 under
    // secure messaging (Book 2, 9.2.1): APPLICATION BLOCK 84 1E, CARD BLOCK
    // 84 16 or PIN CHANGE/UNBLOCK 84 24 00 00 (Book 3, 6.5). `scriptId` 4 bytes.
    Result<Bytes> scriptTemplate(PendingScript script, ByteView scriptId) const;

private:
    Result<Bytes> sessionKey(ByteView issuerMasterKey) const;

    const IssuerKeys& m_keys;
    const Card& m_card;
    const IccRequestData& m_icc;
};

} // namespace cardlink::host
