#pragma once

#include <cstddef>

namespace cardlink::sim {

// How a failed VERIFY is reported. ISO/IEC 7816-4:2013, table 6: 63Cx carries
// the tries left (what EMV cards do, EMV 4.4 Book 3, 6.5.12); some older cards
// only answer 6300, and terminals must cope with both.
enum class VerifyFailureStyle { Counter, Plain };

// Knobs that make the simulated card behave like one real card or another,
// so the terminal's handling of each variant can be tested.
struct CardBehaviour
{
    // Accept extended-length APDUs (ISO/IEC 7816-4:2013, 5.1). Without it an
    // extended command gets 6700. Never with T=0, which has no extended TPDUs.
    bool extendedLength = false;
    VerifyFailureStyle verifyFailure = VerifyFailureStyle::Counter;
    // Bytes GET CHALLENGE returns (ISO/IEC 7816-4:2013, 11.5.3; EMV uses 8).
    std::size_t challengeLength = 8;

    static constexpr std::size_t kMaxChallengeLength = 256;
};

} // namespace cardlink::sim
