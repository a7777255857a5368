#include "iso8583/CardLinkProfile.h"

#include <cstdlib>

namespace cardlink::iso8583 {

namespace {
using F = FieldFormat;
using L = LengthType;
using E = Encoding;

// Names and attributes of the public fields follow ISO 8583:1987, 4.3. The
// deviations (52 and 53 variable for AES PIN blocks and AES DUKPT serial
// numbers, 55 as in ISO 8583:1993) and the private fields are explained in
// docs/iso8583-profile.md.
std::vector<FieldSpec> cardLinkFields()
{
    return {
        {2, "Primary account number", F::N, L::LlVar, 19, E::Bcd, true},
        {3, "Processing code", F::N, L::Fixed, 6, E::Bcd, false},
        {4, "Amount, transaction", F::N, L::Fixed, 12, E::Bcd, false},
        {7, "Transmission date and time", F::N, L::Fixed, 10, E::Bcd, false},
        {11, "Systems trace audit number", F::N, L::Fixed, 6, E::Bcd, false},
        {12, "Time, local transaction", F::N, L::Fixed, 6, E::Bcd, false},
        {13, "Date, local transaction", F::N, L::Fixed, 4, E::Bcd, false},
        {14, "Date, expiration", F::N, L::Fixed, 4, E::Bcd, false},
        {22, "Point of service entry mode", F::N, L::Fixed, 3, E::Bcd, false},
        {23, "Card sequence number", F::N, L::Fixed, 3, E::Bcd, false},
        {25, "Point of service condition code", F::N, L::Fixed, 2, E::Bcd, false},
        {28, "Amount, transaction fee", F::XN, L::Fixed, 8, E::Bcd, false},
        {35, "Track 2 data", F::Z, L::LlVar, 37, E::Bcd, true},
        {37, "Retrieval reference number", F::An, L::Fixed, 12, E::Ascii, false},
        {38, "Authorization identification response", F::An, L::Fixed, 6, E::Ascii, false},
        {39, "Response code", F::An, L::Fixed, 2, E::Ascii, false},
        {41, "Card acceptor terminal identification", F::Ans, L::Fixed, 8, E::Ascii, false},
        {42, "Card acceptor identification code", F::Ans, L::Fixed, 15, E::Ascii, false},
        {48, "Additional data, private (totals, order reference)", F::Ans, L::LllVar, 999, E::Ascii,
         false},
        {49, "Currency code, transaction", F::N, L::Fixed, 3, E::Bcd, false},
        {52, "PIN data (enciphered PIN block)", F::B, L::LlVar, 16, E::Binary, true},
        {53, "Security related control information (DUKPT KSN)", F::B, L::LlVar, 12, E::Binary,
         false},
        {55, "ICC system related data (EMV)", F::B, L::LllVar, 999, E::Binary, true},
        {62, "Private: authentication challenge", F::B, L::LllVar, 64, E::Binary, false},
        {63, "Private: authentication response", F::B, L::LllVar, 512, E::Binary, false},
        {64, "Message authentication code", F::B, L::Fixed, 8, E::Binary, false},
        {70, "Network management information code", F::N, L::Fixed, 3, E::Bcd, false},
        {90, "Original data elements", F::N, L::Fixed, 42, E::Bcd, false},
        {120, "Private: order", F::Ans, L::LllVar, 999, E::Ascii, false},
        {121, "Private: order cryptogram", F::B, L::LllVar, 512, E::Binary, false},
        {122, "Private: e-goods descriptor", F::Ans, L::LllVar, 999, E::Ascii, false},
        {123, "Private: e-goods payload", F::B, L::LllVar, 999, E::Binary, false},
        {124, "Private: wallet load command", F::B, L::LllVar, 255, E::Binary, false},
        {125, "Private: terminal information", F::Ans, L::LllVar, 255, E::Ascii, false},
        {126, "Private: cardholder message", F::Ans, L::LllVar, 255, E::Ascii, false},
        {127, "Private: host trace data", F::Ans, L::LllVar, 255, E::Ascii, false},
        {128, "Message authentication code (secondary)", F::B, L::Fixed, 8, E::Binary, false},
    };
}

Profile makeCardLinkProfile()
{
    auto profile =
        Profile::create("CardLink", E::Bcd, E::Bcd, kCardLinkMaxMessageSize, cardLinkFields());
    // The table above is constant; tst_iso8583 proves it valid. A broken
    // table is a programming error, not a runtime condition.
    if (!profile)
        std::abort();
    return std::move(profile).value();
}
} // namespace

const Profile& cardLinkProfile()
{
    static const Profile profile = makeCardLinkProfile();
    return profile;
}

} // namespace cardlink::iso8583
