#pragma once

#include "util/Result.h"

#include <winscard.h>

#include <string_view>

namespace cardlink::pcsc {

// The ErrorCode a PC/SC return code stands for: the ones callers act on
// (service down, no readers, card gone, timeout, cancelled) get their own
// code; everything else is an I/O failure or an internal error.
ErrorCode pcscErrorCode(LONG rv);

// An Error for a failed PC/SC call: "SCardTransmit: Card was removed.
// (0x80100069)". NoService carries the sentence people need instead of
// pcsc-lite's "Service not available."
Error pcscError(LONG rv, std::string_view operation);

} // namespace cardlink::pcsc
