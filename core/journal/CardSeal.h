#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <string>
#include <string_view>

namespace cardlink::journal {

// Seals the PAN a journal record needs for its reversal or advice
// (JournalRecord::sealedCard) so the journal file never holds it in clear.
// AES-256-GCM (NIST SP 800-38D) with a random 96-bit IV; the record's
// identity (terminal id and STAN) is the associated data, so a sealed PAN
// moved to another record does not open. Layout: IV (12) | ciphertext | tag (16).
class CardSeal
{
public:
    static constexpr std::size_t kKeySize = 32;

    static Result<Bytes> seal(std::string_view pan, ByteView key, std::string_view recordIdentity);
    // InvalidArgument for a wrong key, a changed identity or altered bytes.
    static Result<std::string> unseal(ByteView sealed, ByteView key,
                                      std::string_view recordIdentity);
};

} // namespace cardlink::journal
