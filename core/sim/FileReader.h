#pragma once

#include "iso7816/Apdu.h"
#include "sim/CardState.h"

namespace cardlink::sim {

// READ BINARY (ISO/IEC 7816-4:2013, 11.2.3) and READ RECORD (11.3.3) on the
// current DF's EFs. An EF may be named by its SFI in the command, which makes
// it the current EF, as the standard says.
//
// Lengths: READ BINARY reads Ne bytes; READ RECORD answers the whole record.
// Le = 00 (Ne maximal) reads to the end of the file or record; an explicit Ne
// beyond the end returns what there is with 6282. The transmission protocol's
// Le rules (6Cxx when the answer is longer than Ne, or under T=0 not exactly
// Ne) are applied afterwards by the card, not here.
class FileReader
{
public:
    static iso7816::ResponseApdu readBinary(const iso7816::CommandApdu& command, CardState& state);
    static iso7816::ResponseApdu readRecord(const iso7816::CommandApdu& command, CardState& state);
};

} // namespace cardlink::sim
