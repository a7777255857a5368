#pragma once

namespace cardlink::sim {

// The transmission protocol the simulated card behaves as (ISO/IEC 7816-3:2006,
// clauses 10 and 11). It changes how responses travel, not what they say:
// - T=0 (12.2): a case 4 command, or any command the card cannot tell carried
//   an Le, gets 61xx and its data through GET RESPONSE; a case 2 command whose
//   Le is not the exact length available gets 6Cxx (xx = that length).
// - T=1 (12.3): response data travel with the status word; at most Ne bytes.
enum class TransmissionProtocol { T0, T1 };

} // namespace cardlink::sim
