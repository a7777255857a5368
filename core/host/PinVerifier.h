#pragma once

#include "host/Card.h"
#include "host/IssuerKeys.h"
#include "host/Terminal.h"
#include "util/Bytes.h"
#include "util/Result.h"

namespace cardlink::host {

enum class PinCheck {
    Correct,
    Wrong,      // counts as a wrong try
    Unreadable, // no PIN could be read (bad key serial number, no key): not counted
};

// The only place an online PIN is deciphered (issue 4, "Keys and PIN"): field
// 52 under the terminal's DUKPT PIN key (field 53), compared with the card's
// PIN verification value. Implementations wipe every clear PIN they touch.
class PinVerifier
{
public:
    virtual ~PinVerifier() = default;
    virtual Result<PinCheck> verify(const Terminal& terminal, const Card& card,
                                    const IssuerKeys& keys, ByteView pinBlock,
                                    ByteView keySerialNumber) = 0;
};

} // namespace cardlink::host
