#pragma once

#include "crypto/Hash.h"
#include "util/Bytes.h"
#include "util/Result.h"

#include <initializer_list>

namespace cardlink::crypto {

// HMAC (RFC 2104, FIPS 198-1) over the concatenation of `parts`, without
// building it. The key may have any length; an empty key is refused
// (InvalidArgument) because it can only be a mistake here.
Result<Bytes> hmac(HashAlgorithm algorithm, ByteView key, std::initializer_list<ByteView> parts);

} // namespace cardlink::crypto
