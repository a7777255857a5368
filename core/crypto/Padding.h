#pragma once

#include "util/Bytes.h"
#include "util/Result.h"

#include <cstddef>

namespace cardlink::crypto {

// ISO/IEC 9797-1 padding methods 1 and 2 (clause 6.1 of the 1999 edition).
//   Method1: append '00' bytes up to a whole block; nothing if already whole
//            (an empty message becomes one zero block).
//   Method2: append '80' then '00' bytes up to a whole block; always adds at
//            least one byte. EMV uses this one (Book 2, A1.2.1).
enum class Padding { Method1, Method2 };

Bytes pad(ByteView data, std::size_t blockSize, Padding method);

// Strips method-2 padding: the last non-'00' byte must be '80' and lie within
// the last block. Malformed otherwise (the data came from outside).
Result<Bytes> unpadMethod2(ByteView data, std::size_t blockSize);

} // namespace cardlink::crypto
