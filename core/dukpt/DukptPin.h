#pragma once

#include "dukpt/DukptTerminal.h"
#include "dukpt/KeySerialNumber.h"
#include "pin/PinBlock.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <string_view>

namespace cardlink::dukpt {

// What an online PIN becomes on the wire: ISO 8583 field 52 (the enciphered
// ISO 9564-1 format 4 block, 16 bytes) and field 53 (the KSN, 12 bytes).
struct EncipheredPin
{
    Bytes pinBlock;
    KeySerialNumber ksn;
};

// Online PIN under AES DUKPT. The terminal enciphers at entry; the host
// deciphers only inside verify(), which answers yes or no against the
// stored PIN verification value (pin/PinVerificationValue.h) and wipes the
// clear PIN before returning. No function here returns a clear PIN.
class DukptPin
{
public:
    // Terminal: derives the PIN encryption key (usage 1000) of `transaction`
    // and builds the format 4 block (ISO 9564-1:2017, 9.4) for `pin` (4-12
    // ASCII digits) and `pan`. The PIN key is wiped before returning.
    static Result<EncipheredPin> encipher(ByteView pin, std::string_view pan,
                                          const TransactionKey& transaction,
                                          const pin::RandomSource& random = pin::systemRandom());

    // Host: BDK + KSN -> PIN encryption key -> clear PIN -> PVV, compared in
    // constant time with `storedPvv`. true = the PIN is right, false = wrong.
    // An Error means no PIN could be read: InvalidArgument for a bad BDK,
    // KSN (counter 0 or more than 16 one bits) or block length; Malformed when
    // the block does not decipher to a format 4 PIN field (wrong key, wrong
    // PAN or a tampered block). The host decides what to answer then.
    static Result<bool> verify(ByteView bdk, const KeySerialNumber& ksn, ByteView pinBlock,
                               std::string_view pan, ByteView pvvKey, ByteView storedPvv);
    // The same with the PIN encryption key already derived (a host that
    // derives WorkingKeys once per request).
    static Result<bool> verifyWithPinKey(ByteView pinKey, ByteView pinBlock, std::string_view pan,
                                         ByteView pvvKey, ByteView storedPvv);
};

} // namespace cardlink::dukpt
