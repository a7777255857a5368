#include "crypto/SecureRandom.h"

#include <openssl/rand.h>

#include <climits>
#include <cstdlib>

namespace cardlink::crypto {

void secureRandomFill(std::span<std::uint8_t> out)
{
    while (!out.empty()) {
        const std::size_t chunk = out.size() > INT_MAX ? INT_MAX : out.size();
        if (RAND_bytes(out.data(), static_cast<int>(chunk)) != 1)
            std::abort();
        out = out.subspan(chunk);
    }
}

} // namespace cardlink::crypto
