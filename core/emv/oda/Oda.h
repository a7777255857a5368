#pragma once

#include "emv/TransactionData.h"
#include "emv/oda/CaPublicKeyStore.h"
#include "iso7816/CardChannel.h"
#include "util/Bytes.h"

#include <optional>
#include <string>

namespace cardlink::emv {

// Offline data authentication, EMV 4.4 Book 2, 5 (SDA) and 6 (DDA/CDA).
// These functions do not touch TVR or TSI: the kernel sets SdaFailed,
// DdaFailed, CdaFailed, IccDataMissing, OdaNotPerformed and TSI "ODA
// performed" from the OdaResult; `reason` says why for the log. Every
// failure, a card error during INTERNAL AUTHENTICATE included, is an
// OdaResult with ok = false (Book 3, 10.3: the outcome is a TVR bit).

enum class OdaMethod { None, Sda, Dda, Cda };

// Book 3, 10.3: CDA when both the card (AIP byte 1 bit 1) and the terminal
// (Terminal Capabilities 9F33 byte 3 bit 4) support it, else DDA (AIP bit 6,
// 9F33 byte 3 bit 7), else SDA (AIP bit 7, 9F33 byte 3 bit 8), else None.
OdaMethod selectOdaMethod(ByteView aip, ByteView terminalCapabilities);

struct IccPublicKey
{
    Bytes modulus;
    Bytes exponent;
};

struct OdaResult
{
    bool ok = false;
    std::string reason;
    std::optional<IccPublicKey> iccKey;
    // The failure is missing card data (Book 3, 10.3: also set "ICC data
    // missing"): 8F, 90, 92 (when needed), 9F32, 93, 9F46, 9F47, 9F48 ...
    bool iccDataMissing = false;
    // Set when talking to the card failed (card removed, I/O) during
    // INTERNAL AUTHENTICATE: an Error, not an ODA outcome (STYLE.md).
    std::optional<Error> cardError;
};

// `staticData` = the records marked for ODA by the AFL (Book 3, 10.3) plus
// the SDA Tag List (9F4A) values; the functions read 9F4A themselves only to
// check it lists just 82 (Book 3, 10.3). The transaction date 9A is needed
// for certificate and CA key expiry.

// Book 2, 5.3 and 5.4: issuer certificate 90 with the CA key, then Signed
// Static Application Data 93; stores the Data Authentication Code 9F45.
OdaResult verifySda(TransactionData& data, ByteView staticData, const CaPublicKeyStore& keys);

// Book 2, 6.5: recovers the ICC key, builds the DDOL data (card's 9F49 or
// `defaultDdol`; it must contain 9F37), sends INTERNAL AUTHENTICATE and checks
// the Signed Dynamic Application Data; stores the ICC Dynamic Number 9F4C.
OdaResult verifyDda(iso7816::CardChannel& card, TransactionData& data, ByteView staticData,
                    const CaPublicKeyStore& keys, ByteView defaultDdol);

// Book 2, 6.3 and 6.4: issuer then ICC public key, for CDA before GENERATE AC.
OdaResult recoverIccKey(TransactionData& data, ByteView staticData, const CaPublicKeyStore& keys);

// Book 2, 6.6.2: checks the Signed Dynamic Application Data 9F4B in a
// GENERATE AC response in format 2 (`genAcResponseTemplate77` is the whole
// 77 template, tag and length included). `pdolData` is the PDOL-related data
// sent in GET PROCESSING OPTIONS (the values, without tag 83); `cdolData` the
// CDOL1-related data of the first GENERATE AC, or for the second GENERATE AC
// the CDOL1-related data followed by the CDOL2-related data (Book 2, 6.6.2,
// step 12). Needs 9F37 (the Unpredictable Number sent in the CDOL data) in
// `data`. On success stores 9F4C, 9F26 recovered from the signature, and the
// 9F27 and 9F36 of the response.
OdaResult verifyCdaSignature(const IccPublicKey& key, TransactionData& data,
                             ByteView genAcResponseTemplate77, ByteView pdolData,
                             ByteView cdolData);

} // namespace cardlink::emv
