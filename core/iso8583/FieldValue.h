#pragma once

#include "util/Bytes.h"

#include <string>
#include <variant>

namespace cardlink::iso8583 {

// A field's content: text for n, an, ans, z and x+n fields ("000000001234",
// "C00000150", "4761739001010010=2512..."), bytes for b fields.
using FieldValue = std::variant<std::string, Bytes>;

} // namespace cardlink::iso8583
