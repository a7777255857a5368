#pragma once

#include "dukpt/KeySerialNumber.h"
#include "host/Terminal.h"

namespace cardlink::host {

// True when the key serial number comes from this terminal's own DUKPT
// initial key (its initial key ID, X9.24-3-2017). Without this check a
// terminal could MAC or encipher with its own keys while naming another
// terminal in field 41. A terminal with no recorded initial key owns none.
bool dukptKeyBelongsTo(const Terminal& terminal, const dukpt::KeySerialNumber& ksn);

} // namespace cardlink::host
