#include "util/SecretRedaction.h"

#include <cstddef>
#include <vector>

namespace cardlink {

namespace {

constexpr std::size_t kMinPan = 13; // ISO/IEC 7812-1:2017, 4.2: 8-19, EMV cards 13+
constexpr std::size_t kMaxPan = 19;
constexpr std::size_t kShownLeading = 6; // PCI DSS 4.0, 3.4.1
constexpr std::size_t kShownTrailing = 4;
constexpr std::size_t kPinBlockNibbles = 16;
constexpr int kMinPinDigits = 4; // ISO 9564-1:2017, 5.2: 4 to 12 digits
constexpr int kMaxPinDigits = 12;

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

bool isDecimal(char c)
{
    return c >= '0' && c <= '9';
}

bool isJoiner(char c)
{
    return c == ' ' || c == ':' || c == '-';
}

int nibbleValue(char c)
{
    if (isDecimal(c))
        return c - '0';
    return (c | 0x20) - 'a' + 10;
}

// Marks the middle of every Luhn-valid window of `digits` in `masked`; digit
// d stands for the nibbles [offset + d * width, offset + (d + 1) * width).
void maskPanWindows(const std::string& digits, std::size_t offset, std::size_t width,
                    std::vector<bool>& masked)
{
    std::size_t runStart = 0;
    while (runStart < digits.size()) {
        std::size_t runEnd = runStart;
        while (runEnd < digits.size() && isDecimal(digits[runEnd]))
            ++runEnd;
        for (std::size_t start = runStart; start + kMinPan <= runEnd; ++start) {
            if (digits[start] == '0')
                continue;
            for (std::size_t length = kMinPan; length <= kMaxPan && start + length <= runEnd;
                 ++length) {
                if (!passesLuhn(std::string_view(digits).substr(start, length)))
                    continue;
                const std::size_t from = offset + (start + kShownLeading) * width;
                const std::size_t to = offset + (start + length - kShownTrailing) * width;
                for (std::size_t nibble = from; nibble < to; ++nibble)
                    masked[nibble] = true;
            }
        }
        runStart = runEnd + 1;
    }
}

// One run of hex digits: the text positions of its nibbles.
void redactRun(const std::string_view text, const std::vector<std::size_t>& positions,
               std::vector<bool>& maskedText)
{
    std::string nibbles;
    nibbles.reserve(positions.size());
    for (const std::size_t p : positions)
        nibbles += text[p];
    std::vector<bool> masked(nibbles.size(), false);

    // The digits themselves (plain text, BCD).
    maskPanWindows(nibbles, 0, 1, masked);

    // ASCII digits written as hex: 3X bytes, at either nibble offset.
    for (std::size_t parity = 0; parity < 2; ++parity) {
        std::string digits;
        for (std::size_t i = parity; i + 1 < nibbles.size(); i += 2) {
            const bool ascii = nibbles[i] == '3' && isDecimal(nibbles[i + 1]);
            digits += ascii ? nibbles[i + 1] : 'x';
        }
        maskPanWindows(digits, parity, 2, masked);
    }

    // Clear PIN blocks, ISO 9564-1:2017, 9.3.1 (format 0 field) and EMV 4.4
    // Book 3, 6.5.12 (format 2: C=2).
    for (std::size_t start = 0; start + kPinBlockNibbles <= nibbles.size(); ++start) {
        const char control = nibbles[start];
        if (control != '0' && control != '2')
            continue;
        const int length = nibbleValue(nibbles[start + 1]);
        if (length < kMinPinDigits || length > kMaxPinDigits)
            continue;
        bool block = true;
        for (std::size_t i = 2; i < kPinBlockNibbles && block; ++i) {
            const char c = nibbles[start + i];
            block = i < 2 + static_cast<std::size_t>(length) ? isDecimal(c) : (c | 0x20) == 'f';
        }
        if (block)
            for (std::size_t i = 0; i < kPinBlockNibbles; ++i)
                masked[start + i] = true;
    }

    for (std::size_t i = 0; i < nibbles.size(); ++i)
        if (masked[i])
            maskedText[positions[i]] = true;
}

} // namespace

bool passesLuhn(std::string_view digits)
{
    if (digits.empty())
        return false;
    int sum = 0;
    bool doubled = false;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
        if (!isDecimal(*it))
            return false;
        int d = *it - '0';
        if (doubled) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubled = !doubled;
    }
    return sum % 10 == 0;
}

std::string redactCardSecrets(std::string_view text)
{
    std::vector<bool> masked(text.size(), false);
    std::size_t i = 0;
    while (i < text.size()) {
        if (!isHexDigit(text[i])) {
            ++i;
            continue;
        }
        std::vector<std::size_t> positions;
        std::size_t j = i;
        while (j < text.size()) {
            if (isHexDigit(text[j])) {
                positions.push_back(j++);
            } else if (isJoiner(text[j]) && j + 1 < text.size() && isHexDigit(text[j + 1])) {
                ++j;
            } else {
                break;
            }
        }
        redactRun(text, positions, masked);
        i = j;
    }
    std::string out(text);
    for (std::size_t k = 0; k < out.size(); ++k)
        if (masked[k])
            out[k] = '*';
    return out;
}

} // namespace cardlink
