#pragma once

#include "util/Bytes.h"

namespace cardlink::test {

// Hex literal for test data; the test data is known-good, so a typo aborts.
inline Bytes hex(const char* text)
{
    return fromHex(text).value();
}

} // namespace cardlink::test
