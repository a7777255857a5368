#pragma once

#include "emv/Cardholder.h"
#include "emv/TransactionData.h"
#include "emv/Tvr.h"
#include "emv/oda/CaPublicKeyStore.h"
#include "emv/oda/Oda.h"
#include "iso7816/CardChannel.h"
#include "pin/SecretBytes.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <cstdint>
#include <optional>
#include <string>

namespace cardlink::emv {

struct CvmSettings
{
    ByteView terminalCapabilities; // 9F33, 3 bytes (byte 2 = CVM capability)
    std::uint64_t amount = 0;      // Amount, Authorised (minor units), for the PIN screen
    std::string currencyAlpha;     // ISO 4217 alpha, for the PIN screen
    bool pinPadWorking = true;
};

struct CvmOutcome
{
    Bytes cvmResults; // 9F34, 3 bytes: CVM performed, condition, result (Book 4, A4)
    bool onlinePin = false;
    pin::SecretBytes onlinePinDigits; // ASCII digits; the host layer enciphers them
    bool signatureRequired = false;
    bool cancelled = false; // the cardholder cancelled at the PIN pad
};

// Cardholder verification, EMV 4.4 Book 3, 10.5 and Book 4, 6.3: walks the
// CVM List (8E) in order, performs offline plaintext/enciphered PIN with the
// card, captures an online PIN, asks for a signature; sets the CVM-related
// TVR bits (byte 3), TSI "cardholder verification performed", stores 9F34 in
// `data`. Errors are transport failures and malformed card data only; every
// verification outcome (failed, blocked, bypassed) is in CvmOutcome / TVR.
// `iccKey` is used to encipher the PIN when the card has no PIN encipherment
// key (9F2D); `keys` lets the function recover 9F2D (Book 2, 7.1).
Result<CvmOutcome> performCardholderVerification(iso7816::CardChannel& card, Cardholder& cardholder,
                                                 TransactionData& data, Tvr& tvr, Tsi& tsi,
                                                 const CvmSettings& settings,
                                                 const std::optional<IccPublicKey>& iccKey,
                                                 const CaPublicKeyStore& keys);

} // namespace cardlink::emv
