#pragma once

#include "sim/emv/EmvApplicationData.h"
#include "util/Bytes.h"

#include <cstdint>

namespace cardlink::sim::emv {

// What the card knows about its PIN when it decides (from PinVerifier).
struct PinStatus
{
    bool hasPin = false;
    bool blocked = false;
    int triesLeft = 0;
};

// The card's own risk management and its Card Verification Results. EMV 4.4
// Book 3, 6.5.5.4 leaves both to the issuer; these are the simulated card's
// rules (docs/emv-test-cards.md, "GENERATE AC and card risk management"):
//  first GENERATE AC: AAC asked, or the application blocked -> AAC;
//    ARQC asked -> ARQC; TC asked -> TC only when the amount (9F02) is at
//    most the offline limit, issuer authentication did not fail in the last
//    online transaction and, with requirePinForOffline on a card with a PIN,
//    the PIN was verified offline in this transaction; otherwise ARQC;
//  second GENERATE AC: AAC asked, the application blocked or issuer
//    authentication failed in this transaction -> AAC; TC asked -> TC.
class CardRiskManagement
{
public:
    static AcType decideFirst(AcType requested, std::uint64_t amount,
                              const EmvApplicationData& data, const PinStatus& pin,
                              bool& offlineLimitExceeded);
    static AcType decideSecond(AcType requested, const EmvApplicationData& data);

    // The 4-byte CVR that goes into 9F10 and into the cryptogram:
    //  byte 1: b8-b7 AC of the second GENERATE AC (00 AAC, 01 TC, 10 none yet),
    //          b6-b5 AC of the first (00 AAC, 01 TC, 10 ARQC),
    //          b4 CDA performed, b3 offline DDA performed,
    //          b2 issuer authentication not performed, b1 issuer auth failed;
    //  byte 2: b8-b5 PIN tries left, b4 offline PIN performed,
    //          b3 offline PIN failed, b2 PIN try limit exceeded,
    //          b1 issuer authentication failed in the last online transaction;
    //  byte 3: b8 offline limit exceeded, b7 application blocked,
    //          b4-b1 issuer script commands processed (up to 15);
    //  byte 4: b8 issuer script processing failed, others 0.
    // `firstAc` and `secondAc` are the types being returned now.
    static Bytes cardVerificationResults(const EmvApplicationData& data, const PinStatus& pin,
                                         AcType firstAc, std::optional<AcType> secondAc);
};

} // namespace cardlink::sim::emv
