#pragma once

#include "emv/TransactionData.h"
#include "emv/Tvr.h"
#include "iso7816/CardChannel.h"
#include "util/Bytes.h"
#include "util/Result.h"

namespace cardlink::emv {

// Issuer script processing, EMV 4.4 Book3, 10.10: sends the commands (86) of
// every script template with tag `which` (71 before the final GENERATE AC,
// 72 after it) found in `scripts`, each command as received. A script stops
// at the first command answered with an error (SW1 other than 90, 62, 63).
// Appends one 5-byte Issuer Script Result per script to 9F5B (Book 4, A5:
// result nibble 0 not performed / 1 failed / 2 successful, sequence number of
// the failing command, Script Identifier 9F18 or zeros), sets the TVR bit for
// a failed script and TSI "script processing performed". Errors are transport
// failures only (a card pulled mid-script).
Result<void> processIssuerScripts(iso7816::CardChannel& card, ByteView scripts, tlv::Tag which,
                                  TransactionData& data, Tvr& tvr, Tsi& tsi);

} // namespace cardlink::emv
