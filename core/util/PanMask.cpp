#include "util/PanMask.h"

namespace cardlink {

namespace {
constexpr std::size_t kShownLeading = 6;
constexpr std::size_t kShownTrailing = 4;
constexpr std::size_t kMinMaskedLength = 12;
constexpr std::string_view kEllipsis = "\xE2\x80\xA6"; // U+2026, UTF-8
} // namespace

std::string maskPan(std::string_view digits)
{
    if (digits.size() < kMinMaskedLength)
        return std::string(digits.size(), '*');
    std::string masked(digits.substr(0, kShownLeading));
    masked += kEllipsis;
    masked += digits.substr(digits.size() - kShownTrailing);
    return masked;
}

} // namespace cardlink
