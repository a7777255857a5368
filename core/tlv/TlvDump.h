#pragma once

#include "tlv/TlvObject.h"

#include <span>
#include <string>

namespace cardlink::tlv {

// A readable tree for traces and the diagnostics screen, one object per line,
// two spaces of indent per level, names from the EMV dictionary:
//   6F File Control Information (FCI) Template [30]
//     84 Dedicated File (DF) Name [7] A0000000031010
//     ...
//   9F02 Amount, Authorised (Numeric) [6] 000000001234
// Text formats (a, an, ans) also show the printable text in quotes.
// Cardholder data is never shown in clear: the PAN (5A) and the PAN inside
// track data (56, 57, 9F6B) are masked with maskPan and the rest of the track
// hidden; track discretionary data (9F1F, 9F20) is hidden; PIN data (99) is
// shown as "**" without even its length.
std::string dump(std::span<const TlvObject> objects);
std::string dump(const TlvObject& object);

} // namespace cardlink::tlv
