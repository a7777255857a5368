#pragma once

#include <cstdint>
#include <span>

namespace cardlink::crypto {

// Fills `out` from OpenSSL's CSPRNG (RAND_bytes). Should the generator ever
// fail, the process aborts rather than hand out predictable bytes: callers
// use them for unpredictable numbers, challenges and salts.
void secureRandomFill(std::span<std::uint8_t> out);

} // namespace cardlink::crypto
